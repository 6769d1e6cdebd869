// What a typed query asks for, as data: the words that must be found (each with the synonyms
// that may stand in for it), or an exact phrase. Pure: no DOM, no Pagefind.
import { normalizeSearchText } from '../../../plugins/contract/index.ts';
import { type SearchWords, stem, synonymsOf } from './words.ts';

/** One word of the query and the words that may stand in for it. */
export interface QueryTerm {
  /** The word as typed (normalised). */
  word: string;
  /** Synonyms searched alongside it; a match on one counts for a little less. */
  synonyms: string[];
}

export interface AnalyzedQuery {
  /** The query as typed, trimmed. */
  text: string;
  /** `"…"`: Pagefind matches the phrase exactly; no stop words, synonyms or fallback. */
  exact: boolean;
  terms: QueryTerm[];
}

/** The query's words without stop words (all of them when every word is one), one per stem. */
export function queryWords(text: string, stopWords: readonly string[]): string[] {
  const words = normalizeSearchText(text).split(' ').filter(Boolean);
  const meaningful = words.filter((word) => !stopWords.includes(word));
  const kept = meaningful.length > 0 ? meaningful : words;
  const seen = new Set<string>();
  return kept.filter((word) => {
    const key = stem(word);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function analyzeQuery(text: string, words: SearchWords): AnalyzedQuery {
  const trimmed = text.trim();
  const exact = /^".+"$/.test(trimmed);
  const typed = exact ? [] : queryWords(trimmed, words.stopWords);
  return { text: trimmed, exact, terms: typed.map((word) => ({ word, synonyms: synonymsOf(word, words) })) };
}

/** Does `candidate` (a word of a title) match the query word `word`: same stem, or starts with it (typing in progress)? */
export function wordMatches(word: string, candidate: string): boolean {
  const plain = normalizeSearchText(candidate);
  return plain.startsWith(word) || stem(plain) === stem(word);
}
