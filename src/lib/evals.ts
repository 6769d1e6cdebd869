import { statSync } from 'node:fs';
import path from 'node:path';
import { storeDir } from 'virtual:model-spec';
import { readEvalsStore, type EditionEvals } from '../../plugins/evals/index.ts';
import type { View } from './site';

let loaded: { written: number; data: Record<string, EditionEvals> } | undefined;

/** The evals data of a view's edition (runs against that release), or an empty one. */
export function evalsOf(view: View): EditionEvals {
  let written = 0;
  try {
    written = statSync(path.join(storeDir, 'evals.json')).mtimeMs;
  } catch {
    // No evals store: no runs anywhere.
  }
  if (loaded?.written !== written) loaded = { written, data: written ? readEvalsStore(storeDir) : {} };
  const release = view.edition.version ?? 'draft';
  return (
    loaded.data[release] ?? { release, illustrative: false, runs: [], sections: {}, examples: {}, chapters: {}, authorities: {}, coverage: [], comparisons: [] }
  );
}

/** A pass rate as a percentage, or a dash when nothing was graded. */
export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** The heatmap tone of a rate: the same three bands as the bars on the pages. */
export function tone(rate: number | null): string {
  return rate === null ? 'none' : rate >= 0.8 ? 'high' : rate >= 0.5 ? 'mid' : 'low';
}

/** A covered section's title as the chapter shows it (the coverage data keeps the author's characters). */
export function shownTitle(view: View, section: { id: string; title: string }): string {
  return view.edition.model.sections.get(section.id)?.section.displayTitle ?? section.title;
}
