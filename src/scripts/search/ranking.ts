// Ranking of search results, as pure functions over what Pagefind reports for each query word:
// which records matched it, how strongly (Pagefind's BM25 score), and whether in the title or id.
import { kindLabels } from '../../../plugins/contract/index.ts';
import { normalizeSearchText } from '../../../plugins/contract/index.ts';
import { wordMatches } from './query.ts';

/** One record matched by one query word (or by one of its synonyms). */
export interface TermHit {
  score: number;
  /** The word (or synonym) is in the record's title or id. */
  inTitle: boolean;
  /** The word is in the title of an example or eval prompt the section holds (a section's `holds`). */
  inHolds?: boolean;
  /** Matched through a synonym, not the word itself. */
  synonym: boolean;
  /** Word positions of the match in the record's content. */
  locations: number[];
}

export interface RankedRecord<T> {
  id: string;
  /** Pagefind's result for the record (from any of its hits), to load its data later. */
  result: T;
  /** How many query words the record matches. */
  coverage: number;
  score: number;
  /** Word positions of every match, for the excerpt. */
  locations: number[];
}

export type Coverage =
  /** Every listed record has every word (or there is a single word). */
  | 'all'
  /** Some records have every word; records whose title has some of the words follow them. */
  | 'all-and-titles'
  /** No record has every word: records with the most of them. */
  | 'most'
  | 'none';

/** A title or id match is worth this many text matches: a record named for a word is about it. */
export const TITLE_WEIGHT = 2;
/** Having every word is worth one more text match. */
export const COMPLETE_BONUS = 1;
/** A synonym's match counts for this share of the word's own. */
export const SYNONYM_FACTOR = 0.8;
/**
 * A word in the title of an example the section holds counts as a title match of the section: the
 * section is the rule that example illustrates (and with KIND_FACTOR it comes before the example).
 */
export const HOLDS_WEIGHT = TITLE_WEIGHT;

/** What a record is: the rule (a section), an illustration of it (an example), or an eval prompt. */
export type RecordKind = 'section' | 'example' | 'prompt';
/**
 * The rule first: a record's score is scaled by its kind, so a section outranks an example, and an
 * example an eval prompt, when they match about equally well; a clearly better match still wins.
 */
export const KIND_FACTOR: Readonly<Record<RecordKind, number>> = { section: 1, example: 0.8, prompt: 0.6 };

/**
 * Orders records matched by the query's words (`hits[i]` maps record id → hit for word i).
 *
 * Each word adds to a record's score once: TITLE_WEIGHT when it is in the title or id, plus its
 * text strength, Pagefind's score for the word relative to the best text-only match of that word
 * (capped at 1, so a long record cannot win on one word alone). Records with every word get
 * COMPLETE_BONUS. Words count equally, so a rare word does not drown the others.
 *
 * Which records are listed: when some record has every word, those, and the records whose title
 * or id has a word and whose text has at least half of them; when none does, the records with at
 * least half the words (or, failing that, the most any record has).
 */
export function rankRecords<T>(
  hits: Map<string, TermHit & { result: T }>[],
  kindOf: (id: string) => RecordKind = () => 'section',
): { records: RankedRecord<T>[]; coverage: Coverage } {
  const words = hits.length;
  const byRecord = new Map<string, { result: T; coverage: number; score: number; raw: number; inTitle: boolean; locations: Set<number> }>();
  for (const termHits of hits) {
    const values = [...termHits.values()];
    const textOnly = values.filter((hit) => !hit.inTitle);
    const reference = Math.max(...(textOnly.length ? textOnly : values).map(effectiveScore), Number.MIN_VALUE);
    for (const [id, hit] of termHits) {
      const record = byRecord.get(id) ?? { result: hit.result, coverage: 0, score: 0, raw: 0, inTitle: false, locations: new Set<number>() };
      const strength = Math.min(1, effectiveScore(hit) / reference);
      record.coverage += 1;
      // A synonym in a held example's title is too remote to name the section.
      record.score += (hit.inTitle ? TITLE_WEIGHT : hit.inHolds && !hit.synonym ? HOLDS_WEIGHT : 0) + strength;
      record.raw += hit.score;
      record.inTitle ||= hit.inTitle || Boolean(hit.inHolds);
      for (const location of hit.locations) record.locations.add(location);
      byRecord.set(id, record);
    }
  }
  if (byRecord.size === 0) return { records: [], coverage: 'none' };

  const best = Math.max(...[...byRecord.values()].map((record) => record.coverage));
  const half = Math.ceil(words / 2);
  let coverage: Coverage;
  let listed: (record: { coverage: number; inTitle: boolean }) => boolean;
  if (best === words) {
    const partial = words > 1 && [...byRecord.values()].some((record) => record.coverage < words && record.inTitle && record.coverage >= half);
    coverage = partial ? 'all-and-titles' : 'all';
    listed = (record) => record.coverage === words || (record.inTitle && record.coverage >= half);
  } else {
    coverage = 'most';
    const least = Math.min(best, half);
    listed = (record) => record.coverage >= least;
  }
  const records = [...byRecord]
    .filter(([, record]) => listed(record))
    .map(([id, record]) => ({
      id,
      result: record.result,
      coverage: record.coverage,
      score: (record.score + (record.coverage === words ? COMPLETE_BONUS : 0)) * KIND_FACTOR[kindOf(id)],
      raw: record.raw,
      locations: [...record.locations].sort((a, b) => a - b),
    }))
    .sort((a, b) => b.score - a.score || b.coverage - a.coverage || b.raw - a.raw || a.id.localeCompare(b.id))
    .map(({ raw: _raw, ...record }) => record);
  return { records, coverage };
}

/** A hit's score, with a synonym's discounted. */
export function effectiveScore(hit: TermHit): number {
  return hit.synonym ? hit.score * SYNONYM_FACTOR : hit.score;
}

/** What the title-first reordering needs to know of a record. */
export interface Titled {
  title: string;
  id: string;
  kind: string;
}

/**
 * A reader who types a title wants that section first. Within the first page: exact title (or
 * id) matches, then titles that start with the query, then titles containing every word;
 * otherwise the given order. Sections before examples on ties.
 */
export function titleFirst<T extends Titled>(query: string, entries: T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index, tier: titleTier(query, entry), section: entry.kind === kindLabels.section ? 0 : 1 }))
    .sort((a, b) => a.tier - b.tier || (a.tier < 3 ? a.section - b.section : 0) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** 0: the title (or id) is the query; 1: the title starts with it; 2: has all its words; 3: other. */
export function titleTier(query: string, entry: Titled): number {
  const wanted = normalizeSearchText(query.replace(/^"|"$/g, ''));
  const title = normalizeSearchText(entry.title);
  if (!wanted) return 3;
  if (title === wanted || entry.id === query.trim()) return 0;
  if (title.startsWith(wanted)) return 1;
  const titleWords = title.split(' ');
  return wanted.split(' ').every((word) => titleWords.some((candidate) => wordMatches(word, candidate))) ? 2 : 3;
}
