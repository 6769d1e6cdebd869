/** The one rule every id follows: section ids, old ids, example ids, generated ids and tag names. */

import { idPattern, maxIdLength } from '../contract/index.ts';

// The pattern and length are the contract's: the browser checks ids against them too.
export { idPattern, maxIdLength };

/** Element ids the site's layout and plugins use (an author's id would clash with them on a page). */
export const layoutIds: ReadonlySet<string> = new Set([
  // src/layouts, src/pages, src/components
  'content',
  'contents',
  'main',
  'search',
  'top',
  'toc',
  'sidebar',
  'site-header',
  'authority-levels',
  // remark-gfm footnotes
  'footnote-label',
]);

/** The names of `Object.prototype`: as keys of a plain object they read inherited functions. */
export const prototypeNames: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Every name an id may not be. */
export const reservedIds: ReadonlySet<string> = new Set([...layoutIds, ...prototypeNames, 'prototype']);

/** Prefixes of ids the site and its plugins generate (`ms-search-input`, `user-content-fn-1`, …). */
export const reservedIdPrefixes: readonly string[] = ['ms-', 'user-content-'];

export type IdProblem = 'pattern' | 'length' | 'reserved';

/** What is wrong with `id`, or undefined when it follows the rule. */
export function idProblem(id: string): IdProblem | undefined {
  if (id.length > maxIdLength) return 'length';
  if (reservedIds.has(id) || reservedIdPrefixes.some((prefix) => id.startsWith(prefix))) return 'reserved';
  if (!idPattern.test(id)) return 'pattern';
  return undefined;
}

/** "Unexpected <what> `id`, expected …" for an id that breaks the rule. */
export function idMessage(what: string, id: string, problem: IdProblem): string {
  const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
  switch (problem) {
    case 'length':
      return `Unexpected ${what} \`${shown}\` of ${id.length} characters, expected at most ${maxIdLength}`;
    case 'pattern':
      return `Unexpected ${what} \`${shown}\`, expected letters, digits, \`_\` and \`-\` (starting with a letter or digit)`;
    case 'reserved': {
      const prefix = reservedIdPrefixes.find((candidate) => id.startsWith(candidate));
      const why = prefix
        ? `ids starting with \`${prefix}\` are the site's own`
        : layoutIds.has(id)
          ? `\`${id}\` is an element id of the site's pages`
          : `\`${id}\` is a built-in JavaScript name`;
      return `Unexpected ${what} \`${shown}\`, expected a name the site does not use itself (${why})`;
    }
  }
}

/** A URL fragment-safe slug of a title (the form a missing id is suggested in). */
export function slugify(title: string, maxLength = 64): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, maxLength)
      .replace(/_+$/, '') || 'section'
  );
}

/**
 * The chapter a file is, as the loader names its page: the file name without its number prefix
 * and extension (`content/02-chain-of-command.md` → `chain-of-command`). Unique within a spec.
 */
export function chapterName(filePath: string): string {
  const base = (filePath.split(/[\\/]/).pop() ?? '').replace(/\.mdx?$/i, '');
  const name = base
    .replace(/^\d+[-_.]+/, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 40);
  return name || 'spec';
}

/**
 * The id of an example written without `{#id}`: its chapter's name and its title
 * (`chain-of-command--greets_the_user`). Chapter names are unique in a spec, so generated ids of
 * different files never clash; within a file a repeated title gets `_2`, `_3`, … in order.
 */
export function generatedExampleId(filePath: string, title: string, taken: (id: string) => boolean): string {
  const base = `${chapterName(filePath)}--${slugify(title, 48)}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}_${n}`;
  return id;
}
