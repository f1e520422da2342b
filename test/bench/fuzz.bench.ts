/**
 * `npm run bench -- fuzz`: promise 8 of issue 9 at full size — 10,000 random and mutated inputs per parser
 * (seed corpus, BibTeX, CSL-JSON, RIS, backup, import of any file, CSV export, query syntax, every page adapter),
 * counting contract breaks (an untyped throw, a malformed result; see test/fuzz/targets.ts) and cases over 1 s of
 * CPU. Goal: failures 0, slowest case < 1,000 ms. The unit run does the same with 200 cases per parser.
 * The targets run in a worker thread watched from here: a case that never returns (a hang) is stopped after
 * FUZZ_HANG_S seconds, counted as a failure and named, and the next parser goes on in a fresh worker.
 * FUZZ_CASES, FUZZ_SEED and FUZZ_HANG_S override the count, the seed and the hang limit.
 */
import { Worker } from 'node:worker_threads';
import { ALL_TARGETS, USES_SHARED_PAGES } from '../fuzz/targets';
import { FUZZ_CHUNK, type FuzzReport } from '../fuzz/run';
import type { WorkerInput } from '../fuzz/worker';
import { SKIP_NO_SHARED } from '../shared';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const LIMIT_MS = 1_000;
/** A case still running after this long is a hang (the 1 s limit is checked on cases that return). @default 30 */
const HANG_MS = Number(process.env.FUZZ_HANG_S ?? 30) * 1_000;

const pad = (s: string, n: number) => s.padEnd(n);
function printRow(r: FuzzReport) {
  const met = r.failures === 0 && r.slowestMs < LIMIT_MS ? 'met' : 'NOT MET';
  console.log(
    `${pad(r.name, 62)} ${String(r.cases).padStart(7)} ${String(r.failures).padStart(8)} ${r.slowestMs.toFixed(1).padStart(10)} ${r.slowestWallMs.toFixed(0).padStart(8)} ${(r.totalMs / 1000).toFixed(1).padStart(8)}  ${met}`,
  );
  if (r.firstFailure) console.log(`  first failure (${r.firstFailure.ms.toFixed(0)} ms): ${r.firstFailure.error}\n  input: ${r.firstFailure.input}`);
}

/** Runs the targets from `from` on in one worker; resolves with the index of the next target still to run. */
function runWorker(from: number, reports: FuzzReport[]): Promise<number> {
  const progress = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const where = new Int32Array(progress);
  const input: WorkerInput = { from, cases: CASES, seed: SEED, limitMs: LIMIT_MS, progress };
  const worker = new Worker(new URL('../fuzz/worker-boot.mjs', import.meta.url), { workerData: input });
  return new Promise((resolve) => {
    let next = from;
    let seen = -1;
    let since = Date.now();
    const finish = (at: number) => {
      clearInterval(watch);
      void worker.terminate().then(() => resolve(at));
    };
    const watch = setInterval(() => {
      const started = Atomics.load(where, 3);
      if (started !== seen) {
        seen = started;
        since = Date.now();
        return;
      }
      if (Date.now() - since < HANG_MS) return;
      const [t, chunk, index] = [Atomics.load(where, 0), Atomics.load(where, 1), Atomics.load(where, 2)];
      const report: FuzzReport = {
        name: ALL_TARGETS[t]!.name,
        cases: started,
        failures: 1,
        slowestMs: HANG_MS,
        slowestWallMs: HANG_MS,
        totalMs: 0,
        firstFailure: {
          ms: HANG_MS,
          error: `Hang: case ${started} gave no answer in ${HANG_MS / 1000} s (the rest of this parser's cases were not run)`,
          input: `fc.sample(target.input, { numRuns: ${FUZZ_CHUNK}, seed: ${SEED + chunk} })[${index}]`,
        },
      };
      reports.push(report);
      printRow(report);
      finish(t + 1);
    }, 1_000);
    worker.on('message', (m: { type: 'report'; target: number; report: FuzzReport } | { type: 'done' }) => {
      if (m.type === 'done') return finish(ALL_TARGETS.length);
      reports.push(m.report);
      printRow(m.report);
      next = m.target + 1;
    });
    worker.on('error', (error) => {
      console.log(`  the worker failed in ${ALL_TARGETS[Atomics.load(where, 0)]?.name}: ${error instanceof Error ? error.message : String(error)}`);
      finish(Math.max(next, Atomics.load(where, 0) + 1));
    });
  });
}

export default async function fuzzBench(): Promise<void> {
  console.log(`${CASES} cases per parser, seed ${SEED}; goal: 0 failures, every case under ${LIMIT_MS} ms of CPU; a case running ${HANG_MS / 1000} s is a hang`);
  if (!USES_SHARED_PAGES) console.log(`page adapters: ${SKIP_NO_SHARED.replace(/^skipped: /, 'the saved real pages are missing: ')}; hand-written pages only`);
  console.log(`${pad('parser', 62)} ${'cases'.padStart(7)} ${'failures'.padStart(8)} ${'slowest ms'.padStart(10)} ${'(wall)'.padStart(8)} ${'total s'.padStart(8)}  goal`);
  const reports: FuzzReport[] = [];
  for (let next = 0; next < ALL_TARGETS.length; ) next = await runWorker(next, reports);
  const cases = reports.reduce((n, r) => n + r.cases, 0);
  const failures = reports.reduce((n, r) => n + r.failures, 0);
  console.log(`total: ${reports.length} parsers, ${cases} cases, ${failures} failures, slowest ${Math.max(...reports.map((r) => r.slowestMs)).toFixed(1)} ms of CPU`);
}
