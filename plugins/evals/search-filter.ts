import type { SearchRecord } from '../model/index.ts';
import type { SiteEvals } from './overlay.ts';

/** The search filter key: sections and examples with a violating result, by model. */
export const failingFilterKey = 'failing';

/**
 * "Failing for model X": a section or example record gets the models with at least one
 * violating result on it (for a section: in its subtree), from the runs against the indexed release.
 */
export function failingFilter(evals: SiteEvals, release: string): ((record: SearchRecord) => void) | undefined {
  const edition = evals.editions.get(release);
  if (!edition || edition.runs.length === 0) return undefined;
  const modelOf = new Map(edition.runs.map((run) => [run.id, run.model]));
  return (record) => {
    const id = record.meta.id;
    if (!id) return;
    const counts = record.filters.kind?.[0] === 'Section' ? edition.sections[id] : edition.examples[id];
    if (!counts) return;
    const failing = [
      ...new Set(
        Object.entries(counts)
          .filter(([, value]) => value.violating > 0)
          .map(([run]) => modelOf.get(run)!),
      ),
    ].sort();
    if (failing.length) record.filters[failingFilterKey] = failing;
  };
}
