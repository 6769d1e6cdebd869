import { createHash } from 'node:crypto';
import type { EvalsConfig } from '../../model/index.ts';
import { clipped } from '../clip.ts';
import type { RunReport } from '../problems.ts';
import type { EvalMessage, EvalResult, EvalRun } from '../types.ts';
import { asText, runId } from './context.ts';
import { releaseOfSamples } from './release.ts';
import { checkResults } from '../run-checks.ts';

/**
 * promptfoo's `EvaluateResult` (src/types/index.ts) as a result. The id from
 * `testCase.metadata[exampleIdKey]`, else `vars[exampleIdKey]`, else the test's description;
 * `failureReason` 2 (or an error without grading or a failed assertion) is an error, otherwise
 * `gradingResult.pass` (else `failureReason` 1, else `success`) decides; the rationale is
 * `gradingResult.reason` (else the failed assertion's `error`). The model is
 * `provider.label` or `provider.id`. A test met again (`--repeat`) is its next epoch; another test
 * for the same example (other vars or description) is another sample of it.
 */
export function promptfooResult(
  row: Record<string, unknown>,
  place: string,
  config: EvalsConfig,
  tally: PromptfooTally,
): { model: string; result: EvalResult } {
  const testCase = (row.testCase ?? {}) as Record<string, unknown>;
  const metadata = (testCase.metadata ?? {}) as Record<string, unknown>;
  const vars = (row.vars ?? testCase.vars ?? {}) as Record<string, unknown>;
  const provider = (row.provider ?? {}) as Record<string, unknown>;
  const model = asText(provider.label) || asText(provider.id) || 'unknown provider';
  const key =
    asText(metadata[config.exampleIdKey]) ??
    asText(vars[config.exampleIdKey]) ??
    asText(testCase.description) ??
    asText(row.description) ??
    `test ${String(row.testIdx ?? '?')}`;
  // The sample is the test (under each prompt); its repeats are epochs. promptfoo numbers each
  // repeat as a test of its own (`testIdx`), so a repeat is told by being the same test again.
  const { variant, epoch } = tally.count(`${model}\u0000${key}\u0000${String(row.promptIdx ?? '')}`, testFingerprint(testCase, vars));
  const sample = `${key}${variant > 1 ? ` (test ${variant})` : ''}${Number(row.promptIdx ?? 0) > 0 ? ` (prompt ${String(row.promptIdx)})` : ''}`;
  // The row's own id names the place.
  if (typeof row.id === 'string') place = `${place}, id ${row.id}`;
  const grading = (row.gradingResult ?? null) as Record<string, unknown> | null;
  const error = asText(row.error) ?? asText((row.response as Record<string, unknown> | undefined)?.error);
  // failureReason 1 is a failed assertion whatever else the row says: with
  // PROMPTFOO_STRIP_GRADING_RESULT the grading is null and `error` holds the assertion's reason.
  const isError = row.failureReason === 2 || (row.failureReason !== 1 && error !== null && !grading);
  const pass =
    typeof grading?.pass === 'boolean' ? grading.pass : row.failureReason === 1 ? false : typeof row.success === 'boolean' ? row.success : null;
  const verdict = isError ? 'error' : pass === null ? 'unscored' : pass ? 'compliant' : 'violating';
  const components = Array.isArray(grading?.componentResults) ? (grading.componentResults as Array<Record<string, unknown>>) : [];
  const score = typeof row.score === 'number' ? row.score : typeof grading?.score === 'number' ? grading.score : null;
  return {
    model,
    result: clipped({
      sample,
      epoch,
      key,
      verdict,
      score,
      rationale: isError ? error : (asText(grading?.reason) ?? (pass === false ? error : null)),
      output: asText((row.response as Record<string, unknown> | undefined)?.output),
      input: promptMessages((row.prompt as Record<string, unknown> | undefined)?.raw),
      scores: [
        { scorer: 'promptfoo', verdict, value: pass, explanation: asText(grading?.reason) },
        ...components.map((component, index) => ({
          scorer: asText((component.assertion as Record<string, unknown> | undefined)?.type) ?? `assertion ${index + 1}`,
          verdict: (component.pass ? 'compliant' : 'violating') as 'compliant' | 'violating',
          value: component.pass ?? null,
          explanation: asText(component.reason),
        })),
      ],
      place,
      ...(typeof metadata.spec_release === 'string' ? { release: metadata.spec_release } : {}),
    }),
  };
}

/** Counts a file's rows: which test of an example each is (by the order first met), and which repeat of that test. */
export class PromptfooTally {
  private readonly tests = new Map<string, Map<string, { variant: number; epochs: number }>>();

  count(sample: string, fingerprint: string): { variant: number; epoch: number } {
    let variants = this.tests.get(sample);
    if (!variants) this.tests.set(sample, (variants = new Map()));
    let test = variants.get(fingerprint);
    if (!test) variants.set(fingerprint, (test = { variant: variants.size + 1, epochs: 0 }));
    test.epochs++;
    return { variant: test.variant, epoch: test.epochs };
  }
}

/**
 * What a repeat shares with its test: the whole test (description, vars, assertions, options), as
 * promptfoo itself tells tests apart. promptfoo runs each repeat with the same test object, so its
 * JSON is the same text, key order included. Hashed: vars can hold whole conversations, and a
 * large results file would keep a copy of each.
 */
function testFingerprint(testCase: Record<string, unknown>, vars: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify([testCase, vars]))
    .digest('base64');
}

/** The rendered prompt: a chat as JSON (`[{"role": …, "content": …}]`) or plain text from the user. */
function promptMessages(raw: unknown): EvalMessage[] {
  if (typeof raw !== 'string') return [];
  if (raw.trimStart().startsWith('[')) {
    try {
      const parsed = JSON.parse(raw) as Array<{ role?: unknown; content?: unknown }>;
      if (Array.isArray(parsed) && parsed.every((message) => message && typeof message.role === 'string'))
        return parsed.map((message) => ({ role: String(message.role), content: asText(message.content) ?? '' }));
    } catch {
      // Not a chat: plain text below.
    }
  }
  return [{ role: 'user', content: raw }];
}

/** Results of one file grouped into one run per provider. */
export function promptfooRuns(
  file: string,
  rows: Array<{ model: string; result: EvalResult }>,
  provenance: { evalId: string | null; created: string | null },
  report: RunReport,
): EvalRun[] {
  const byModel = Map.groupBy(rows, (row) => row.model);
  return [...byModel].map(([model, group]) => {
    const kept = checkResults(
      group.map((row) => row.result),
      report,
    );
    return {
      id: runId(file, byModel.size > 1 ? model : undefined),
      file,
      model,
      release: releaseOfSamples(kept, report),
      provenance: {
        tool: 'promptfoo' as const,
        runId: provenance.evalId,
        evalId: provenance.evalId,
        task: null,
        created: provenance.created,
        scorers: ['promptfoo'],
        grader: null,
        revision: null,
      },
      results: kept,
      missing: 0,
    };
  });
}
