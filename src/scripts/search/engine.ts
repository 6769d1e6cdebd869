// Runs an analysed query against Pagefind: one search per word and synonym, corrections for
// words that match nothing, then the pure ranking (ranking.ts) over what came back.
import type { PagefindApi, PagefindFilters, PagefindResult } from './pagefind.ts';
import type { AnalyzedQuery, QueryTerm } from './query.ts';
import { effectiveScore, rankRecords, type Coverage, type RankedRecord, type RecordKind, type TermHit } from './ranking.ts';
import { correctWord, isTitleWord, type MatchKind, matchKind, MIN_TYPO_LENGTH } from './typos.ts';
import { type SearchWords, synonymsOf } from './words.ts';

export interface SearchOutcome {
  records: RankedRecord<PagefindResult>[];
  coverage: Coverage;
  /** Words that matched nothing and were read as a title word one letter away. */
  corrections: { from: string; to: string }[];
  /** Every word whose matches are marked: the query's words, synonyms (a phrase's words) and corrections. */
  words: string[];
}

export interface EngineOptions {
  filters: PagefindFilters;
  /** The spec's vocabulary: the synonyms the query was analysed with, and the title words for corrections. */
  words: SearchWords;
}

export async function runSearch(api: PagefindApi, query: AnalyzedQuery, { filters, words }: EngineOptions): Promise<SearchOutcome> {
  if (query.exact || query.terms.length === 0) {
    // A phrase, or filters alone (listed in spec order).
    const response = await api.search(query.text || null, { filters, ...(query.text ? {} : { sort: { order: 'asc' } }) });
    const results = response?.results ?? [];
    return {
      records: results.map((result) => ({ id: result.id, result, coverage: 1, score: result.score, locations: result.words ?? [] })),
      coverage: results.length ? 'all' : 'none',
      corrections: [],
      words: [],
    };
  }
  let terms = query.terms;
  const hits = await Promise.all(terms.map((term) => termHits(api, term, filters)));
  const corrections: SearchOutcome['corrections'] = [];
  // A word Pagefind does not hold is matched by shorter forms of it (typos.ts, matchKind). Such a
  // word is read as the title word one letter away, if there is one; else a near form stands, and
  // a far one ("blockchain" finds "block") is dropped, leaving the word's synonyms, if any.
  // A word of some title is in the index: no need to wait for a record's data to tell.
  const checked = (term: QueryTerm) => term.word.length >= MIN_TYPO_LENGTH && !isTitleWord(term.word, words.titles);
  if (terms.some(checked)) prefetchFirst(hits);
  terms = await Promise.all(
    terms.map(async (term, index) => {
      const found = hits[index]!;
      if (!checked(term)) return term;
      const kind = await bestMatchKind(term.word, found);
      if (kind === 'itself') return term;
      const to = correctWord(term.word, words.titles);
      if (to) {
        corrections.push({ from: term.word, to });
        const corrected = { word: to, synonyms: synonymsOf(to, words) };
        hits[index] = await termHits(api, corrected, filters);
        return corrected;
      }
      if (kind === 'far') hits[index] = await termHits(api, term, filters, { synonymsOnly: true });
      return term;
    }),
  );
  const kinds = await recordKinds(api);
  const { records, coverage } = rankRecords(hits, (id) => kinds.get(id) ?? 'example');
  return { records, coverage, corrections, words: terms.flatMap((term) => [term.word, ...term.synonyms.flatMap((synonym) => synonym.split(' '))]) };
}

/**
 * Starts loading the data of the likeliest first results beside the check of how a word matched,
 * which waits for one record's data: Pagefind keeps what it loaded, so the first results then
 * render without a second wait.
 */
function prefetchFirst(hits: Array<Map<string, TermHit & { result: PagefindResult }>>): void {
  const best = new Map<string, TermHit & { result: PagefindResult }>();
  for (const term of hits) for (const [id, hit] of term) if ((best.get(id)?.score ?? -1) < hit.score) best.set(id, hit);
  for (const hit of [...best.values()].sort((a, b) => b.score - a.score).slice(0, PREFETCHED)) void hit.result.data().catch(() => {});
}
/** About the results the dialog renders first (dialog.ts, FIRST_BATCH). */
const PREFETCHED = 6;

/** How the word's best match (not a synonym's) matched it; null when only synonyms matched. */
async function bestMatchKind(word: string, hits: Map<string, TermHit & { result: PagefindResult }>): Promise<MatchKind | null> {
  const best = [...hits.values()].filter((hit) => !hit.synonym).sort((a, b) => b.score - a.score)[0];
  if (!best) return null;
  const fragment = await best.result.data();
  return matchKind(word, fragment.content, best.result.words ?? []);
}

/** Records matching the word or one of its synonyms (only these with `synonymsOnly`); per record the strongest of those matches. */
async function termHits(
  api: PagefindApi,
  term: QueryTerm,
  filters: PagefindFilters,
  { synonymsOnly = false } = {},
): Promise<Map<string, TermHit & { result: PagefindResult }>> {
  const variants = [term.word, ...term.synonyms];
  const responses = await Promise.all(variants.map((word, variant) => (synonymsOnly && variant === 0 ? null : api.search(word, { filters }))));
  const hits = new Map<string, TermHit & { result: PagefindResult }>();
  responses.forEach((response, variant) => {
    for (const result of response?.results ?? []) {
      const hit = {
        score: result.score,
        inTitle: (result.matchedMetaFields ?? []).some((field) => field === 'title' || field === 'id'),
        inHolds: (result.matchedMetaFields ?? []).includes('holds'),
        synonym: variant > 0,
        locations: result.words ?? [],
        result,
      };
      const known = hits.get(result.id);
      if (!known) {
        hits.set(result.id, hit);
        continue;
      }
      const better = effectiveScore(hit) > effectiveScore(known) ? hit : known;
      hits.set(result.id, {
        ...better,
        inTitle: known.inTitle || hit.inTitle,
        inHolds: known.inHolds || hit.inHolds,
        locations: [...known.locations, ...hit.locations],
      });
    }
  });
  return hits;
}

let kinds: Promise<Map<string, RecordKind>> | undefined;

/**
 * Which records are sections and which eval prompts (the rest are examples), from the `kind`
 * filter: two filter-only searches, once per page, so ranking knows kinds before any record's data loads.
 */
function recordKinds(api: PagefindApi): Promise<Map<string, RecordKind>> {
  kinds ??= Promise.all([api.search(null, { filters: { kind: 'Section' } }), api.search(null, { filters: { kind: 'Eval prompt' } })]).then(
    ([sections, prompts]) => {
      const map = new Map<string, RecordKind>();
      for (const result of sections?.results ?? []) map.set(result.id, 'section');
      for (const result of prompts?.results ?? []) map.set(result.id, 'prompt');
      return map;
    },
  );
  kinds.catch(() => {
    kinds = undefined;
  });
  return kinds;
}
