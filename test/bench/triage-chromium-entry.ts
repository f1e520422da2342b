/**
 * Bundled (esbuild) and loaded into a Chromium page by triage-chromium.ts: the same scoring code the background
 * runs, timed in the engine the extension runs in. Sets one global; runs nothing on load.
 */
import { buildProfile, scoreEntries, type Interests, type ProfilePaper, type TriageEntry } from '../../lib/triage/index';
import { clearScoreMemo } from '../../lib/triage/score';

export interface ChromiumTimes {
  buildMs: number[];
  newPageMs: number[];
  samePageMs: number[];
}

function time(runs: number, f: () => void): number[] {
  // Warm-up: the first calls compile and re-optimise (as a background worker's first pages do); Node's figures
  // beside these get one.
  for (let i = 0; i < 3; i++) f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    ms.push(performance.now() - start);
  }
  return ms;
}

(globalThis as { paperlightTriageTimes?: unknown }).paperlightTriageTimes = (
  interests: Interests,
  library: ProfilePaper[],
  corpus: ProfilePaper[],
  page: TriageEntry[],
  runs: number,
): ChromiumTimes => {
  const buildMs = time(5, () => buildProfile(interests, library, { corpus }));
  const profile = buildProfile(interests, library, { corpus });
  const newPageMs = time(runs, () => {
    clearScoreMemo();
    scoreEntries(profile, page);
  });
  const samePageMs = time(runs, () => scoreEntries(profile, page));
  return { buildMs, newPageMs, samePageMs };
};
