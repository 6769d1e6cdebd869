import type { RunReport } from '../problems.ts';
import type { EvalResult } from '../types.ts';

/**
 * The release a run names through its samples' metadata (`spec_release`, which `npm run
 * evals:export` writes into every sample): one release, or a warning when samples disagree.
 */
export function releaseOfSamples(results: EvalResult[], report: RunReport, declared: string | null = null): string | null {
  const releases = new Map<string, string>();
  for (const result of results) if (result.release && !releases.has(result.release)) releases.set(result.release, result.place);
  // The run's own metadata names the release: samples naming another were written for another text.
  if (declared !== null) {
    const others = [...releases].filter(([release]) => release !== declared);
    if (others.length > 0) {
      report.warn(
        `Unexpected samples written against another release than the run's (${others.map(([release, place]) => `${release} at ${place}`).join(', ')}; the run's metadata says ${declared}), expected one release per run; the run counts against ${declared}`,
        'unknown-release',
      );
    }
    return declared;
  }
  if (releases.size > 1) {
    report.warn(
      `Unexpected samples written against different releases (${[...releases].map(([release, place]) => `${release} at ${place}`).join(', ')}), expected one release per run; the run counts against ${[...releases.keys()][0]}`,
      'unknown-release',
    );
  }
  return [...releases.keys()][0] ?? null;
}
