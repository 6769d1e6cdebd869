import { sampleName, type RunReport } from './problems.ts';
import type { EvalResult } from './types.ts';
import { isGraded, isPass } from './verdicts.ts';

/**
 * Checks one run's results: a second result for the same sample and epoch is reported and left
 * out (the first one counts); epochs of one sample that disagree are reported (all are kept and
 * counted: a pass rate over epochs is what they mean).
 */
export function checkResults(results: EvalResult[], report: RunReport): EvalResult[] {
  const seen = new Map<string, EvalResult>();
  const kept: EvalResult[] = [];
  for (const result of results) {
    const id = `${result.sample}\u0000${result.epoch}`;
    const first = seen.get(id);
    if (first) {
      report.warn(
        `Unexpected second result for ${sampleName(result.sample, result.epoch, result.place)}, expected each sample and epoch once (first at ${first.place}); the first is counted`,
        'duplicate-sample',
      );
      continue;
    }
    seen.set(id, result);
    kept.push(result);
  }
  const disagree: string[] = [];
  for (const [sample, epochs] of Map.groupBy(kept, (result) => result.sample)) {
    const graded = epochs.filter((result) => isGraded(result.verdict));
    const passes = graded.filter((result) => isPass(result.verdict)).length;
    if (graded.length > 1 && passes > 0 && passes < graded.length) disagree.push(`\`${sample}\` ${passes} of ${graded.length}`);
  }
  // Normal under `--epochs`: one message per run, not one per sample.
  if (disagree.length > 0) {
    const shown = disagree.slice(0, 5).join(', ');
    report.warn(
      `Epochs of ${disagree.length} sample${disagree.length === 1 ? '' : 's'} disagree (passing: ${shown}${disagree.length > 5 ? `, and ${disagree.length - 5} more` : ''}); each epoch counts toward the pass rate`,
      'epochs-disagree',
    );
  }
  return kept;
}
