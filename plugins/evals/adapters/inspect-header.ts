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
}

export function inspectHeader(log: Record<string, unknown>): InspectHeader {
  const spec = (log.eval ?? {}) as Record<string, unknown>;
  const metadata = (spec.metadata ?? {}) as Record<string, unknown>;
  const scorers = Array.isArray(spec.scorers) ? (spec.scorers as Array<{ name?: unknown }>).map((scorer) => String(scorer.name ?? '')).filter(Boolean) : [];
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
  };
}

/** One Inspect log as a run, for both of its file forms (`.eval` archives and `inspect log dump` JSON). */
export function inspectRun(file: string, header: InspectHeader, results: EvalResult[], missing: number, report: RunReport): EvalRun {
  const kept = checkResults(results, report);
  return {
    id: runId(file),
    file,
    model: header.model ?? 'unknown model',
    release: header.release ?? releaseOfSamples(kept, report),
    provenance: header.provenance,
    results: kept,
    missing,
  };
}
