import type { EvalResult } from '../types.ts';
import type { Adapter } from './context.ts';
import { PromptfooTally, promptfooResult, promptfooRuns } from './promptfoo-result.ts';
import { streamJsonPaths } from './stream-json.ts';

/**
 * promptfoo's `--output results.json`: an `OutputFile` ({ evalId, results: EvaluateSummaryV3 |
 * V2, config, shareableUrl, metadata }); each `results.results[i]` is an `EvaluateResult`,
 * streamed one at a time.
 */
export const readPromptfooJson: Adapter = async ({ path, file, report, config }) => {
  const rows: Array<{ model: string; result: EvalResult }> = [];
  const tally = new PromptfooTally();
  let evalId: string | null = null;
  let created: string | null = null;
  let version: unknown;
  let index = 0;
  try {
    await streamJsonPaths(path, ['$.evalId', '$.results.version', '$.results.timestamp', '$.results.results.*'], (at, value) => {
      if (at === '$.evalId') evalId = typeof value === 'string' ? value : null;
      else if (at === '$.results.version') version = value;
      else if (at === '$.results.timestamp') created = typeof value === 'string' ? value : null;
      else rows.push(promptfooResult(value as Record<string, unknown>, `results.results[${index++}]`, config, tally));
    });
  } catch (error) {
    report.error(
      `Unexpected malformed or truncated JSON (${(error as Error).message}) after ${index} results, expected promptfoo's \`--output results.json\` (an OutputFile); the run is not counted`,
      'malformed-run',
    );
    return [];
  }
  if (version === undefined) {
    report.error(
      'Unexpected JSON without `results.version`, expected promptfoo\'s OutputFile ({ "evalId", "results": { "version": 3, "results": [...] } })',
      'malformed-run',
    );
    return [];
  }
  return promptfooRuns(file, rows, { evalId, created }, report);
};
