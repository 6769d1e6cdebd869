import type { RunReport } from '../problems.ts';
import type { EvalResult } from '../types.ts';

/**
 * The release a run names through its samples' metadata (`spec_release`, which `npm run
 * evals:export` writes into every sample): one release, or a warning when samples disagree.
 */
export function releaseOfSamples(results: EvalResult[], report: RunReport): string | null {
  const releases = new Map<string, string>();
  for (const result of results) if (result.release && !releases.has(result.release)) releases.set(result.release, result.place);
  if (releases.size > 1) {
    report.warn(
      `Unexpected samples written against different releases (${[...releases].map(([release, place]) => `${release} at ${place}`).join(', ')}), expected one release per run; the run counts against ${[...releases.keys()][0]}`,
      'unknown-release',
    );
  }
  return [...releases.keys()][0] ?? null;
}
