/**
 * `npm run bench -- fuzz`: promise 8 of issue 9 at full size — 10,000 random and mutated inputs per parser
 * (seed corpus, BibTeX, CSL-JSON, RIS, backup, import of any file, CSV export, query syntax, every page adapter),
 * counting contract breaks (an untyped throw, a malformed result; see test/fuzz/targets.ts) and cases over 1 s of
 * CPU. Goal: failures 0, slowest case < 1,000 ms. The unit run does the same with 200 cases per parser.
 * FUZZ_CASES and FUZZ_SEED override the count and the seed.
 */
import { ALL_TARGETS, USES_SHARED_PAGES } from '../fuzz/targets';
import { fuzz, type FuzzReport } from '../fuzz/run';
import { SKIP_NO_SHARED } from '../shared';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const LIMIT_MS = 1_000;

export default async function fuzzBench(): Promise<void> {
  console.log(`${CASES} cases per parser, seed ${SEED}; goal: 0 failures, every case under ${LIMIT_MS} ms of CPU`);
  if (!USES_SHARED_PAGES) console.log(`page adapters: ${SKIP_NO_SHARED.replace(/^skipped: /, 'the saved real pages are missing: ')}; hand-written pages only`);
  const reports: FuzzReport[] = [];
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('parser', 62)} ${'cases'.padStart(7)} ${'failures'.padStart(8)} ${'slowest ms'.padStart(10)} ${'(wall)'.padStart(8)} ${'total s'.padStart(8)}  goal`);
  for (const target of ALL_TARGETS) {
    const r = fuzz(target, { cases: CASES, seed: SEED, limitMs: LIMIT_MS });
    reports.push(r);
    const met = r.failures === 0 && r.slowestMs < LIMIT_MS ? 'met' : 'NOT MET';
    console.log(
      `${pad(r.name, 62)} ${String(r.cases).padStart(7)} ${String(r.failures).padStart(8)} ${r.slowestMs.toFixed(1).padStart(10)} ${r.slowestWallMs.toFixed(0).padStart(8)} ${(r.totalMs / 1000).toFixed(1).padStart(8)}  ${met}`,
    );
    if (r.firstFailure) console.log(`  first failure (${r.firstFailure.ms.toFixed(0)} ms): ${r.firstFailure.error}\n  input: ${r.firstFailure.input}`);
  }
  const cases = reports.reduce((n, r) => n + r.cases, 0);
  const failures = reports.reduce((n, r) => n + r.failures, 0);
  console.log(`total: ${reports.length} parsers, ${cases} cases, ${failures} failures, slowest ${Math.max(...reports.map((r) => r.slowestMs)).toFixed(1)} ms of CPU`);
}
