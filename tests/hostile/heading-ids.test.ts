// Generated heading ids never take a spec id or a layout id.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadSpecWithPages } from '../../plugins/model/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'heading-ids-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const example = (title: string, id: string) => `::::example[${title}]{#${id}}\n:::user\nHi.\n:::\n\n:::compliant[Fine]\nHello.\n:::\n::::\n`;

it("an example titled like a section, a layout element or another chapter's section gets its own id", async () => {
  const content = path.join(work, 'content');
  mkdirSync(content);
  writeFileSync(
    path.join(content, '01-first.md'),
    [
      '# First',
      '::section{#first}',
      '',
      example('Refusals', 'ex_one'),
      example('Search', 'ex_two'),
      example('Elsewhere', 'ex_three'),
      example('Refusals', 'ex_four'),
      '## Refusals',
      '::section{#refusals}',
      '',
      'Text.',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(content, '02-second.md'), '# Second\n::section{#second}\n\n## Elsewhere\n::section{#elsewhere}\n\nText.\n');
  const model = await loadSpecWithPages(content, { log: () => {} });
  const html = model.chapters[0]!.html!;
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  expect(ids).toEqual(expect.arrayContaining(['refusals-1', 'search-1', 'elsewhere-1', 'refusals-2']));
  expect(ids.length).toBe(new Set(ids).size);
  expect(ids.filter((id) => id === 'refusals')).toHaveLength(1);
  expect(html).toMatch(/<h2[^>]*id="refusals"/);
  expect(ids).not.toContain('search');
  // The spec's other chapter owns `elsewhere`: `/s/elsewhere/` and `[?](#elsewhere)` must land there.
  expect(ids).not.toContain('elsewhere');
});
