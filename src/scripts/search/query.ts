// What a typed query asks for, as data: the words that must be found (each with the synonyms
// that may stand in for it), or an exact phrase. Pure: no DOM, no Pagefind.
import { STOP_WORDS, stem, synonymsOf } from './words.ts';

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

/**
 * Lower case, no Latin diacritics, words separated by single spaces (apostrophes inside words
 * kept). Recomposed after the accents go: decomposed, a Japanese voiced kana (デ) or a Korean
 * syllable would no longer match the index, and other scripts' marks (Devanagari vowel signs)
 * are part of their words.
 */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}_']+|(?<![\p{L}\p{M}\p{N}])'|'(?![\p{L}\p{N}])/gu, ' ')
    .trim();
}

/** The query's words without stop words (all of them when every word is one), one per stem. */
export function queryWords(text: string): string[] {
  const words = normalize(text).split(' ').filter(Boolean);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  const kept = meaningful.length > 0 ? meaningful : words;
  const seen = new Set<string>();
  return kept.filter((word) => {
    const key = stem(word);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function analyzeQuery(text: string): AnalyzedQuery {
  const trimmed = text.trim();
  const exact = /^".+"$/.test(trimmed);
  const words = exact ? [] : queryWords(trimmed);
  return { text: trimmed, exact, terms: words.map((word) => ({ word, synonyms: synonymsOf(word) })) };
}

/** Does `candidate` (a word of a title) match the query word `word`: same stem, or starts with it (typing in progress)? */
export function wordMatches(word: string, candidate: string): boolean {
  const plain = normalize(candidate);
  return plain.startsWith(word) || stem(plain) === stem(word);
}
