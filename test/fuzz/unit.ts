/**
 * The unit-run side of the fuzzing: a few hundred cases per target (the bench, test/bench/fuzz.bench.ts, runs
 * 10,000). The seed is fixed so a failure reproduces; FUZZ_SEED=<n> explores other inputs.
 */
import { expect, it } from 'vitest';
import { fuzz, type FuzzTarget } from './run';

export const UNIT_CASES = 200;

export function fuzzTests(targets: FuzzTarget<never>[]) {
  const seed = Number(process.env.FUZZ_SEED ?? 20_261_123);
  it.each(targets.map((t) => [t.name, t] as const))(`%s: ${UNIT_CASES} random and mutated inputs, typed errors only, each within 1 s`, (_name, target) => {
    const report = fuzz(target, { cases: UNIT_CASES, seed });
    expect(report.cases).toBe(UNIT_CASES);
    expect(report.failures, `first failure (seed ${seed}): ${JSON.stringify(report.firstFailure, null, 1)}`).toBe(0);
    expect(report.slowestMs).toBeLessThan(1_000);
  });
}
