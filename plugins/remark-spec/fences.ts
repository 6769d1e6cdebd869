import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { Context } from './context.ts';
import { report } from './rules.ts';

/**
 * A container without its closing fence runs to the end of the file and swallows everything
 * after it; the parser accepts that silently, so it is checked here.
 */
export function checkClosed(node: ContainerDirective, context: Context): void {
  const end = node.position?.end;
  const lastLine = end ? (context.lines[end.line - 1] ?? '') : '';
  if (end && !/^\s*:{3,}\s*$/.test(lastLine)) {
    report(
      context.file,
      'malformed-nesting',
      `Unexpected unclosed \`${node.name}\` container (it runs to line ${end.line}), expected a closing line of colons as long as its opening fence`,
      { type: 'x', position: { start: node.position!.start, end: node.position!.start } } as Node,
    );
  }
}
