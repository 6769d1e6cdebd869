// "Did you mean …": a query word that matches nothing, one edit away from a word of some
// title, is read as that word. Bounded: only words of 4+ letters, only title words whose
// length differs by at most one, only distance 1.
import { distance } from 'fastest-levenshtein';
import { normalize } from './query.ts';
import { stem } from './words.ts';

/** Title words and how many titles use each, as written by the build (`titles` of `pagefind/words.json`). */
export type TitleWords = Record<string, number>;

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

/**
 * Did Pagefind find the word itself? When a word is not in its index, Pagefind falls back to
 * shorter forms of it ("honestx" finds "honest", "deceve" finds "de"); such a match is no reason
 * to keep a misspelling. True when a matched word starts with the query word or shares its stem.
 */
export function foundItself(word: string, content: string, locations: readonly number[]): boolean {
  const words = content.match(/(?:\S|\uFEFF)+/g) ?? [];
  return locations.some((location) => {
    const found = normalize(words[location] ?? '');
    return found.split(' ').some((part) => part.startsWith(word) || stem(part) === stem(word));
  });
}
