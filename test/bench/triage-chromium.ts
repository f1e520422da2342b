/**
 * The triage benchmark's scoring, timed in headless Chromium (the engine the extension's background runs the
 * scoring in) as well as in Node. Node 20's V8 is several versions older than Chromium's, and the two disagree by
 * a third on this code, so the figure the goal is read against is Chromium's; Node's is printed beside it.
 *
 * Each profile is timed in a fresh page: a background worker scores with one profile at a time, while timing
 * profiles one after another in one engine lets the first one's compiled code slow the next ones (up to 1.5×).
 * Three such pages per profile, interleaved with the other profiles' pages; the figure is the median of the three
 * pages' medians.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../e2e/harness';
import type { Interests, ProfilePaper, TriageEntry } from '../../lib/triage/index';
import type { ChromiumTimes } from './triage-chromium-entry';
import { median } from './stats';

/** Times for each profile, in the order given; a string saying why when Chromium cannot be used. */
export async function timeInChromium(
  profiles: readonly Interests[],
  library: ProfilePaper[],
  corpus: ProfilePaper[],
  page: TriageEntry[],
  runs: number,
  rounds = 3,
): Promise<ChromiumTimes[] | string> {
  let executablePath: string;
  try {
    executablePath = chromiumPath();
  } catch (error) {
    return (error as Error).message;
  }
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./triage-chromium-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  const code = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // Each profile in `rounds` fresh pages, the rounds interleaved (A B C A B C …), and the median of the pages'
    // medians kept: on a shared machine a burst of someone else's load lands on one page, not on one profile.
    const perProfile: ChromiumTimes[][] = profiles.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, interests] of profiles.entries()) {
        const tab = await browser.newPage();
        await tab.addScriptTag({ content: code });
        perProfile[i]!.push(
          await tab.evaluate(
            ([i, l, c, p, n]) => (globalThis as unknown as { paperlightTriageTimes: (...a: unknown[]) => ChromiumTimes }).paperlightTriageTimes(i, l, c, p, n),
            [interests, library, corpus, page, runs] as const,
          ),
        );
        await tab.close();
      }
    }
    return perProfile.map((pages) => ({
      buildMs: median(pages.map((t) => t.buildMs)),
      newPageMs: median(pages.map((t) => t.newPageMs)),
      samePageMs: median(pages.map((t) => t.samePageMs)),
    }));
  } finally {
    await browser.close();
  }
}
