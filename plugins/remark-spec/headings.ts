import type { Heading } from 'mdast';
import type { Context } from './context.ts';
import { report } from './rules.ts';
import { plainText } from './text.ts';

/**
 * A heading inside a list, quote, commentary or example description is neither a section (those
 * are top-level headings) nor part of a message; it would show as a heading the outline lacks.
 */
export function reportNestedHeading(heading: Heading, where: string, context: Context): void {
  const title = plainText(heading.children).replace(/\s+/g, ' ').trim();
  report(
    context.file,
    'nested-heading',
    `Unexpected heading \`${title}\` inside ${where}, expected headings only at the top level of the file, each a section with its \`::section{#id}\` line (use **bold** text for emphasis)`,
    heading,
  );
}
