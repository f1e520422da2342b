/**
 * The fuzz bench's worker: runs the targets from `from` on, posting one report per target, and writes where it is
 * (target, chunk, case, count) into shared memory before every case, so the bench can tell a parser that never
 * returns (a hang, which no in-process timer can interrupt) and name the input that caused it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ALL_TARGETS } from './targets';
import { fuzz } from './run';

export interface WorkerInput {
  from: number;
  cases: number;
  seed: number;
  limitMs: number;
  /** Int32Array over a SharedArrayBuffer: [target, chunk, index in chunk, cases started in this target]. */
  progress: SharedArrayBuffer;
}

const { from, cases, seed, limitMs, progress } = workerData as WorkerInput;
const where = new Int32Array(progress);
for (let t = from; t < ALL_TARGETS.length; t++) {
  Atomics.store(where, 0, t);
  Atomics.store(where, 3, 0);
  const report = fuzz(ALL_TARGETS[t]!, {
    cases,
    seed,
    limitMs,
    onCase: (chunk, index) => {
      Atomics.store(where, 1, chunk);
      Atomics.store(where, 2, index);
      Atomics.add(where, 3, 1);
    },
  });
  parentPort!.postMessage({ type: 'report', target: t, report });
}
parentPort!.postMessage({ type: 'done' });
