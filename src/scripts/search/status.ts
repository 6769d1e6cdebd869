// The sentence the live region reads after a search. Pure.
import type { Coverage } from './ranking.ts';

/** Said when no record has every word of the query. */
export const MOST_WORDS_NOTICE = 'No result has every word; showing results for most of them';

export function describeResults(count: number, query: string, filtered: boolean, coverage: Coverage): string {
  const results = `${count} result${count === 1 ? '' : 's'}`;
  if (count === 0) return query ? `No results for “${query}”${filtered ? ' with these filters' : ''}` : 'No results with these filters';
  const base = filtered ? `${results} (filtered)` : results;
  return coverage === 'most' ? `${base}. ${MOST_WORDS_NOTICE}.` : base;
}
