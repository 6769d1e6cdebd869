import type { Block } from './blocks.ts';
import type { ImportContext } from './context.ts';
import { fenceColons } from './markdown.ts';

type Admonition = Extract<Block, { type: 'admonition' }>;

/**
 * `!!! meta "Commentary"` and its body indented four spaces becomes a `:::commentary` container
 * with the body de-indented. The body is converted like any text (it may hold examples), and the
 * container gets more colons than any container inside it. Another title than "Commentary" is
 * kept as a bold first line. Other admonition kinds have no equivalent in our format: they are
 * kept as a blockquote, title in bold, and reported.
 */
export function renderAdmonition(block: Admonition, renderBody: (blocks: Block[]) => string[], context: ImportContext): string[] {
  const body = renderBody(block.body);
  while (body.length > 0 && body[0]!.trim() === '') body.shift();
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
  const title = block.title?.trim() ?? '';

  if (block.kind === 'meta') {
    context.counters.commentary++;
    if (title && title.toLowerCase() !== 'commentary') body.unshift(`**${title}**`, '');
    if (body.length === 0) {
      context.warn(block.line, 'Empty commentary block; wrote `*(empty)*` so it stays valid');
      body.push('*(empty)*');
    }
    const colons = ':'.repeat(fenceColons(body));
    return indent([`${colons}commentary`, ...body, colons], block.indent);
  }

  context.warn(block.line, `Admonition \`!!! ${block.kind}\` has no equivalent in our format; kept as a blockquote`);
  const quoted = [...(title ? [`**${title}**`, ''] : []), ...body].map((line) => (line ? `> ${line}` : '>'));
  return indent(quoted, block.indent);
}

export function indent(lines: string[], columns: number): string[] {
  if (columns === 0) return lines;
  const pad = ' '.repeat(columns);
  return lines.map((line) => (line ? pad + line : line));
}
