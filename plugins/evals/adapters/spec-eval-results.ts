import type { EvalsConfig } from '../../model/index.ts';
import { sampleName, type RunReport } from '../problems.ts';
import { clipped } from '../clip.ts';
import { checkResults } from '../run-checks.ts';
import { mappedVerdict } from '../verdicts.ts';
import { verdicts, type EvalResult, type EvalRun, type Verdict } from '../types.ts';
import { asText, runId, type Adapter } from './context.ts';
import { jsonLines, unreadableLine } from './read-lines.ts';
import { streamJsonPaths } from './stream-json.ts';

export const specEvalResultsFormat = 'spec-eval-results/1';

/**
 * Our own format (schema: public/schemas/spec-eval-results.schema.json), for any tool: JSON
 * `{ "format": "spec-eval-results/1", "run": {…}, "results": […] }`, or JSONL whose first line is
 * `{ "format", "run" }` and every other line one result.
 */
export const readSpecEvalResults: Adapter = async ({ path, file, report, config }) => {
  const jsonl = /\.jsonl$/i.test(path);
  let header: Record<string, unknown> | undefined;
  let format: unknown;
  const results: EvalResult[] = [];
  if (jsonl) {
    for await (const { line, value, error } of jsonLines(path)) {
      if (error !== undefined || typeof value !== 'object' || value === null) {
        report.warn(
          `Unexpected ${error !== undefined ? `malformed JSON (${error})` : 'line that is not an object'}, expected one result object per line; counted as an error`,
          'malformed-run',
          line,
        );
        results.push(unreadableLine(line));
        continue;
      }
      const record = value as Record<string, unknown>;
      if (!header && 'format' in record) {
        format = record.format;
        header = (record.run ?? {}) as Record<string, unknown>;
        continue;
      }
      results.push(result(record, `line ${line}`, config, report));
    }
  } else {
    let index = 0;
    try {
      await streamJsonPaths(path, ['$.format', '$.run', '$.results.*'], (at, value) => {
        if (at === '$.format') format = value;
        else if (at === '$.run') header = value as Record<string, unknown>;
        else results.push(result(value as Record<string, unknown>, `results[${index++}]`, config, report));
      });
    } catch (error) {
      report.error(
        `Unexpected malformed or truncated JSON (${(error as Error).message}) after ${index} results, expected ${specEvalResultsFormat}; the run is not counted`,
        'malformed-run',
      );
      return [];
    }
  }
  if (format !== specEvalResultsFormat || !header) {
    report.error(
      `Unexpected ${format === undefined ? 'file without `format`' : `format ${JSON.stringify(format)}`}, expected \`"format": "${specEvalResultsFormat}"\` with a \`run\` object${jsonl ? ' on the first line' : ''}`,
      'malformed-run',
      jsonl ? 1 : undefined,
    );
    return [];
  }
  const model = asText(header.model);
  if (!model) report.warn('Unexpected `run` without `model`, expected the name of the model that was graded', 'malformed-run', jsonl ? 1 : undefined);
  const grader = header.grader as Record<string, unknown> | undefined;
  const run: EvalRun = {
    id: runId(file),
    file,
    model: model ?? 'unknown model',
    release: asText(header.release),
    provenance: {
      tool: 'spec-eval-results',
      runId: asText(header.id),
      evalId: null,
      task: asText(header.task),
      created: asText(header.created),
      scorers: [],
      grader: grader ? { kind: asText(grader.kind) ?? 'unknown', model: asText(grader.model) } : null,
      revision: null,
    },
    results: checkResults(results, report),
    missing: 0,
  };
  return [run];
};

function result(record: Record<string, unknown>, place: string, config: EvalsConfig, report: RunReport): EvalResult {
  const key = asText(record.example) ?? '';
  const sample = asText(record.sample) ?? key;
  const epoch = typeof record.epoch === 'number' ? record.epoch : 1;
  let verdict = record.verdict as Verdict;
  if (!verdicts.includes(verdict)) {
    const mapped = typeof record.verdict === 'string' ? mappedVerdict(record.verdict, config) : undefined;
    if (!mapped)
      report.warn(
        `Unexpected verdict ${JSON.stringify(record.verdict)} in ${sampleName(sample || '?', epoch, place)}, expected one of ${verdicts.join(', ')}; counted as unscored`,
        'unknown-verdict',
      );
    verdict = mapped ?? 'unscored';
  }
  if (!key)
    report.warn(
      `Unexpected result without \`example\` (${place}), expected the id of an example, section or eval prompt; counted as unmapped`,
      'unmapped-result',
    );
  return clipped({
    sample,
    epoch,
    key,
    verdict,
    score: typeof record.score === 'number' ? record.score : null,
    rationale: asText(record.rationale),
    output: asText(record.output),
    input: Array.isArray(record.input)
      ? (record.input as Array<Record<string, unknown>>).map((message) => ({ role: String(message.role ?? 'user'), content: asText(message.content) ?? '' }))
      : [],
    scores: [{ scorer: 'verdict', verdict, value: record.verdict ?? null, explanation: asText(record.rationale) }],
    place,
  });
}
