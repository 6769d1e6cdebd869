import type { EvalResult, EvalRun } from './types.ts';

/** A result placed on the spec: the example or section it counts for in its run's release. */
export interface MappedResult extends EvalResult {
  /** The example it counts for, or null for a result about a whole section or prompt group. */
  example: string | null;
  /** The section it counts for (with its ancestors). */
  section: string | null;
  /** The id written in the file, when it resolved through an old id or a removal. */
  via: string | null;
}

/** A result whose id this release does not know: reported, counted, never dropped. */
export interface UnmappedResult {
  run: string;
  file: string;
  sample: string;
  epoch: number;
  key: string;
  place: string;
  reason: string;
}

/** A run read and placed on the release it ran against. */
export interface MappedRun extends Omit<EvalRun, 'results'> {
  /** The release it ran against, checked to exist: a version, or `draft`. */
  release: string;
  results: MappedResult[];
  unmapped: UnmappedResult[];
}
