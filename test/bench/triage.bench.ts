/**
 * `npm run bench -- triage` (issue #7): how long triaging a listing page takes, and the data behind the
 * similarity threshold (SIMILARITY_THRESHOLD in lib/triage/score.ts).
 *
 * - Timing: a profile built from 500 saved papers (seed papers) with 8 keywords and 6 watched authors, scoring
 *   1,000 listing entries (goal ≤ 30 ms), in Chromium (the extension's engine; triage-chromium.ts) and in Node. The entries are records of ../shared/data/paperlists-abstracts.jsonl.gz,
 *   real conference papers with authors and abstracts, standing in for a daily listing; without ../shared the
 *   126 seeds outside the library are repeated to 1,000 (the row says so).
 * - Calibration: share of entries whose nearest-saved-paper cosine reaches each candidate threshold, for entries
 *   "like the library" versus a listing (needs ../shared):
 *   seeds: library = 500 seeds, like = the other 126 seeds, listing = 20,000 records;
 *   nlp-N: library = N ACL/NAACL/COLING/EMNLP/EACL records, like = 1,000 other such records,
 *   listing = 20,000 records from other venues. Samples are seeded, so every run measures the same sets.
 */
import { buildProfile, highlightCap, scoreEntries, SIMILARITY_THRESHOLD, type Interests, type ProfilePaper, type TriageEntry } from '../../lib/triage/index';
import { analyze } from '../../lib/search/tokenize';
import { clearScoreMemo, nearestSimilarities } from '../../lib/triage/score';
import { SKIP_NO_SHARED } from '../shared';
import { medianTime } from './stats';
import { timeInChromium } from './triage-chromium';
import { BENCH_VARIANTS, LIBRARY_SIZE, PAGE_SIZE, shuffled, triageBenchData, type JsonlRecord } from './triage-data';

const GOAL_MS = 30;
const CANDIDATE_THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3];

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

export default async function triageBench(): Promise<void> {
  const { seeds, library, heldOut, records, page } = triageBenchData();
  if (!records) console.log(`listing rows use repeated seeds: 87k records ${SKIP_NO_SHARED}`);
  const words = page.reduce((n, e) => n + e.title.length + (e.abstract?.length ?? 0), 0);
  console.log(`page: ${page.length} entries, ${(words / 1000).toFixed(0)}k characters of titles and abstracts; library: ${library.length} seed papers; corpus for idf: ${seeds.length} seeds`);

  // The floor: the search core's analyzer alone over the same text, which every profile needs once per entry.
  const analyzeMs = medianTime(15, () => {
    for (const e of page) {
      analyze(e.title, () => {});
      analyze(e.abstract ?? '', () => {});
    }
  }, { warmUp: true });
  const rows: { profile: string; buildMs: number; scoreMs: number; warmMs: number; passing: number; highlighted: number }[] = [];
  const variants: [string, Interests][] = BENCH_VARIANTS;
  for (const [name, variant] of variants) {
    const buildMs = medianTime(5, () => buildProfile(variant, library, { corpus: seeds }), { warmUp: true });
    const profile = buildProfile(variant, library, { corpus: seeds });
    // A new page (no author name remembered), and the same page again (a revisit, a rescan, an edit of the
    // interests), where its author names are already parsed.
    const scoreMs = medianTime(15, () => {
      clearScoreMemo();
      scoreEntries(profile, page);
    }, { warmUp: true });
    const warmMs = medianTime(15, () => scoreEntries(profile, page), { warmUp: true });
    const results = scoreEntries(profile, page);
    rows.push({ profile: name, buildMs, scoreMs, warmMs, passing: results.filter((r) => r.score >= 1).length, highlighted: results.filter((r) => r.highlighted).length });
  }
  const inChromium = await timeInChromium(variants.map(([, v]) => v), library, seeds, page, 15);
  const chromiumMs = (i: number, key: 'buildMs' | 'newPageMs' | 'samePageMs') => (typeof inChromium === 'string' ? undefined : inChromium[i]![key]);
  const both = (chromium: number | undefined, node: number) => `${chromium === undefined ? '–' : chromium.toFixed(1)} / ${node.toFixed(1)}`;
  if (typeof inChromium === 'string') console.log(`Chromium columns empty: ${inChromium}`);
  console.log(`\n| profile (${LIBRARY_SIZE} saved papers) | build ms, Chromium / Node | score ${PAGE_SIZE} entries ms, new page, Chromium / Node (goal ≤ ${GOAL_MS}) | same page again ms, Chromium / Node | over threshold | highlighted (cap ${highlightCap(PAGE_SIZE)}) |`);
  console.log('|---|---|---|---|---|---|');
  rows.forEach((r, i) => {
    console.log(`| ${r.profile} | ${both(chromiumMs(i, 'buildMs'), r.buildMs)} | ${both(chromiumMs(i, 'newPageMs'), r.scoreMs)} | ${both(chromiumMs(i, 'samePageMs'), r.warmMs)} | ${percent(r.passing, page.length)} | ${r.highlighted} |`);
  });
  console.log(`| (analyzer alone, no visitor work) | – | – / ${analyzeMs.toFixed(1)} | – | – | – |`);
  const verdict = (ms: number) => `${ms.toFixed(1)} ms (${ms <= GOAL_MS ? 'within' : 'OVER'} the ${GOAL_MS} ms goal)`;
  const worstNode = Math.max(...rows.map((r) => r.scoreMs));
  if (typeof inChromium !== 'string') {
    const worst = Math.max(...rows.map((_, i) => chromiumMs(i, 'newPageMs')!));
    const worstWarm = Math.max(...rows.map((_, i) => chromiumMs(i, 'samePageMs')!));
    console.log(`slowest scoring of a new page of ${PAGE_SIZE} entries in Chromium (the extension's engine): ${verdict(worst)}; the same page again ${verdict(worstWarm)}; in Node ${verdict(worstNode)}`);
  } else {
    console.log(`slowest scoring of a new page of ${PAGE_SIZE} entries in Node: ${verdict(worstNode)} (Chromium not measured)`);
  }

  if (!records) {
    console.log(`\ncalibration ${SKIP_NO_SHARED}`);
    return;
  }
  console.log(`\nCalibration: share of entries whose nearest saved paper has cosine ≥ t, like the library / listing (chosen t = ${SIMILARITY_THRESHOLD})`);
  console.log(`\n| library | ${CANDIDATE_THRESHOLDS.map((t) => `t = ${t}`).join(' | ')} |`);
  console.log(`|---|${CANDIDATE_THRESHOLDS.map(() => '---').join('|')}|`);
  const listing = shuffled(records, 7).slice(0, 20_000);
  calibrationRow(`seeds: ${LIBRARY_SIZE} seeds vs ${heldOut.length} other seeds`, library, heldOut, listing, seeds);
  const isNlp = (r: JsonlRecord) => /^(acl|naacl|coling|emnlp|eacl)\d/.test(r.venue);
  const nlp = shuffled(records.filter(isNlp), 3);
  const notNlp = shuffled(records.filter((r) => !isNlp(r)), 4).slice(0, 20_000);
  for (const size of [20, 100, 500]) {
    calibrationRow(`nlp-${size}: ${size} NLP records vs 1,000 other NLP records`, nlp.slice(0, size), nlp.slice(1000, 2000), notNlp, seeds);
  }
}

function calibrationRow(name: string, library: ProfilePaper[], like: TriageEntry[], listing: TriageEntry[], corpus: ProfilePaper[]): void {
  const profile = buildProfile({ keywords: [], authors: [], likeMyLibrary: true }, library, { corpus });
  const likeCosines = nearestSimilarities(profile, like);
  const listingCosines = nearestSimilarities(profile, listing);
  const cells = CANDIDATE_THRESHOLDS.map((t) => {
    const cell = `${percent(likeCosines.filter((c) => c >= t).length, like.length)} / ${percent(listingCosines.filter((c) => c >= t).length, listing.length)}`;
    return t === SIMILARITY_THRESHOLD ? `**${cell}**` : cell;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
