import type { Html, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { Context } from './context.ts';
import { report } from './rules.ts';

/**
 * MDX reads `{…}` as JavaScript and `<…>` as JSX, so example text that is literal in `.md`
 * breaks or silently changes in `.mdx`. Run on a plain-Markdown parse, this names the place.
 */
export function checkMdxSafety(message: ContainerDirective, context: Context): void {
  visit(message, (node) => {
    if (node.type === 'html') {
      report(context.file, 'mdx-unsafe-text', `Unexpected HTML \`${firstLine((node as Html).value)}\` in a message of an \`.mdx\` file, expected text MDX can read literally: rename the file to \`.md\` (recommended) or put it in backticks`, node);
    } else if (node.type === 'text' && /(^|[^\\])[{}]/.test(sourceOf(node as Text, context))) {
      report(context.file, 'mdx-unsafe-text', `Unexpected \`{\` or \`}\` in a message of an \`.mdx\` file (MDX evaluates braces as code), expected a \`.md\` file (recommended), backticks or \`\\{\``, node);
    }
  });
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
