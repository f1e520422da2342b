/**
 * `npm run bench -- triage-page` (issue #7): time from DOMContentLoaded to the triage highlights placed on the
 * 397-entry astro-ph pastweek page in Chromium, with interests set through the options page as a reader would
 * (keywords, a watched author, and "like my library", which on a fresh profile learns from the bundled corpus:
 * the heaviest profile). Read from the content script's `paperlight: triage …` console line: the first visit pays
 * building the profile in the background; revisits score against the memoised one.
 *
 * A second row does the same on a 1,000-entry arXiv /new listing with abstracts, made of the 1,000 real records the
 * scoring benchmark times (test/bench/triage-data.ts): the largest page, whose entries' text (1.1 M characters)
 * goes to the background in one message.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchExtension, waitForCorpus, type ExtensionSession } from '../e2e/harness';
import { REPO_ROOT, sharedPath, SKIP_NO_SHARED } from '../shared';
import { median } from './stats';
import { BENCH_INTERESTS, triageBenchData } from './triage-data';
import type { TriageEntry } from '../../lib/triage/index';

const URL_397 = 'https://arxiv.org/list/astro-ph/pastweek?show=1000';
const URL_NEW = 'https://arxiv.org/list/cs.LG/new';
const TRIAGE_LINE = /^paperlight: triage (\d+) of (\d+) entries highlighted; ([\d.]+) ms after DOMContentLoaded \((.*)\)$/;

const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An arXiv /new listing in the 2024 markup (test/fixtures/pages/arxiv-list-2024.html) holding `entries`. */
function newListing(entries: readonly TriageEntry[]): string {
  const items = entries.map((e, i) => {
    const id = `2412.${String(10000 + i).padStart(5, '0')}`;
    const authors = (e.authors ?? []).map((a) => `<a href="https://arxiv.org/a/x">${text(a)}</a>`).join(', ');
    return `<dt><a name="item${i + 1}">[${i + 1}]</a> <a href="https://arxiv.org/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${text(e.title)}</div>
<div class="list-authors">${authors}</div>
<div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div>
<p class="mathjax">${text(e.abstract ?? '')}</p></div></dd>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Machine Learning new submissions</title></head><body>
<div id="dlpage"><h1>Machine Learning</h1><h3>New submissions (showing ${entries.length} of ${entries.length} entries)</h3>
<dl id="articles">${items.join('\n')}</dl></div></body></html>`;
}

async function addInterests(session: ExtensionSession, keywords: readonly string[], authors: readonly string[]): Promise<void> {
  const options = await session.openPage('library.html');
  await waitForCorpus(options);
  const interests = options.getByRole('region', { name: 'Interests' });
  for (const keyword of keywords) {
    await interests.getByRole('textbox', { name: 'Keyword' }).fill(keyword);
    await interests.getByRole('button', { name: 'Add keyword' }).click();
  }
  for (const author of authors) {
    await interests.getByRole('textbox', { name: 'Author' }).fill(author);
    await interests.getByRole('button', { name: 'Add author' }).click();
  }
  await options.getByText('Interests saved').waitFor();
  await options.close();
}

/** Six visits: the first after an interests edit, then five revisits; each read from the content script's line. */
async function visits(session: ExtensionSession, url: string): Promise<{ highlighted: string; afterDcl: number[]; parts: string[] }> {
  const afterDcl: number[] = [];
  const parts: string[] = [];
  let highlighted = '';
  for (let i = 0; i < 6; i++) {
    const page: Page = await session.context.newPage();
    const logged = page.waitForEvent('console', { predicate: (m) => TRIAGE_LINE.test(m.text()), timeout: 30_000 });
    await page.goto(url);
    const m = TRIAGE_LINE.exec((await logged).text())!;
    highlighted = `${m[1]} of ${m[2]}`;
    afterDcl.push(Number(m[3]));
    parts.push(m[4]!);
    await page.close();
  }
  return { highlighted, afterDcl, parts };
}

export default async function triagePageBench(): Promise<void> {
  const listing = sharedPath('fixtures', 'pages', 'arxiv-list', 'list-astro-ph-pastweek-show1000-2024-11-browser-saved-mathjax.html');
  if (!listing) {
    console.log(`triage on the 397-entry page ${SKIP_NO_SHARED}`);
    return;
  }
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const session = await launchExtension();
  try {
    await session.context.route(/^https:\/\/(arxiv\.org|static\.arxiv\.org)\//, (r) => r.fulfill({ status: 204, body: '' }));
    const html = readFileSync(listing, 'utf8');
    await session.context.route(URL_397, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));

    await addInterests(session, ['exoplanet', 'gravitational wave', 'dark matter'], ['Kipping, D.']);
    const rows: string[] = [];
    const row = (name: string, r: Awaited<ReturnType<typeof visits>>) =>
      `| ${name} | ${r.highlighted} | ${r.afterDcl[0]!.toFixed(1)} / ${median(r.afterDcl.slice(1)).toFixed(1)} ms | ${r.parts[0]} | ${r.parts[r.parts.length - 1]} |`;
    rows.push(row('arXiv astro-ph pastweek, 397 entries (real page); 3 keywords, 1 author, like my library (starter: bundled corpus)', await visits(session, URL_397)));

    const { records, page } = triageBenchData();
    if (records) {
      const html = newListing(page);
      await session.context.route(URL_NEW, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await addInterests(session, BENCH_INTERESTS.keywords, BENCH_INTERESTS.authors);
      const chars = page.reduce((n, e) => n + e.title.length + (e.abstract?.length ?? 0) + (e.authors ?? []).join(', ').length, 0);
      rows.push(row(`arXiv /new, 1,000 entries with abstracts (real records, ${(chars / 1e6).toFixed(2)} M characters); the scoring benchmark's 8 keywords and 6 authors added, like my library (starter)`, await visits(session, URL_NEW)));
    } else rows.push(`| arXiv /new, 1,000 entries with abstracts | ${SKIP_NO_SHARED} (needs ../shared/data) | | | |`);

    console.log('| page | highlighted | DOMContentLoaded → highlights placed: first visit / median of 5 revisits | parts, first visit | parts, last revisit |');
    console.log('|---|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    await session.close();
  }
}
