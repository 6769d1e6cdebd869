import { formatAttributes } from './markdown.ts';

/** An upstream heading: `## Title {#stable_id authority=level}`. */
export interface Heading {
  depth: number;
  /** The title as written, without the attribute block. */
  title: string;
  id: string | null;
  authority: string | null;
  /** Attribute tokens the format has no place for (`.class`, `foo=bar`), reported and dropped. */
  unknown: string[];
}

const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** Reads an ATX heading line, or null when the line is not one. */
export function parseHeading(text: string): Heading | null {
  const match = atx.exec(text);
  if (!match) return null;
  let title = (match[2] ?? '').trim();
  let id: string | null = null;
  let authority: string | null = null;
  const unknown: string[] = [];
  const block = /\s*\{([^{}]*)\}\s*$/.exec(title);
  if (block) {
    title = title.slice(0, block.index).trim();
    for (const token of block[1]!.match(/[^\s=]+=(?:"[^"]*"|'[^']*'|\S+)|\S+/g) ?? []) {
      if (token.startsWith('#') && token.length > 1 && id === null) id = token.slice(1);
      else if (token.startsWith('authority=')) authority = token.slice('authority='.length).replace(/^["']|["']$/g, '');
      else unknown.push(token);
    }
  }
  return { depth: match[1]!.length, title, id, authority, unknown };
}

/** The heading line and its `::section` line in our format. */
export function renderHeading(heading: Heading, id: string): string[] {
  const attributes: Array<[string, string]> = heading.authority ? [['authority', heading.authority]] : [];
  return [`${'#'.repeat(heading.depth)} ${heading.title}`, `::section${formatAttributes(id, attributes)}`];
}
