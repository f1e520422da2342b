/**
 * The triage benchmark's scoring, timed in headless Chromium (the engine the extension's background runs the
 * scoring in) as well as in Node. Node 20's V8 is several versions older than Chromium's, and the two disagree by
 * a third on this code, so the figure the goal is read against is Chromium's; Node's is printed beside it.
 *
 * Each profile is timed in a fresh page: a background worker scores with one profile at a time, while timing
 * profiles one after another in one engine lets the first one's compiled code slow the next ones (up to 1.5×).
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../e2e/harness';
import type { Interests, ProfilePaper, TriageEntry } from '../../lib/triage/index';
import type { ChromiumTimes } from './triage-chromium-entry';

/** Times for each profile, in the order given; a string saying why when Chromium cannot be used. */
export async function timeInChromium(
  profiles: readonly Interests[],
  library: ProfilePaper[],
  corpus: ProfilePaper[],
  page: TriageEntry[],
  runs: number,
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
    const times: ChromiumTimes[] = [];
    for (const interests of profiles) {
      const tab = await browser.newPage();
      await tab.addScriptTag({ content: code });
      times.push(
        await tab.evaluate(
          ([i, l, c, p, n]) => (globalThis as unknown as { paperlightTriageTimes: (...a: unknown[]) => ChromiumTimes }).paperlightTriageTimes(i, l, c, p, n),
          [interests, library, corpus, page, runs] as const,
        ),
      );
      await tab.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}
