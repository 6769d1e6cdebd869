import type { RunReport } from '../problems.ts';
import { checkResults } from '../run-checks.ts';
import type { EvalProvenance, EvalResult, EvalRun } from '../types.ts';
import { asText, runId } from './context.ts';
import { releaseOfSamples } from './release.ts';

/** What a run keeps from Inspect's `EvalSpec` (`eval` in header.json and in `inspect log dump`). */
export interface InspectHeader {
  model: string | null;
  release: string | null;
  scorers: string[];
  provenance: EvalProvenance;
  /** The log's `status` (`started`, `success`, `cancelled`, `error`), when it says. */
  status: string | null;
  /** The message of the error that stopped the run (`error.message`). */
  error: string | null;
  /** `results.total_samples`: dataset samples × epochs, when the run got as far as results. */
  totalSamples: number | null;
  /** Samples an early-stopping manager chose not to run (`results.early_stopping.early_stops`), as `id\u0000epoch`. */
  earlyStopped: Set<string>;
}

/** An EvalLog without its samples (`header.json`, or `inspect log dump` as it streams by). */
export function inspectHeader(log: Record<string, unknown>): InspectHeader {
  const spec = (log.eval ?? {}) as Record<string, unknown>;
  const error = log.error as { message?: unknown } | null | undefined;
  const total = (log.results as { total_samples?: unknown } | null | undefined)?.total_samples;
  const metadata = (spec.metadata ?? {}) as Record<string, unknown>;
  // The task's scorers; logs before eval.scorers (format 1) name them only in their results.
  const results = (log.results ?? {}) as { scorer?: { name?: unknown }; scores?: unknown; early_stopping?: { early_stops?: unknown } | null };
  const stops = Array.isArray(results.early_stopping?.early_stops) ? (results.early_stopping.early_stops as Array<{ id?: unknown; epoch?: unknown }>) : [];
  const declared = Array.isArray(spec.scorers) ? spec.scorers : Array.isArray(results.scores) ? results.scores : results.scorer ? [results.scorer] : [];
  const scorers = [...new Set((declared as Array<{ name?: unknown }>).map((scorer) => String(scorer?.name ?? '')).filter(Boolean))];
  const revision = spec.revision as { origin?: unknown; commit?: unknown } | null | undefined;
  return {
    model: asText(spec.model),
    release: asText(metadata.spec_release),
    scorers,
    provenance: {
      tool: 'inspect',
      runId: asText(spec.run_id),
      evalId: asText(spec.eval_id),
      task: asText(spec.task),
      created: asText(spec.created),
      scorers,
      grader: null,
      revision: revision?.commit ? { origin: String(revision.origin ?? ''), commit: String(revision.commit) } : null,
    },
    status: typeof log.status === 'string' ? log.status : null,
    error: error ? asText(error.message ?? error) : null,
    totalSamples: typeof total === 'number' && Number.isInteger(total) && total > 0 ? total : null,
    earlyStopped: new Set(stops.map((stop) => `${String(stop?.id)}\u0000${String(stop?.epoch ?? 1)}`)),
  };
}

/** One Inspect log as a run, for both of its file forms (`.eval` archives and `inspect log dump` JSON). */
export function inspectRun(file: string, header: InspectHeader, results: EvalResult[], missing: number, report: RunReport): EvalRun {
  const kept = checkResults(results, report);
  const model = header.model ?? 'unknown model';
  // A run that errored, was cancelled or is still going holds only the samples it got to.
  const unfinished = header.status && header.status !== 'success' ? { status: header.status, error: header.error } : undefined;
  if (unfinished) {
    report.warn(
      `Unexpected run status \`${unfinished.status}\`${unfinished.error ? ` (${unfinished.error.split('\n')[0]!.slice(0, 200)})` : ''} for the run of \`${model}\`, expected \`success\`: its ${kept.length} results are shown, and its pages say it did not finish`,
      'unfinished-run',
    );
  }
  // Samples the results say the run had, and the log does not hold; those stopped early by design are not missing.
  const stopped = header.earlyStopped.size;
  const short = header.totalSamples === null ? 0 : Math.max(0, header.totalSamples - kept.length - missing - stopped);
  if (short > 0) {
    report.warn(
      `Missing samples: the log's results count ${header.totalSamples} (samples × epochs), expected as many in the log; it holds ${kept.length}${missing ? ` and lists ${missing} more` : ''}${stopped ? ` (${stopped} stopped early by design)` : ''}; ${short} counted as missing`,
      'missing-sample',
    );
  }
  return {
    id: runId(file),
    file,
    model,
    release: releaseOfSamples(kept, report, header.release),
    provenance: header.provenance,
    results: kept,
    missing: missing + short,
    ...(unfinished ? { unfinished } : {}),
  };
}
