import type { EvalResult } from '../types.ts';
import type { Adapter } from './context.ts';
import { inspectHeader, inspectRun, type InspectHeader } from './inspect-header.ts';
import { inspectResult } from './inspect-sample.ts';
import { streamJsonPaths } from './stream-json.ts';

/**
 * An Inspect log as JSON (`inspect log dump`, or a `.json` log): one EvalLog object, `eval` before
 * `samples` (inspect_ai/log/_log.py). It is streamed: one sample in memory at a time.
 */
export const readInspectJson: Adapter = async ({ path, file, report, config }) => {
  let header: InspectHeader | undefined;
  /** The log without its samples: `eval`, `status`, `error` and `results` (before or after `samples`, as the writer chose). */
  const log: Record<string, unknown> = {};
  const samples: Array<Record<string, unknown>> = [];
  const results: EvalResult[] = [];
  let index = 0;
  try {
    const resultFields = ['$.results.total_samples', '$.results.scorer', '$.results.scores', '$.results.early_stopping'];
    await streamJsonPaths(path, ['$.eval', '$.status', '$.error', ...resultFields, '$.samples.*'], (at, value) => {
      if (at === '$.eval' || at === '$.status' || at === '$.error') {
        log[at.slice(2)] = value;
        if (at === '$.eval') header = inspectHeader(log);
      } else if (resultFields.includes(at)) {
        // The scorers' names, for logs whose `eval` does not list them (format 1), come with the results.
        log.results = { ...(log.results as object), [at.slice('$.results.'.length)]: value };
        if (header) header = inspectHeader(log);
      } else {
        const place = `samples[${index++}]`;
        // Samples before `eval` (a hand-written file) wait for it.
        if (!header) samples.push({ ...(value as Record<string, unknown>), __place: place });
        else {
          const result = inspectResult(value as Record<string, unknown>, place, header.scorers, config, report);
          if (result) results.push(result);
        }
      }
    });
  } catch (error) {
    report.error(
      `Unexpected malformed or truncated JSON (${(error as Error).message}) after ${index} samples, expected an Inspect EvalLog (\`inspect log dump\`); the run is not counted`,
      'malformed-run',
    );
    return [];
  }
  if (!header) {
    report.error('Unexpected JSON without `eval`, expected an Inspect EvalLog (`inspect log dump`) with `eval.model` and `samples`', 'malformed-run');
    return [];
  }
  for (const sample of samples) {
    const result = inspectResult(sample, String(sample.__place), header.scorers, config, report);
    if (result) results.push(result);
  }
  // Read again whole: `status`, `error` and `results` may have come after `eval`.
  return [inspectRun(file, inspectHeader(log), results, 0, report)];
};
