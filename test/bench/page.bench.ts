/**
 * The content script in Chromium (issue: on the page): time from DOMContentLoaded to every mark placed, per page
 * kind, on the real saved pages when ../shared is present (the 397-entry astro-ph listing repeated to 1,000
 * entries, with one in ten titles swapped for a corpus title so badges are really placed), plus the style and
 * layout work the marks add (Chromium's own counters, with and without the extension). Goal: ≤ 50 ms at 1,000.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { buildCorpus } from '../../lib/corpus/build';
import { exportSnapshot } from '../../lib/formats/export';
import { pageMarks } from '../../lib/library/page-context';
import { chromiumPath, launchExtension, waitForCorpus } from '../e2e/harness';
import { REPO_ROOT, sharedPath } from '../shared';
import { median } from './stats';
import { LIBRARY_PAPERS, syntheticLibrary } from './synthetic-library';


/** The astro-ph listing with its dt/dd pairs repeated to `count`, every tenth title replaced by a corpus title. */
function bigListing(html: string, count: number): string {
  const pairs = html.match(/<dt>[\s\S]*?<\/dd>/g) ?? [];
  const titles = buildCorpus().asset.papers.map((p) => p.title);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let pair = pairs[i % pairs.length]!;
    if (out.length % 10 === 0) {
      // A corpus title under an id of its own (a real astro-ph id would be remembered as that corpus paper).
      const title = titles[out.length % titles.length]!.replace(/[<&]/g, ' ');
      pair = pair
        .replace(/(<div class="list-title[^>]*>[\s\S]*?<\/span>)[\s\S]*?(<\/div>)/, `$1 ${title} $2`)
        .replace(/\d{4}\.\d{5}/g, `2412.9${String(out.length).padStart(4, '0')}`);
    }
    out.push(pair);
  }
  const first = html.indexOf(pairs[0]!);
  const last = html.lastIndexOf(pairs[pairs.length - 1]!) + pairs[pairs.length - 1]!.length;
  return html.slice(0, first) + out.join('\n') + html.slice(last);
}

interface PageCase {
  kind: string;
  url: string;
  html: string;
}

async function route(context: BrowserContext, c: PageCase): Promise<void> {
  await context.route(/^https:\/\/(arxiv\.org|static\.arxiv\.org|huggingface\.co|cdn-thumbnails\.huggingface\.co)\//, (r) => r.fulfill({ status: 204, body: '' }));
  await context.route(c.url, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: c.html }));
}

/** Style recalculation + layout time Chromium spent on the page, in ms (CDP Performance metrics). */
async function layoutMs(context: BrowserContext, url: string, waitForMarks: boolean): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const marked = waitForMarks ? page.waitForEvent('console', { predicate: (m) => m.text().startsWith('paperlight:'), timeout: 15_000 }) : undefined;
  await page.goto(url);
  await marked;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  await page.close();
  return (get('LayoutDuration') + get('RecalcStyleDuration')) * 1000;
}

export default async function pageBench(): Promise<void> {
  const cases: PageCase[] = [];
  const fixtures = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/pages', name), 'utf8');
  const listing = sharedPath('fixtures', 'pages', 'arxiv-list', 'list-astro-ph-pastweek-show1000-2024-11-browser-saved-mathjax.html');
  const search = sharedPath('fixtures', 'pages', 'arxiv-search', 'search-abstract-distributed-systems-200-2025-12.html');
  const hfPaper = sharedPath('fixtures', 'pages', 'hf-paper', 'hf-paper-2509.24002-2025-10-bs4-prettified.html');
  const abs = sharedPath('fixtures', 'pages', 'arxiv-abs', 'abs-2609.22268v1-2026-09-transcribed.html');
  if (listing) {
    const html = readFileSync(listing, 'utf8');
    cases.push({ kind: 'arXiv listing, 397 entries (real page)', url: 'https://arxiv.org/list/astro-ph/pastweek?show=1000', html });
    cases.push({ kind: 'arXiv listing, 1,000 entries (397 repeated, 100 corpus titles)', url: 'https://arxiv.org/list/astro-ph/pastweek?show=2000', html: bigListing(html, 1000) });
  } else console.log('skipped the real listing pages: ../shared/fixtures is absent');
  if (search) cases.push({ kind: 'arXiv search, 200 results (real page)', url: 'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&size=200', html: readFileSync(search, 'utf8') });
  if (abs) cases.push({ kind: 'arXiv abstract page (real page)', url: 'https://arxiv.org/abs/2609.22268', html: readFileSync(abs, 'utf8') });
  if (hfPaper) cases.push({ kind: 'Hugging Face paper page (real page)', url: 'https://huggingface.co/papers/2509.24002', html: readFileSync(hfPaper, 'utf8') });
  cases.push({ kind: 'Hugging Face daily papers (own fixture)', url: 'https://huggingface.co/papers/date/2024-12-12', html: fixtures('hf-daily.html') });

  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  console.log(
    '| page | entries marked | DOMContentLoaded → marks placed: first visit / median of 4 revisits (goal ≤ 50 ms at 1,000) | script time, first / revisits | DOMContentLoaded → background answer for fuzzy candidates, first / revisits | style + layout, without → with Paperlight |',
  );
  console.log('|---|---|---|---|---|---|');
  const session = await launchExtension();
  const plainDir = mkdtempSync(join(tmpdir(), 'pl-plain-'));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const popup = await session.openPage('popup.html');
    await waitForCorpus(popup);
    /** Five visits of a page (the first, then revisits) and, unless `layout` is false, style + layout. */
    const measure = async (c: PageCase, layout = true): Promise<void> => {
      await route(session.context, c);
      await route(plain, c);
      const afterDcl: number[] = [];
      const inScript: number[] = [];
      let marked = '';
      let parts = '';
      let firstParts = '';
      const confirmed: number[] = [];
      let added = '';
      for (let i = 0; i < 5; i++) {
        const page = await session.context.newPage();
        const lines: string[] = [];
        page.on('console', (m) => void (m.text().startsWith('paperlight:') && lines.push(m.text())));
        // The marks' line, not triage's (`paperlight: triage …`, timed in triage-page.bench.ts).
        const logged = page.waitForEvent('console', { predicate: (m) => / entries marked; /.test(m.text()), timeout: 20_000 });
        await page.goto(c.url);
        const text = (await logged).text();
        const m = /^paperlight: (\d+) of (\d+) entries marked; ([\d.]+) ms in the script, ([\d.]+) ms after DOMContentLoaded \((.*)\)/.exec(text);
        if (m) {
          marked = `${m[1]} of ${m[2]}`;
          inScript.push(Number(m[3]));
          afterDcl.push(Number(m[4]));
          parts = m[5]!;
          if (!firstParts) firstParts = m[5]!;
        }
        // The background's answer for titles the page context could not settle (fuzzy candidates), if any were asked.
        await page.waitForTimeout(300);
        const answer = lines.map((l) => /background confirmed (\d+) entries, (\d+) more marked, ([\d.]+) ms/.exec(l)).find(Boolean);
        if (answer) {
          confirmed.push(Number(answer[3]));
          added = `${answer[2]} added for ${answer[1]} asked`;
        }
        await page.close();
      }
      let styleAndLayout = '–';
      if (layout) {
        const without = median([await layoutMs(plain, c.url, false), await layoutMs(plain, c.url, false), await layoutMs(plain, c.url, false)]);
        const withMarks = median([await layoutMs(session.context, c.url, true), await layoutMs(session.context, c.url, true), await layoutMs(session.context, c.url, true)]);
        styleAndLayout = `${without.toFixed(1)} → ${withMarks.toFixed(1)} ms`;
      }
      // The first visit pays every title match; revisits find them remembered in the background.
      console.log(
        `| ${c.kind} | ${marked} | ${afterDcl[0]!.toFixed(1)} / ${median(afterDcl.slice(1)).toFixed(1)} ms | ${inScript[0]!.toFixed(1)} / ${median(inScript.slice(1)).toFixed(1)} ms (${firstParts}; revisit ${parts}) | ${confirmed.length ? `${confirmed[0]!.toFixed(1)} / ${median(confirmed.slice(1)).toFixed(1)} ms (${added})` : 'nothing asked'} | ${styleAndLayout} |`,
      );
      await session.context.unrouteAll({ behavior: 'ignoreErrors' });
      await plain.unrouteAll({ behavior: 'ignoreErrors' });
    };
    for (const c of cases) await measure(c);

    // The same 1,000-entry listing with a large library: every page load receives the saved papers' marks in its
    // page context (lib/library/page-context.ts), so its size grows with the library.
    const big = cases.find((c) => c.kind.startsWith('arXiv listing, 1,000'));
    if (big) {
      const library = syntheticLibrary(0);
      const context = pageMarks({
        papers: library.papers,
        memberships: library.memberships,
        lists: library.lists,
        notePaperIds: library.notes.map((n) => n.paperId),
        remembered: new Map(),
      });
      const dir = mkdtempSync(join(tmpdir(), 'pl-bench-page-'));
      const backup = join(dir, 'backup.json');
      writeFileSync(backup, exportSnapshot(library, 'backup'));
      const libraryPage = await session.openPage('library.html');
      await libraryPage.getByLabel(/^Import file/).setInputFiles(backup);
      await libraryPage.getByRole('button', { name: `Import ${LIBRARY_PAPERS} new papers` }).click({ timeout: 600_000 });
      await libraryPage.getByText(/^Imported “/).waitFor({ timeout: 600_000 });
      await libraryPage.close();
      rmSync(dir, { recursive: true, force: true });
      const kb = (value: unknown) => `${Math.round(JSON.stringify(value).length / 1024)} KB`;
      await measure({ ...big, kind: `${big.kind}, with ${LIBRARY_PAPERS.toLocaleString('en')} saved papers (page context: saved marks ${kb(context)} + corpus titles)` }, false);
    }
  } finally {
    await session.close();
    await plain.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
}
