import type { SpecModel } from '../model/index.ts';
import type { Removals } from '../releases/index.ts';
import { aggregateRun } from './aggregate.ts';
import type { Counts } from './counts.ts';
import { coverage, type SectionCoverage } from './coverage.ts';
import type { EvalTarget } from './load.ts';
import type { MappedResult, MappedRun, UnmappedResult } from './mapped.ts';
import { compareRuns, type RunComparison } from './regressions.ts';
import type { EvalProvenance } from './types.ts';

export const evalsFormat = 'spec-evals/1';

/** A run as the site and evals.json show it. */
export interface RunData {
  id: string;
  file: string;
  model: string;
  release: string;
  provenance: EvalProvenance;
  total: Counts;
  /** Results the release has no id for, each with its file, sample and reason. */
  unmapped: UnmappedResult[];
  /** Samples the file lists but does not hold. */
  missing: number;
  /** An Inspect run that did not finish: its status and the error that stopped it. */
  unfinished?: { status: string; error: string | null };
  results: MappedResult[];
}

/** Everything about evals for one release (or the draft): the data behind its pages and its evals.json. */
export interface EditionEvals {
  release: string;
  illustrative: boolean;
  /** Runs against this release, in file order. */
  runs: RunData[];
  /** Per section id, per run id: aggregated over the section's subtree. */
  sections: Record<string, Record<string, Counts>>;
  examples: Record<string, Record<string, Counts>>;
  chapters: Record<string, Record<string, Counts>>;
  authorities: Record<string, Record<string, Counts>>;
  coverage: SectionCoverage[];
  /** Comparisons of two runs of one model where either ran against this release. */
  comparisons: RunComparison[];
}

/** Every release's evals data, from the runs read once. */
export function editionEvals(runs: MappedRun[], targets: EvalTarget[], removals: Removals, illustrative: boolean): Map<string, EditionEvals> {
  const models = new Map(targets.map((target) => [target.release, target.model]));
  const comparisons = compareRuns(
    runs,
    targets.map((target) => target.release),
    models,
    removals,
  );
  const out = new Map<string, EditionEvals>();
  for (const target of targets) {
    const mine = runs.filter((run) => run.release === target.release);
    const data: EditionEvals = {
      release: target.release,
      illustrative,
      runs: [],
      sections: {},
      examples: {},
      chapters: {},
      authorities: {},
      coverage: coverage(target.model),
      comparisons: comparisons.filter((comparison) => comparison.from.release === target.release || comparison.to.release === target.release),
    };
    for (const run of mine) {
      const aggregate = aggregateRun(run, target.model);
      const { unmapped, results, ...rest } = run;
      data.runs.push({
        id: rest.id,
        file: rest.file,
        model: rest.model,
        release: rest.release,
        provenance: rest.provenance,
        total: aggregate.total,
        unmapped,
        missing: rest.missing,
        ...(rest.unfinished ? { unfinished: rest.unfinished } : {}),
        results,
      });
      put(data.sections, aggregate.sections, run.id);
      put(data.examples, aggregate.examples, run.id);
      put(data.chapters, aggregate.chapters, run.id);
      put(data.authorities, aggregate.authorities, run.id);
    }
    out.set(target.release, data);
  }
  return out;
}

function put(into: Record<string, Record<string, Counts>>, from: Map<string, Counts>, run: string): void {
  for (const [id, counts] of from) (into[id] ??= {})[run] = counts;
}

/** The `evals.json` of an edition (schema: public/schemas/evals.schema.json). */
export function evalsJson(data: EditionEvals, schemaUrl: string) {
  return { $schema: schemaUrl, format: evalsFormat, ...data };
}

export type { SpecModel };
