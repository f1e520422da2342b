/** The few statistics every benchmark section uses, in one place. */

/** The value at fraction `p` of the sorted samples (0.5 = median, 0.95 = p95); 0 for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);

/**
 * Median wall time of `runs` calls of `f`, in ms; `warmUp` makes untimed calls first (JIT, caches): one for
 * `true`, or that many.
 */
export function medianTime(runs: number, f: () => void, { warmUp = false }: { warmUp?: boolean | number } = {}): number {
  for (let i = 0; i < Number(warmUp); i++) f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}
