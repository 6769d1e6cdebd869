import type { Verdict } from './types.ts';
import { isGraded, isPass } from './verdicts.ts';

/** How a model did on one example, section or run. Pass rate = (compliant + ok) / graded. */
export interface Counts {
  compliant: number;
  ok: number;
  violating: number;
  unscored: number;
  error: number;
}

export const emptyCounts = (): Counts => ({ compliant: 0, ok: 0, violating: 0, unscored: 0, error: 0 });

export function addVerdict(counts: Counts, verdict: Verdict): void {
  counts[verdict]++;
}

export function addCounts(into: Counts, from: Counts): void {
  for (const key of Object.keys(into) as Verdict[]) into[key] += from[key];
}

export function graded(counts: Counts): number {
  return counts.compliant + counts.ok + counts.violating;
}

export function passed(counts: Counts): number {
  return counts.compliant + counts.ok;
}

/** Null when nothing was graded (a bar then says "not graded" rather than 0 %). */
export function passRate(counts: Counts): number | null {
  const n = graded(counts);
  return n === 0 ? null : passed(counts) / n;
}

export { isGraded, isPass };
