/**
 * Runs a fuzz target for a number of cases and counts, rather than stopping at the first failure, so the bench can
 * print cases / failures / slowest case per parser. A failure is anything the target's contract does not allow
 * (an untyped throw, a malformed result) or a case slower than the limit.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';

export interface FuzzTarget<T = unknown> {
  /** The parser, as the report and TRUST.md name it. */
  name: string;
  /** What this parser may do with bad input (its "typed errors"), in words for the report. */
  typed: string;
  input: fc.Arbitrary<T>;
  /**
   * Untimed set-up of one input (for the page adapters: parsing the mutated HTML and editing the DOM, which is
   * linkedom's work, not ours); its result is what `run` gets. A throw here counts as a failure too.
   */
  prepare?(input: T): unknown;
  /** Runs the parser and checks its contract; throws (any error) when the contract is broken. */
  run(input: T): void;
  /** A short printable form of an input, for the first failure. */
  show?(input: T): string;
}

/** A result the parser returned that breaks its contract (the parser itself did not throw). */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractViolation(message);
}

/** Inputs are generated in chunks of this many (seed + chunk number), so 10,000 large ones are never held at once. */
export const FUZZ_CHUNK = 250;

export interface FuzzReport {
  name: string;
  cases: number;
  failures: number;
  /** The slowest case in CPU time of this process (what the limit applies to). */
  slowestMs: number;
  /** The slowest case in wall-clock time (inflated when other processes share the cores). */
  slowestWallMs: number;
  totalMs: number;
  firstFailure?: { input: string; error: string; ms: number };
}

/** @default limitMs 1000 (the "each input within 1 s") */
export function fuzz<T>(
  target: FuzzTarget<T>,
  options: {
    cases: number;
    seed?: number;
    limitMs?: number;
    /** Called before each case with where it comes from: `fc.sample(target.input, { numRuns: 250, seed: seed + chunk })[index]`. */
    onCase?: (chunk: number, index: number) => void;
  },
): FuzzReport {
  const { cases, seed = 20_261_123, limitMs = 1_000, onCase } = options;
  const report: FuzzReport = { name: target.name, cases: 0, failures: 0, slowestMs: 0, slowestWallMs: 0, totalMs: 0 };
  const show = target.show ?? ((input: T) => JSON.stringify(input));
  const CHUNK = FUZZ_CHUNK;
  for (let done = 0, chunk = 0; done < cases; done += CHUNK, chunk++) {
    for (const [index, input] of fc.sample(target.input, { numRuns: Math.min(CHUNK, cases - done), seed: seed + chunk }).entries()) {
      onCase?.(chunk, index);
      // The limit is on CPU time: these machines' two cores are shared, and a neighbour's build can double a
      // case's wall-clock time without the parser doing any more work. Wall time is reported beside it.
      let error: unknown;
      let prepared: unknown = input;
      try {
        if (target.prepare) prepared = target.prepare(input);
      } catch (e) {
        error = e;
      }
      const started = performance.now();
      const cpu = process.cpuUsage();
      try {
        if (error === undefined) target.run(prepared as T);
      } catch (e) {
        error = e;
      }
      const used = process.cpuUsage(cpu);
      const ms = (used.user + used.system) / 1000;
      const wall = performance.now() - started;
      report.cases++;
      report.totalMs += wall;
      report.slowestMs = Math.max(report.slowestMs, ms);
      report.slowestWallMs = Math.max(report.slowestWallMs, wall);
      if (error === undefined && ms > limitMs) error = new ContractViolation(`took ${ms.toFixed(0)} ms of CPU (${wall.toFixed(0)} ms wall), over the ${limitMs} ms limit`);
      if (error !== undefined) {
        report.failures++;
        report.firstFailure ??= {
          input: (show(input) ?? String(input)).slice(0, 400),
          error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(error),
          ms,
        };
      }
    }
  }
  return report;
}
