/**
 * scoreEntries' output on the triage benchmark's page (1,000 conference records against 500 seed papers, the
 * three profiles the benchmark times) pinned to what it gave before the scoring was made faster: the same
 * highlights, the same reasons in the same order, scores and points within 1e-9 relative, and the raw
 * nearest-paper cosines the threshold is calibrated on. `PAPERLIGHT_WRITE_TRIAGE_GOLDEN=1` rewrites the file
 * (only ever from a version whose output is the reference). Needs ../shared (the records).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildProfile, scoreEntries, type TriageResult } from '../lib/triage/index';
import { clearScoreMemo, nearestSimilarities } from '../lib/triage/score';
import { BENCH_VARIANTS, triageBenchData } from './bench/triage-data';
import { REPO_ROOT, SKIP_NO_SHARED, sharedPath } from './shared';

const GOLDEN = `${REPO_ROOT}/test/fixtures/triage/bench-results.json.gz`;

interface Golden {
  results: Record<string, TriageResult[]>;
  cosines: number[];
}

function current(): Golden {
  const { seeds, library, page } = triageBenchData();
  const results: Record<string, TriageResult[]> = {};
  for (const [name, interests] of BENCH_VARIANTS) {
    clearScoreMemo();
    results[name] = scoreEntries(buildProfile(interests, library, { corpus: seeds }), page);
  }
  const cosines = nearestSimilarities(buildProfile(BENCH_VARIANTS[2]![1], library, { corpus: seeds }), page);
  return { results, cosines };
}

/** Numbers within 1e-9 relative; everything else (kinds, names, ids, order) exactly. */
function closeTo(actual: number, expected: number): boolean {
  return actual === expected || Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** The first difference between two values, as a path and both sides; undefined when they agree. */
export function firstDifference(actual: unknown, expected: unknown, path = ''): string | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return closeTo(actual, expected) ? undefined : `${path}: ${actual} vs ${expected}`;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return `${path}: length ${actual.length} vs ${expected.length}`;
    for (let i = 0; i < actual.length; i++) {
      const d = firstDifference(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const a = Object.keys(actual);
    const e = Object.keys(expected);
    if (a.join() !== e.join()) return `${path}: keys ${a.join()} vs ${e.join()}`;
    for (const k of a) {
      const d = firstDifference((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${path}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`;
}

describe.skipIf(!sharedPath('data', 'paperlists-abstracts.jsonl.gz'))(`triage on the benchmark page ${sharedPath('data') ? '' : SKIP_NO_SHARED}`, () => {
  if (process.env.PAPERLIGHT_WRITE_TRIAGE_GOLDEN === '1') {
    it('writes the reference output', () => {
      writeFileSync(GOLDEN, gzipSync(JSON.stringify(current())));
    });
    return;
  }
  it('gives the reference highlights, reasons and scores', () => {
    expect(existsSync(GOLDEN)).toBe(true);
    const golden = JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString('utf8')) as Golden;
    const now = current();
    for (const [name] of BENCH_VARIANTS) {
      expect(golden.results[name]!.length).toBe(1000);
      expect(firstDifference(now.results[name], golden.results[name], name)).toBeUndefined();
    }
    expect(firstDifference(now.cosines, golden.cosines, 'cosines')).toBeUndefined();
  });
});
