/**
 * The contract between the build and the browser: what both sides must agree on, written once.
 * The build (remark-spec, model, search records) and the client scripts (src/scripts/) import
 * this file, so it has no Node imports and no dependencies: it is bundled into pages as is.
 *
 * - URL shapes under an edition's root (`''`, `2025-09-12/` or `draft/` under the base path);
 * - id rules (what an id may look like);
 * - search filter names and the labels readers see for their values, and how search text is normalised;
 * - editions: the list of published editions and the ids each one renamed (`reading` adds it).
 */

// URL shapes ---------------------------------------------------------------------------------

/** Paths under an edition's root; `plugins/model/urls.ts` puts the base path and prefix in front. */
export const editionPath = {
  chapter: (slug: string) => `${slug}/`,
  target: (chapter: string, id: string) => `${chapter}/#${id}`,
  /** The stable short link of an id: works without JavaScript and unfurls with its title. */
  short: (id: string) => `s/${id}/`,
  page: (name: string) => `${name}/`,
} as const;

/**
 * Links written inside a chapter body, which sits one folder below its edition's root: valid
 * from every edition, so one rendering of a chapter serves them all.
 */
export const fromChapter = {
  target: (chapter: string, id: string) => `../${editionPath.target(chapter, id)}`,
  short: (id: string) => `../${editionPath.short(id)}`,
} as const;

// Id rules -----------------------------------------------------------------------------------

/** Letters, digits, `_` and `-`, starting with a letter or digit: safe in URLs, file names and HTML. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Ids appear in URLs, page names and headings; past this they are sentences, not names. */
export const maxIdLength = 100;

// Search filters -----------------------------------------------------------------------------

/** The filters every search record carries (`tag` only when the spec tags sections). */
export const filterNames = ['authority', 'kind', 'grade', 'tag'] as const;
export type FilterName = (typeof filterNames)[number];

/** The values of the `kind` filter: what a record is, as results and filter chips name it. */
export const kindLabels = { section: 'Section', example: 'Example', prompt: 'Eval prompt' } as const;
/** The same kinds counted on filter chips. */
export const kindPluralLabels = { section: 'Sections', example: 'Examples', prompt: 'Eval prompts' } as const;
export type RecordKind = keyof typeof kindLabels;

/** The values of the `grade` filter (an example "has a Violating response"), in the order results show them. */
export const gradeLabels = { violating: 'Violating', compliant: 'Compliant', ok: 'OK' } as const;
export type GradeName = keyof typeof gradeLabels;

/**
 * The `authority` filter's values are level names (the page's level table gives their labels and
 * styles); records with no level (chapter intros, definitions) have this value, which no level name
 * can be (names follow the id pattern), shown as `noLevelLabel`.
 */
export const noLevelValue = '_none';
export const noLevelLabel = 'No level';

// Search vocabulary ------------------------------------------------------------------------------

/** What `pagefind/words.json` holds (written by plugins/model/search-words.ts, read by the search UI). */
export interface SearchWords {
  /** Every word of every title and id, with how many records use it: "did you mean" checks against these. */
  titles: Record<string, number>;
  /** Groups of words or phrases that ask for the same thing, normalised. */
  synonyms: string[][];
  /** Words dropped from a query unless it has nothing else, normalised. */
  stopWords: string[];
}

/**
 * Lower case, no Latin diacritics, words separated by single spaces (apostrophes inside words
 * kept): how queries, titles and the vocabulary are compared. Recomposed after the accents go:
 * decomposed, a Japanese voiced kana (デ) or a Korean syllable would no longer match the index,
 * and other scripts' marks (Devanagari vowel signs) are part of their words.
 */
export function normalizeSearchText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}_']+|(?<![\p{L}\p{M}\p{N}])'|'(?![\p{L}\p{N}])/gu, ' ')
    .trim();
}

// Editions -------------------------------------------------------------------------------------
// (Reserved: the list of published editions and the ids each renamed, for the version switcher.)
