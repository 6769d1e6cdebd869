import type { EvalResult } from '../types.ts';
import type { Adapter } from './context.ts';
import { PromptfooTally, promptfooResult, promptfooRuns } from './promptfoo-result.ts';
import { jsonLines, unreadableLine } from './read-lines.ts';

/** promptfoo's `--output results.jsonl`: one `EvaluateResult` per line, read line by line. */
export const readPromptfooJsonl: Adapter = async ({ path, file, report, config }) => {
  const rows: Array<{ model: string | null; result: EvalResult }> = [];
  const tally = new PromptfooTally();
  // An unreadable line belongs to the provider of the line before it (of the first readable line,
  // before any): it names none itself, and must not make a run of its own.
  let lastModel: string | null = null;
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
    const row = promptfooResult(value as Record<string, unknown>, `line ${line}`, config, tally);
    lastModel = row.model;
    rows.push(row);
  }
  const first = rows.find((row) => row.model !== null)?.model ?? 'unknown provider';
  return promptfooRuns(
    file,
    rows.map((row) => ({ ...row, model: row.model ?? first })),
    { evalId: null, created: null },
    report,
  );
};
