import type { Nodes, Parent } from 'mdast';
import type { Node } from 'unist';
import type { SourceRange } from './types.ts';

/** The author's source between the start of `first` and the end of `last`, verbatim. */
export function sourceSlice(source: string, first: Node | undefined, last: Node | undefined = first): string {
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return dedent(source.slice(lineStart(source, start), end));
}

/** The source from offset `start` to `end`, trimmed of blank edges. */
export function sourceBetween(source: string, start: number, end: number): string {
  return dedent(source.slice(start, end))
    .replace(/^\s*\n/, '')
    .trimEnd();
}

/**
 * `sourceBetween` for a body that may hold MDX: its code (`import`/`export`, `{expressions}`) and
 * its JSX tags are cut out, keeping the Markdown children of a JSX element, so the data of an
 * `.mdx` chapter holds the same kind of text as a `.md` chapter's.
 */
export function markdownBetween(source: string, start: number, end: number, body: readonly Nodes[]): string {
  const cuts: Array<[number, number]> = [];
  const walk = (node: Nodes): void => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return;
    if (mdxCode.test(node.type)) return void cuts.push([from, to]);
    const children = 'children' in node ? ((node as Parent).children as Nodes[]) : [];
    if (/^mdxJsx(?:Flow|Text)Element$/.test(node.type)) {
      const first = children[0]?.position?.start.offset;
      const last = children.at(-1)?.position?.end.offset;
      if (first === undefined || last === undefined) return void cuts.push([from, to]);
      cuts.push([from, first], [last, to]);
    }
    children.forEach(walk);
  };
  body.forEach(walk);
  if (cuts.length === 0) return sourceBetween(source, start, end);
  cuts.sort((a, b) => a[0] - b[0]);
  let text = '';
  let at = start;
  for (const [from, to] of cuts) {
    if (from < at) continue;
    text += source.slice(at, from);
    at = to;
  }
  text += source.slice(at, end);
  return dedent(text.replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n'))
    .replace(/^\s*\n/, '')
    .trimEnd();
}

function lineStart(source: string, offset: number): number {
  const newline = source.lastIndexOf('\n', offset - 1);
  const prefix = source.slice(newline + 1, offset);
  // Keep indentation that belongs to the first line (inside lists or blockquotes it is markup).
  return /^[ \t]*$/.test(prefix) ? newline + 1 : offset;
}

/** Removes the indentation every non-blank line shares (containers nested in lists are indented). */
function dedent(text: string): string {
  const lines = text.split('\n');
  let common = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    common = Math.min(common, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(common) || common === 0) return text;
  return lines.map((line) => line.slice(common)).join('\n');
}

export function rangeOf(node: Node): SourceRange {
  const position = node.position;
  return {
    start: { line: position?.start.line ?? 0, column: position?.start.column ?? 0 },
    end: { line: position?.end.line ?? 0, column: position?.end.column ?? 0 },
  };
}

const blockTypes = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'list',
  'listItem',
  'code',
  'math',
  'table',
  'tableRow',
  'thematicBreak',
  'html',
  'containerDirective',
  'leafDirective',
  'definition',
  'footnoteDefinition',
]);

/** Plain text that keeps blocks apart (mdast-util-to-string runs list items together). */
export function plainText(nodes: readonly Nodes[]): string {
  const blocks: string[] = [];
  let inline = '';
  const flush = () => {
    if (inline.trim()) blocks.push(inline.split('\n').map(trimBlanksEnd).join('\n').trim());
    inline = '';
  };
  for (const node of nodes) {
    if (blockTypes.has(node.type)) {
      flush();
      const text = blockText(node);
      if (text.trim()) blocks.push(text.trim());
    } else {
      inline += inlineText(node);
    }
  }
  flush();
  return blocks.join('\n\n');
}

/** Drops trailing spaces and tabs (a loop: `/[ \t]+\n/` rescans long runs of spaces, quadratically). */
function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** MDX code (`{expressions}`, `import`/`export`): never part of a chapter's text. */
const mdxCode = /^mdx(?:Flow|Text)Expression$|^mdxjsEsm$/;

function blockText(node: Nodes): string {
  if (mdxCode.test(node.type)) return '';
  switch (node.type) {
    case 'code':
    case 'math':
    case 'html':
      return node.value;
    case 'list':
      return node.children.map((item) => plainText(item.children).replace(/\n\n/g, '\n')).join('\n');
    case 'tableRow':
      return node.children.map((cell) => plainText(cell.children)).join(' | ');
    case 'table':
      return node.children.map(blockText).join('\n');
    case 'thematicBreak':
      return '';
    default:
      return 'children' in node ? plainText((node as Parent).children as Nodes[]) : '';
  }
}

function inlineText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (mdxCode.test(node.type)) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node as Parent).children.map((child) => inlineText(child as Nodes)).join('');
  return '';
}

// The importer reads the id rule from here; it lives in ids.ts.
export { idPattern } from './ids.ts';

/**
 * Puts `node` in place of the child at `index`. A visitor's parent is a union of parent types,
 * whose children arrays TypeScript cannot splice; the callers know the node fits the parent.
 */
export function replaceChild(parent: { children: unknown[] }, index: number, node: Nodes): void {
  parent.children.splice(index, 1, node);
}
