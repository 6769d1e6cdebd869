// Pagefind's JS API as this UI uses it, and loading it (and the spec's search vocabulary) once per page.
import type { SearchWords } from './words.ts';

/** What Pagefind returns for one record (the fields this UI reads). */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  /** The record's text with `<` and `>` escaped (not `&`): for HTML, never for decoding. */
  raw_content?: string;
  /** The record's whole text as written (it starts with the title). */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions (in words of the content) of the matches. */
  words: number[];
  /** Meta fields the query matched in (`title`, `id`, …). */
  matchedMetaFields?: string[];
  data: () => Promise<PagefindFragment>;
}
export interface PagefindResponse {
  results: PagefindResult[];
}
export type FilterCounts = Record<string, Record<string, number>>;
export type PagefindFilters = Record<string, string>;
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse | null>;
  preload: (term: string) => Promise<void>;
  filters: () => Promise<FilterCounts>;
}

let pagefind: Promise<PagefindApi> | undefined;

/** Pagefind, imported and initialised once (a failed attempt is retried on the next call). */
export function loadPagefind(base: string): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    await api.options({
      // Record URLs already carry the site's base path (`/base/chapter/#id`).
      baseUrl: '/',
      excerptLength: 22,
      ranking: {
        // Title matches lead; an id typed or pasted in full finds its section; where a record
        // sits (chapter, section of an example) counts for little.
        metaWeights: { title: 8, id: 4, chapter: 0.3, section: 0.5, holds: 0.1 },
      },
    });
    await api.init();
    return api;
  })();
  pagefind.catch(() => {
    pagefind = undefined; // Let a later attempt retry (a flaky network, say).
  });
  return pagefind;
}

let words: Promise<SearchWords> | undefined;

/** The spec's search vocabulary (written by plugins/astro/pagefind.ts); fetched once per page. */
export function loadSearchWords(base: string): Promise<SearchWords> {
  words ??= fetch(`${base}pagefind/words.json`).then((response) => {
    if (!response.ok) throw new Error(`words.json: HTTP ${response.status}`);
    return response.json() as Promise<SearchWords>;
  });
  words.catch(() => {
    words = undefined;
  });
  return words;
}
