/**
 * `npm run bench -- triage-page` (issue #7): time from DOMContentLoaded to the triage highlights placed on the
 * 397-entry astro-ph pastweek page in Chromium, with interests set through the options page as a reader would
 * (keywords, a watched author, and "like my library", which on a fresh profile learns from the bundled corpus:
 * the heaviest profile). Read from the content script's `paperlight: triage …` console line: the first visit pays
 * building the profile in the background; revisits score against the memoised one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launchExtension, waitForCorpus } from '../e2e/harness';
import { REPO_ROOT, sharedPath, SKIP_NO_SHARED } from '../shared';
import { median } from './stats';

const URL_397 = 'https://arxiv.org/list/astro-ph/pastweek?show=1000';
const TRIAGE_LINE = /^paperlight: triage (\d+) of (\d+) entries highlighted; ([\d.]+) ms after DOMContentLoaded \((.*)\)$/;

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

    const options = await session.openPage('library.html');
    await waitForCorpus(options);
    const interests = options.getByRole('region', { name: 'Interests' });
    for (const keyword of ['exoplanet', 'gravitational wave', 'dark matter']) {
      await interests.getByRole('textbox', { name: 'Keyword' }).fill(keyword);
      await interests.getByRole('button', { name: 'Add keyword' }).click();
    }
    await interests.getByRole('textbox', { name: 'Author' }).fill('Kipping, D.');
    await interests.getByRole('button', { name: 'Add author' }).click();
    await options.getByText('Interests saved').waitFor();
    await options.close();

    const afterDcl: number[] = [];
    const parts: string[] = [];
    let highlighted = '';
    for (let i = 0; i < 6; i++) {
      const page = await session.context.newPage();
      const logged = page.waitForEvent('console', { predicate: (m) => TRIAGE_LINE.test(m.text()), timeout: 30_000 });
      await page.goto(URL_397);
      const m = TRIAGE_LINE.exec((await logged).text())!;
      highlighted = `${m[1]} of ${m[2]}`;
      afterDcl.push(Number(m[3]));
      parts.push(m[4]!);
      await page.close();
    }
    console.log('| page | highlighted | DOMContentLoaded → highlights placed: first visit / median of 5 revisits | parts, first visit | parts, last revisit |');
    console.log('|---|---|---|---|---|');
    console.log(`| arXiv astro-ph pastweek, 397 entries (real page); 3 keywords, 1 author, like my library (starter: bundled corpus) | ${highlighted} | ${afterDcl[0]!.toFixed(1)} / ${median(afterDcl.slice(1)).toFixed(1)} ms | ${parts[0]} | ${parts[parts.length - 1]} |`);
  } finally {
    await session.close();
  }
}
