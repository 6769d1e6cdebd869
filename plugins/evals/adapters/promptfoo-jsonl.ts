import type { EvalResult } from '../types.ts';
import type { Adapter } from './context.ts';
import { promptfooResult, promptfooRuns } from './promptfoo-result.ts';
import { jsonLines, unreadableLine } from './read-lines.ts';

/** promptfoo's `--output results.jsonl`: one `EvaluateResult` per line, read line by line. */
export const readPromptfooJsonl: Adapter = async ({ path, file, report, config }) => {
  const rows: Array<{ model: string; result: EvalResult }> = [];
  const epochs = new Map<string, number>();
  let lastModel = 'unknown provider';
  for await (const { line, value, error } of jsonLines(path)) {
    if (error !== undefined || typeof value !== 'object' || value === null) {
      report.warn(
        `Unexpected ${error !== undefined ? `malformed JSON (${error})` : 'line that is not an object'}, expected one promptfoo EvaluateResult per line; the line is counted as an unreadable result`,
        'malformed-run',
        line,
      );
      rows.push({
        model: lastModel,
        result: unreadableLine(line),
      });
      continue;
    }
    const row = promptfooResult(value as Record<string, unknown>, `line ${line}`, config, epochs);
    lastModel = row.model;
    rows.push(row);
  }
  return promptfooRuns(file, rows, { evalId: null, created: null }, report);
};
