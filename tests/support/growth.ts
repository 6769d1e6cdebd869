/**
 * How a function's cost grows: time(4n) / time(n), best of three runs each after a warm-up.
 * Linear is about 4, quadratic about 16; under a few milliseconds timer noise dominates, so the
 * small run counts as at least 5 ms. Ratios only, never absolute times.
 */
export function growth(run: (n: number) => void, n: number): number {
  const best = (size: number) => {
    let fastest = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = performance.now();
      run(size);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  run(n);
  return best(4 * n) / Math.max(best(n), 5);
}

/** Sizes grow by 4; a ratio under 9 allows noise and n log n but not n². */
export const maxRatio = 9;
