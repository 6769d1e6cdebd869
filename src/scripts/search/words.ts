// Word-level facts the query analysis uses: the spec's vocabulary (synonyms and stop words, from
// `pagefind/words.json`, written by plugins/model/search-words.ts) and a light stemmer to compare inflections.
import type { SearchWords } from '../../../plugins/contract/index.ts';

export type { SearchWords };

/** Until `words.json` arrives, or when it cannot: no synonyms, no stop words, no titles. */
export const NO_WORDS: SearchWords = { titles: {}, synonyms: [], stopWords: [] };

/** Snowball English's exceptional forms whose stem is not a prefix of the word. */
const IRREGULAR: Record<string, string> = { dying: 'die', lying: 'lie', tying: 'tie', skies: 'sky' };

/**
 * A word's comparison key: lower case, without a possessive or the commonest English suffixes
 * (users → user, overrides/overriding/overridden → overrid, conflicts → conflict). Not a full
 * stemmer; it only has to agree with itself, since Pagefind stems the index on its own.
 */
export function stem(word: string): string {
  let key = word.toLowerCase().replace(/['’]s$/, '');
  // The forms Pagefind's stemmer (Snowball) maps to another spelling: lying finds lie.
  const irregular = IRREGULAR[key];
  if (irregular) return irregular;
  for (const [suffix, replacement] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (key.endsWith(suffix) && key.length - suffix.length >= 3 && !key.endsWith('ss')) {
      key = key.slice(0, -suffix.length) + replacement;
      // A consonant doubled before -ing or -ed is one, as Snowball has it: stepping, logged → step, log.
      if (suffix === 'ing' || suffix === 'ed') key = key.replace(/([bdfgmnprt])\1$/, '$1');
      break;
    }
  }
  return key.length > 3 ? key.replace(/e$/, '') : key;
}

const byStem = new WeakMap<SearchWords, Map<string, readonly string[]>>();

/** Each synonym is one more Pagefind search per query word: a group that grew large (groups sharing a word merge) is cut here. */
export const MAX_SYNONYMS = 8;

/**
 * The other members of the word's synonym group (none for most words), the first `MAX_SYNONYMS`. A
 * word matches a member by stem; a phrase member is only ever a synonym, since queries are matched word by word.
 */
export function synonymsOf(word: string, words: SearchWords): string[] {
  let index = byStem.get(words);
  if (!index) {
    index = new Map();
    for (const group of words.synonyms) for (const member of group) if (!member.includes(' ')) index.set(stem(member), group);
    byStem.set(words, index);
  }
  const key = stem(word);
  return (index.get(key) ?? []).filter((candidate) => stem(candidate) !== key).slice(0, MAX_SYNONYMS);
}
