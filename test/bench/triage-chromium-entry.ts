/**
 * Bundled (esbuild) and loaded into a Chromium page by triage-chromium.ts: the same scoring code the background
 * runs, timed in the engine the extension runs in. Sets one global; runs nothing on load.
 */
import { buildProfile, scoreEntries, type Interests, type ProfilePaper, type TriageEntry } from '../../lib/triage/index';
import { clearScoreMemo } from '../../lib/triage/score';
import { medianTime } from './stats';

/** Medians in ms, as the Node rows of triage.bench.ts give them. */
export interface ChromiumTimes {
  buildMs: number;
  newPageMs: number;
  samePageMs: number;
}

// Three warm-up calls: the first calls compile and re-optimise (as a background worker's first pages do).
const warmUp = 3;

(globalThis as { paperlightTriageTimes?: unknown }).paperlightTriageTimes = (
  interests: Interests,
  library: ProfilePaper[],
  corpus: ProfilePaper[],
  page: TriageEntry[],
  runs: number,
): ChromiumTimes => {
  const buildMs = medianTime(5, () => buildProfile(interests, library, { corpus }), { warmUp });
  const profile = buildProfile(interests, library, { corpus });
  const newPageMs = medianTime(runs, () => {
    clearScoreMemo();
    scoreEntries(profile, page);
  }, { warmUp });
  const samePageMs = medianTime(runs, () => scoreEntries(profile, page), { warmUp });
  return { buildMs, newPageMs, samePageMs };
};
