import { formatAttributes } from './markdown.ts';

/** An upstream heading: `## Title {#stable_id authority=level tags=under_18}`. */
export interface Heading {
  depth: number;
  /** The title as written, without the attribute block. */
  title: string;
  id: string | null;
  /** The authority as written upstream (normalised by `normalizeAuthority`). */
  authority: string | null;
  /** `tags=…` as written (`under_18`), copied to the `::section` line. */
  tags: string | null;
  /** Attribute tokens the format has no place for (`.class`, `foo=bar`), reported and kept as text. */
  unknown: string[];
}

const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const unquote = (value: string) => value.replace(/^(["'])(.*)\1$/, '$2');

/** Reads an ATX heading line, or null when the line is not one. */
export function parseHeading(text: string): Heading | null {
  const match = atx.exec(text);
  if (!match) return null;
  let title = (match[2] ?? '').trim();
  let id: string | null = null;
  let authority: string | null = null;
  let tags: string | null = null;
  const unknown: string[] = [];
  const block = /\s*\{([^{}]*)\}\s*$/.exec(title);
  if (block) {
    title = title.slice(0, block.index).trim();
    for (const token of block[1]!.match(/[^\s=]+=(?:"[^"]*"|'[^']*'|\S+)|\S+/g) ?? []) {
      if (token.startsWith('#') && token.length > 1 && id === null) id = token.slice(1);
      else if (token.startsWith('authority=') && authority === null) authority = unquote(token.slice('authority='.length));
      else if (token.startsWith('tags=') && tags === null) tags = unquote(token.slice('tags='.length));
      else unknown.push(token);
    }
  }
  return { depth: match[1]!.length, title, id, authority, tags, unknown };
}

/** A level name as spec.config.json accepts it (plugins/model/config.ts). */
export const levelNamePattern = /^[a-z][a-z0-9_-]*$/;

/**
 * An upstream `authority=` value as a level name: markup (`**root**`, `` `root` ``, `<b>root</b>`)
 * and capitals are dropped (`Root` → `root`). Null when nothing usable is left (`root/user`).
 */
export function normalizeAuthority(raw: string): string | null {
  const plain = raw
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/[*_`"']/g, '')
    .trim()
    .toLowerCase();
  return levelNamePattern.test(plain) ? plain : null;
}

/** The heading line and its `::section` line in our format. */
export function renderHeading(heading: Heading, id: string): string[] {
  const attributes: Array<[string, string]> = heading.authority ? [['authority', heading.authority]] : [];
  let section = `::section${formatAttributes(id, attributes)}`;
  // Quoted always, as docs/authoring.md writes it: `tags="under_18"`.
  if (heading.tags) section = section.replace(/\}$/, ` tags="${heading.tags.replace(/"/g, '&quot;')}"}`);
  return [`${'#'.repeat(heading.depth)} ${heading.title}`, section];
}
