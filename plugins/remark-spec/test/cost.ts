// Measures how the plugin's cost grows with input size (ratios, never absolute times).
import { VFile } from 'vfile';
import { processor } from './processor.ts';

export type Stage = 'all' | 'after-parse';

/** One run in milliseconds: the whole pipeline, or only what follows parsing (the plugin on). */
function once(source: string, path: string, stage: Stage): number {
  const pipeline = processor();
  const file = new VFile({ path, value: source });
  let started = performance.now();
  const tree = pipeline.parse(file);
  if (stage === 'after-parse') started = performance.now();
  pipeline.stringify(pipeline.runSync(tree, file), file);
  return performance.now() - started;
}

/** The best of three runs, in milliseconds. */
function cost(source: string, path: string, stage: Stage): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) best = Math.min(best, once(source, path, stage));
  return best;
}

/** Sizes grow by 4; a ratio under 9 allows noise and n log n but not n². */
export const maxRatio = 9;

/** time(shape(4n)) / time(shape(n)), after a warm-up run. */
export function growth(shape: (n: number) => string, n: number, path = 'content/complexity.md', stage: Stage = 'all'): number {
  once(shape(n), path, stage);
  const small = cost(shape(n), path, stage);
  const large = cost(shape(4 * n), path, stage);
  // Below a few milliseconds timer noise dominates; such a run is linear enough.
  return large / Math.max(small, 5);
}
