import type { SpecModel } from '../model/index.ts';
import type { Removals } from '../releases/index.ts';
import { emptyCounts, addVerdict, passRate, type Counts } from './counts.ts';
import type { MappedRun } from './mapped.ts';
import { resolveResultId } from './resolve-id.ts';

/** One example whose pass rate moved between two runs of a model. */
export interface ExampleChange {
  example: string;
  before: Counts;
  after: Counts;
  /** After minus before pass rate (negative: a regression). */
  delta: number;
}

/** Two runs of one model compared on the examples both graded, regressions first. */
export interface RunComparison {
  model: string;
  from: { run: string; release: string };
  to: { run: string; release: string };
  regressions: ExampleChange[];
  improvements: ExampleChange[];
  unchanged: number;
  /** Examples graded in only one of the two runs. */
  onlyBefore: number;
  onlyAfter: number;
}

/**
 * Every model with two or more runs: each run against the next (release order, then date). The
 * earlier run's ids are carried into the later release the way links are (old ids, removals), so
 * a run against an older release compares with one against the newer.
 */
export function compareRuns(runs: MappedRun[], releaseOrder: string[], models: Map<string, SpecModel>, removals: Removals): RunComparison[] {
  const byModel = Map.groupBy(runs, (run) => run.model);
  const out: RunComparison[] = [];
  for (const [model, list] of byModel) {
    if (list.length < 2) continue;
    const sorted = [...list].sort(
      (a, b) =>
        releaseOrder.indexOf(a.release) - releaseOrder.indexOf(b.release) ||
        (a.provenance.created ?? '').localeCompare(b.provenance.created ?? '') ||
        a.id.localeCompare(b.id),
    );
    for (let index = 1; index < sorted.length; index++)
      out.push(compare(model, sorted[index - 1]!, sorted[index]!, models.get(sorted[index]!.release)!, removals));
  }
  return out.sort((a, b) => b.regressions.length - a.regressions.length);
}

function compare(model: string, before: MappedRun, after: MappedRun, laterModel: SpecModel, removals: Removals): RunComparison {
  const earlier = perExample(before, (id) => (before.release === after.release ? id : carry(id, laterModel, removals)));
  const later = perExample(after, (id) => id);
  const regressions: ExampleChange[] = [];
  const improvements: ExampleChange[] = [];
  let unchanged = 0;
  for (const [example, counts] of later) {
    const previous = earlier.get(example);
    if (!previous) continue;
    const a = passRate(previous);
    const b = passRate(counts);
    if (a === null || b === null) continue;
    const change = { example, before: previous, after: counts, delta: b - a };
    if (b < a) regressions.push(change);
    else if (b > a) improvements.push(change);
    else unchanged++;
  }
  regressions.sort((x, y) => x.delta - y.delta || x.example.localeCompare(y.example));
  improvements.sort((x, y) => y.delta - x.delta || x.example.localeCompare(y.example));
  return {
    model,
    from: { run: before.id, release: before.release },
    to: { run: after.id, release: after.release },
    regressions,
    improvements,
    unchanged,
    onlyBefore: [...earlier.keys()].filter((id) => !later.has(id)).length,
    onlyAfter: [...later.keys()].filter((id) => !earlier.has(id)).length,
  };
}

function perExample(run: MappedRun, idOf: (id: string) => string | null): Map<string, Counts> {
  const map = new Map<string, Counts>();
  for (const result of run.results) {
    if (!result.example) continue;
    const id = idOf(result.example);
    if (!id) continue;
    let counts = map.get(id);
    if (!counts) map.set(id, (counts = emptyCounts()));
    addVerdict(counts, result.verdict);
  }
  return map;
}

/** An example id of an older release, as the later release knows it (or null when it is gone). */
function carry(id: string, model: SpecModel, removals: Removals): string | null {
  const resolved = resolveResultId(id, model, removals);
  return resolved.kind === 'example' ? resolved.id : null;
}
