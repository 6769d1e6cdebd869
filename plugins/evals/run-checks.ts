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
  const bySample = Map.groupBy(kept, (result) => result.sample);
  for (const [sample, epochs] of bySample) {
    const graded = epochs.filter((result) => isGraded(result.verdict));
    const passes = graded.filter((result) => isPass(result.verdict)).length;
    if (graded.length > 1 && passes > 0 && passes < graded.length) {
      report.warn(
        `Epochs of sample \`${sample}\` disagree: ${passes} of ${graded.length} pass (${graded.map((result) => `epoch ${result.epoch}: ${result.verdict}`).join(', ')}); each epoch counts toward the pass rate`,
        'epochs-disagree',
      );
    }
  }
  return kept;
}
