import type { Html, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { Context } from './context.ts';
import { report } from './rules.ts';

/** Nodes remark-mdx makes of `{…}`, `<…>`, `import` and `export`: code, not text. */
const mdxCode = new Set(['mdxTextExpression', 'mdxFlowExpression', 'mdxJsxTextElement', 'mdxJsxFlowElement', 'mdxjsEsm']);

/**
 * MDX reads `{…}` as JavaScript and `<…>` as JSX, so example text that is literal in `.md`
 * breaks or silently changes in `.mdx`. On the MDX tree (the one the compiler compiles) this
 * names each piece of code in a message; on a plain-Markdown parse, each brace and tag.
 */
export function checkMdxSafety(message: ContainerDirective, context: Context): void {
  visit(message, (node) => {
    const type: string = node.type;
    if (mdxCode.has(type)) {
      const brace = type === 'mdxTextExpression' || type === 'mdxFlowExpression';
      const what = brace ? '`{`' : type === 'mdxjsEsm' ? '`import`/`export`' : `JSX \`<${(node as { name?: string | null }).name ?? ''}>\``;
      report(
        context.file,
        'mdx-unsafe-text',
        `Unexpected ${what} in a message of an \`.mdx\` file (MDX evaluates ${brace ? 'braces' : 'it'} as code), expected a \`.md\` file (recommended), backticks or \`\\${brace ? '{' : '<'}\``,
        at(node, 0, context),
      );
      return 'skip';
    }
    if (node.type === 'html') {
      report(
        context.file,
        'mdx-unsafe-text',
        `Unexpected HTML \`${firstLine((node as Html).value)}\` in a message of an \`.mdx\` file, expected text MDX can read literally: rename the file to \`.md\` (recommended) or put it in backticks`,
        node,
      );
    } else if (node.type === 'text') {
      const brace = /(^|[^\\])([{}])/.exec(sourceOf(node as Text, context));
      if (!brace) return;
      report(
        context.file,
        'mdx-unsafe-text',
        `Unexpected \`${brace[2]}\` in a message of an \`.mdx\` file (MDX evaluates braces as code), expected a \`.md\` file (recommended), backticks or \`\\${brace[2]}\``,
        at(node, brace.index + brace[1]!.length, context),
      );
    }
  });
}

/** The node narrowed to one character of its source, so the message points at the brace itself. */
function at(node: Node, index: number, context: Context): Node {
  const start = node.position?.start.offset;
  if (start === undefined) return node;
  const offset = start + index;
  const point = { ...context.pointAt(offset), offset };
  return { type: node.type, position: { start: point, end: { ...point, column: point.column + 1, offset: offset + 1 } } };
}

function sourceOf(node: Text, context: Context): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? node.value : context.source.slice(start, end);
}

function firstLine(value: string): string {
  const line = value.split('\n')[0] ?? '';
  return line.length > 40 ? line.slice(0, 40) + '…' : line;
}
