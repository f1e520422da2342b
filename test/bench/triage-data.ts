/**
 * The triage benchmark's page and library (test/bench/triage.bench.ts), shared with the test that pins
 * scoreEntries' output on them (test/triage-golden.test.ts), so the timed data and the checked data are the same.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildCorpus } from '../../lib/corpus/build';
import type { Interests, ProfilePaper, TriageEntry } from '../../lib/triage/index';
import { sharedPath } from '../shared';

export const LIBRARY_SIZE = 500;
export const PAGE_SIZE = 1000;

export interface JsonlRecord extends ProfilePaper {
  abstract: string;
  venue: string;
}

/** A seeded shuffle (LCG), so samples are the same on every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = Math.floor((state / 2 ** 32) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function readRecords(path: string): JsonlRecord[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonlRecord);
}

export const BENCH_INTERESTS: Interests = {
  keywords: ['diffusion', 'reinforcement learning', 'state space model', 'pre-training', 'LLM', 'retrieval', 'Gaussian splatting', 'SLAM'],
  authors: ['Schmidhuber, J.', 'Yann LeCun', 'A. Vedaldi', 'Sergey Levine', 'Smith, John', 'Fei-Fei Li'],
  likeMyLibrary: true,
};

/** The three profiles the benchmark times, by the name its table prints. */
export const BENCH_VARIANTS: [string, Interests][] = [
  ['keywords + authors + library', BENCH_INTERESTS],
  ['keywords + authors only', { ...BENCH_INTERESTS, likeMyLibrary: false }],
  ['library only', { keywords: [], authors: [], likeMyLibrary: true }],
];

export interface TriageBenchData {
  seeds: ProfilePaper[];
  library: ProfilePaper[];
  heldOut: ProfilePaper[];
  /** The 87k conference records, when ../shared is there. */
  records: JsonlRecord[] | undefined;
  page: TriageEntry[];
}

export function triageBenchData(): TriageBenchData {
  const seeds = buildCorpus().asset.papers;
  const order = shuffled(seeds, 1);
  const library = order.slice(0, LIBRARY_SIZE);
  const heldOut = order.slice(LIBRARY_SIZE);
  const dataPath = sharedPath('data', 'paperlists-abstracts.jsonl.gz');
  const records = dataPath ? readRecords(dataPath) : undefined;
  const page: TriageEntry[] = records
    ? shuffled(records, 2).slice(0, PAGE_SIZE)
    : Array.from({ length: PAGE_SIZE }, (_, i) => heldOut[i % heldOut.length]!);
  return { seeds, library, heldOut, records, page };
}
