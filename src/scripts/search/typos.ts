// "Did you mean …": a query word that matches nothing, one edit away from a word of some
// title, is read as that word. Bounded: only words of 4+ letters, only title words whose
// length differs by at most one, only distance 1.
import { distance } from 'fastest-levenshtein';
import { normalizeSearchText } from '../../../plugins/contract/index.ts';
import { type SearchWords, stem } from './words.ts';

/** Title words and how many titles use each, as written by the build (`titles` of `pagefind/words.json`). */
export type TitleWords = SearchWords['titles'];

/** Shorter words have too many neighbours one edit away to guess from. */
export const MIN_TYPO_LENGTH = 4;

/** The title word one edit away from `word` (the commonest, then the first alphabetically), if any. */
export function correctWord(word: string, titleWords: TitleWords): string | undefined {
  // Only plain words: an id (`snake_case`), a number or a possessive is typed on purpose.
  if (word.length < MIN_TYPO_LENGTH || word in titleWords || !/^\p{L}+$/u.test(word)) return undefined;
  let best: { word: string; count: number } | undefined;
  for (const [candidate, count] of Object.entries(titleWords)) {
    if (Math.abs(candidate.length - word.length) > 1 || distance(word, candidate) !== 1) continue;
    if (!best || count > best.count || (count === best.count && candidate < best.word)) best = { word: candidate, count };
  }
  return best?.word;
}

/** The stems of a vocabulary's title words, computed once per page, not once per query. */
const titleStems = new WeakMap<TitleWords, Set<string>>();

/** Whether a title uses the word, or a form of it with the same stem (so the index holds it). */
export function isTitleWord(word: string, titleWords: TitleWords): boolean {
  let stems = titleStems.get(titleWords);
  if (!stems) titleStems.set(titleWords, (stems = new Set(Object.keys(titleWords).map(stem))));
  return word in titleWords || stems.has(stem(word));
}

/** Scripts written without spaces between words (Chinese, Japanese, Thai…), and Korean, which Pagefind segments too. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** What Pagefind matched for a query word: the word itself, a near form of it, or a far one. */
export type MatchKind = 'itself' | 'near' | 'far';

/** A fallback match shares more than this share of the query word's letters, from its start, to count as near. */
const NEAR_PREFIX = 0.5;

/**
 * How Pagefind matched the word. When a word is not in its index, Pagefind falls back to shorter
 * forms of it: a near one is worth showing ("confidentality" finds "confidential", "honestx"
 * finds "honest"); a far one is noise ("blockchain" finds "block", "deceve" finds "de").
 * `itself` when a matched word starts with the query word or shares its stem; `near` when it
 * shares more than the word's first half (and at least 4 letters).
 */
export function matchKind(word: string, content: string, locations: readonly number[]): MatchKind {
  // Pagefind counts words in these scripts by its own segmenter, which a split at spaces cannot follow.
  if (UNSPACED.test(content)) return 'itself';
  const words = content.match(/(?:\S|\uFEFF)+/g) ?? [];
  const parts = locations.flatMap((location) => normalizeSearchText(words[location] ?? '').split(' '));
  if (parts.some((part) => part.startsWith(word) || stem(part) === stem(word))) return 'itself';
  const needed = Math.max(MIN_TYPO_LENGTH, Math.floor(word.length * NEAR_PREFIX) + 1);
  return parts.some((part) => sharedPrefix(part, word) >= needed) ? 'near' : 'far';
}

function sharedPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}
