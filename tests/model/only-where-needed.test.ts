// KaTeX and Shiki run only on chapters that have math or code blocks; a chapter gets the same
// HTML either way, whichever way its math or code was written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementContent, Root } from 'hast';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { hasCodeBlock, hasMath, loadSpecWithPages, onlyWhereNeeded } from '../../plugins/model/index.ts';

async function render(body: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-needed-'));
  writeFileSync(path.join(dir, '01-one.md'), `# One\n::section{#one}\n\n${body}\n`);
  const spec = await loadSpecWithPages(dir, { log: () => {} });
  return spec.chapters[0]!.html!;
}

test.each([
  ['display math', '$$\nx^2\n$$', 'katex-display'],
  ['a math fence', '```math\nx^2\n```', 'katex'],
  ['math in a nested list in a quote', '> - item\n>   - $$x^2$$ nested', 'katex'],
  ['a code block', '```js\nlet x = 1;\n```', 'astro-code'],
  ['an indented code block', 'Text.\n\n    plain code\n', 'astro-code'],
  ['a code block in a quote', '> ```\n> quoted\n> ```', 'astro-code'],
])('%s is still rendered', async (_name, body, mark) => {
  expect(await render(body)).toContain(mark);
});

test('prose, inline code and a dollar sign pass through untouched', async () => {
  const html = await render('It costs $5 and `code` is inline.');
  expect(html).not.toContain('katex');
  expect(html).not.toContain('astro-code');
  expect(html).toContain('<code>code</code>');
});

test('the checks find what they look for at any depth, and nothing else', () => {
  const deep = (leaf: ElementContent): Root => ({
    type: 'root',
    children: [{ type: 'element', tagName: 'div', properties: {}, children: [{ type: 'element', tagName: 'section', properties: {}, children: [leaf] }] }],
  });
  const element = (tagName: string, className: string[] = [], children: ElementContent[] = []): ElementContent => ({
    type: 'element',
    tagName,
    properties: { className },
    children,
  });
  expect(hasMath(deep(element('span', ['math-inline'])))).toBe(true);
  expect(hasMath(deep(element('span', ['mathematics'])))).toBe(false);
  expect(hasCodeBlock(deep(element('pre', [], [element('code')])))).toBe(true);
  expect(hasCodeBlock(deep(element('p', [], [element('code')])))).toBe(false);
});

test('a transformer keeps its calling convention: a callback-style one still finishes', async () => {
  const seen: string[] = [];
  // biome-ignore lint/correctness/noUnusedFunctionParameters: unified tells a callback-style transformer by its three parameters
  const callbackStyle = () => (tree: Root, _file: unknown, next: (error?: Error) => void) => {
    seen.push('ran');
    setTimeout(() => next(), 1);
  };
  const tree = (tagName: string): Root => ({ type: 'root', children: [{ type: 'element', tagName, properties: {}, children: [] }] });
  const processor = unified().use(onlyWhereNeeded(callbackStyle, (root) => (root.children[0] as { tagName: string }).tagName === 'pre'));
  await processor.run(tree('pre'));
  await processor.run(tree('p'));
  expect(seen).toEqual(['ran']);
});
