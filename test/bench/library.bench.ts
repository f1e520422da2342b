/**
 * The library page in Chromium with 5,000 saved papers, each with a note (issue: reading list): import of a
 * backup and a BibTeX file through the page, export of every format, and the page opening with that library —
 * each timed, with the longest main-thread task the page saw (goal: none over 200 ms; progress shown for anything
 * over a second). The formats themselves run in a worker; this measures what the reader waits for.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { exportSnapshot } from '../../lib/formats/export';
import { launchExtension, waitForCorpus } from '../e2e/harness';
import { REPO_ROOT } from '../shared';
import { LIBRARY_PAPERS, syntheticLibrary } from './synthetic-library';

const N = LIBRARY_PAPERS;

/** Starts recording long tasks; `take()` returns the longest since the last take, in ms. */
async function longTasks(page: Page): Promise<{ take(): Promise<number> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  return {
    take: () =>
      page.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        const max = Math.max(0, ...w.__long);
        w.__long = [];
        return max;
      }),
  };
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await f();
  return [value, performance.now() - t];
}

export default async function libraryBench(): Promise<void> {
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-lib-'));
  const backup = join(dir, 'backup.json');
  const bib = join(dir, 'more.bib');
  writeFileSync(backup, exportSnapshot(syntheticLibrary(0), 'backup'));
  writeFileSync(bib, exportSnapshot(syntheticLibrary(N), 'bibtex'));
  const session = await launchExtension();
  console.log(`| step (${N.toLocaleString('en')} papers with notes) | time | longest main-thread task (goal ≤ 200 ms) |`);
  console.log('|---|---|---|');
  try {
    const popup = await session.openPage('popup.html');
    await waitForCorpus(popup);
    let page = await session.openPage('library.html');
    let tasks = await longTasks(page);
    const importFile = async (path: string, count: number) => {
      await page.getByLabel(/^Import file/).setInputFiles(path);
      const apply = page.getByRole('button', { name: `Import ${count} new papers` });
      await apply.waitFor({ timeout: 600_000 });
      await apply.click();
      await page.getByText(/^Imported “/).waitFor({ timeout: 600_000 });
    };
    const [, backupMs] = await timed(() => importFile(backup, N));
    console.log(`| import a backup (preview + apply + list redrawn) | ${(backupMs / 1000).toFixed(1)} s | ${(await tasks.take()).toFixed(0)} ms |`);

    await page.close();
    const [opened, openMs] = await timed(async () => {
      const p = await session.openPage('library.html');
      await p.getByRole('checkbox', { name: /^Select Paper 4999:/ }).waitFor({ timeout: 60_000 });
      return p;
    });
    page = opened;
    tasks = await longTasks(page); // buffered: includes the page's own start
    console.log(`| open the library page and list ${N.toLocaleString('en')} papers | ${openMs.toFixed(0)} ms | ${(await tasks.take()).toFixed(0)} ms |`);

    await page.getByRole('combobox', { name: 'What' }).selectOption('all');
    for (const label of ['BibTeX (.bib)', 'CSL-JSON', 'RIS', 'Markdown checklist', 'CSV', 'Full backup (JSON)']) {
      await page.getByRole('combobox', { name: 'Export format' }).selectOption({ label });
      const [, ms] = await timed(async () => {
        const download = page.waitForEvent('download', { timeout: 600_000 });
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        await (await download).path();
      });
      console.log(`| export ${label} | ${ms.toFixed(0)} ms | ${(await tasks.take()).toFixed(0)} ms |`);
    }

    const [, bibMs] = await timed(() => importFile(bib, N));
    console.log(`| import ${N.toLocaleString('en')} more as BibTeX (preview + apply) | ${(bibMs / 1000).toFixed(1)} s | ${(await tasks.take()).toFixed(0)} ms |`);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
