/**
 * Triage of listings (issue #7) as a reader meets it: interests typed on the options page, then arXiv listings and
 * search results served under their real URLs, the built extension in real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, readRow, waitForCorpus, type ExtensionSession } from './harness';
import { REPO_ROOT, sharedPath, SKIP_NO_SHARED } from '../shared';

const OWN_URL = 'https://arxiv.org/list/astro-ph/new';
const ASTRO_URL = 'https://arxiv.org/list/astro-ph/pastweek?show=1000';
const PANEL_URL = 'https://arxiv.org/list/cs.LG/new';
const HF_URL = 'https://huggingface.co/papers/date/2024-12-12';
const SEARCH_URL = 'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract';
const astroPath = sharedPath('fixtures', 'pages', 'arxiv-list', 'list-astro-ph-pastweek-show1000-2024-11-browser-saved-mathjax.html');
const searchPath = sharedPath('fixtures', 'pages', 'arxiv-search', 'search-abstract-distributed-systems-200-2025-12.html');

const marks = (page: Page) => page.getByRole('button', { name: /^Matches your interests: / });
const bar = (page: Page) => page.getByRole('region', { name: 'Paperlight triage' });

/** The arXiv ids of the entries carrying a mark, in the order they are on screen. */
function markedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-paperlight-match]')).map((host) => {
      const dd = host.closest('dd, li')!;
      const dt = dd.localName === 'dd' ? dd.previousElementSibling! : dd;
      return /abs\/([\d.]+)/.exec(dt.querySelector('a[href*="/abs/"]')!.getAttribute('href')!)![1]!;
    }),
  );
}

/** Every entry of a listing as [dt id link, dd title] pairs in page order: also proves each dt still has its dd. */
function listingPairs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('dl dt')).map((dt) => {
      const dd = dt.nextElementSibling;
      const id = dt.querySelector('a[href*="/abs/"]')?.getAttribute('href') ?? '?';
      return `${id} ${dd?.localName === 'dd' ? (dd.querySelector('.list-title')?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 40) : 'NO DD'}`;
    }),
  );
}

describe('triage of listings', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await session.context.route(/^https:\/\/(arxiv\.org|static\.arxiv\.org|huggingface\.co|cdn-thumbnails\.huggingface\.co)\//, (r) => r.fulfill({ status: 204, body: '' }));
    const serve = (url: string, html: string) => session.context.route(url, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await serve(OWN_URL, readFileSync(join(REPO_ROOT, 'test/fixtures/pages/arxiv-list-triage.html'), 'utf8'));
    await serve(HF_URL, readFileSync(join(REPO_ROOT, 'test/fixtures/pages/hf-daily.html'), 'utf8'));
    await serve(PANEL_URL, readFileSync(join(REPO_ROOT, 'test/fixtures/pages/arxiv-list-2024.html'), 'utf8'));
    if (astroPath) await serve(ASTRO_URL, readFileSync(astroPath, 'utf8'));
    if (searchPath) await serve(SEARCH_URL, readFileSync(searchPath, 'utf8'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('takes the interests from the options page, saved as the reader types them', async () => {
    const options = await session.openPage('library.html');
    await waitForCorpus(options);
    const interests = options.getByRole('region', { name: 'Interests' });
    await interests.getByRole('textbox', { name: 'Keyword' }).fill('exoplanet');
    await interests.getByRole('button', { name: 'Add keyword' }).click();
    await expect.poll(() => interests.getByRole('list', { name: 'Watched keywords' }).getByRole('listitem').allTextContents()).toEqual(['exoplanet ×']);
    await interests.getByRole('textbox', { name: 'Author' }).fill('Kipping, D.');
    await interests.getByRole('button', { name: 'Add author' }).click();
    await expect.poll(() => interests.getByRole('list', { name: 'Watched authors' }).getByRole('listitem').count()).toBe(1);
    // Keywords and authors only: the starter library (the bundled ML corpus) would add its own highlights.
    await interests.getByRole('checkbox', { name: /^Like my library/ }).uncheck();
    await expect.poll(() => readRow<{ interests: unknown }>(options, 'meta', 'interests').then((r) => r?.interests)).toEqual({
      keywords: ['exoplanet'],
      authors: ['Kipping, D.'],
      likeMyLibrary: false,
    });
    await options.close();
  });

  it('highlights the matching entries of a small listing, with reasons on hover and on focus', async () => {
    const page = await session.context.newPage();
    await page.goto(OWN_URL);
    await expect.poll(() => marks(page).count()).toBe(3);
    expect(await bar(page).getByText(/match your interests$/).textContent()).toBe('3 of 6 match your interests');
    expect(await markedIds(page)).toEqual(['2501.00101', '2501.00103', '2501.00104']);

    // Reasons: hidden until the mark is focused (keyboard) or hovered (mouse), then named as the reader typed them.
    const first = marks(page).first();
    expect(await page.getByRole('tooltip').count()).toBe(0);
    await first.focus();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Why: keyword “exoplanet” in the title');
    await page.mouse.click(5, 5);
    await marks(page).nth(1).hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Why: watched author Kipping, D. (as David Kipping)');
    await marks(page).nth(2).hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Why: keyword “exoplanet” in the abstract');
    await page.close();
  });

  it('"Show only matches" and "Order by score" work, undo exactly, and keep the page\'s anchors and links working', async () => {
    const page = await session.context.newPage();
    await page.goto(OWN_URL);
    await expect.poll(() => marks(page).count()).toBe(3);
    const original = await listingPairs(page);
    const dlHtml = () => page.evaluate(() => document.querySelector('dl')!.outerHTML.replace(/<span data-paperlight[^>]*><\/span>/g, ''));
    const before = await dlHtml();
    const visibleTitles = () => page.locator('dd .list-title').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);

    const order = bar(page).getByRole('button', { name: 'Order by score' });
    await order.click();
    await expect.poll(() => order.getAttribute('aria-pressed')).toBe('true');
    // Strongest first (title keyword and author: 3 points; abstract keyword: 1), the rest in page order; each dt
    // still directly before its dd.
    const ordered = await listingPairs(page);
    expect(ordered.map((p) => p.split(' ')[0])).toEqual(['/abs/2501.00101', '/abs/2501.00103', '/abs/2501.00104', '/abs/2501.00102', '/abs/2501.00105', '/abs/2501.00106']);
    expect(ordered.every((p) => !p.endsWith('NO DD'))).toBe(true);
    await order.click();
    await expect.poll(() => order.getAttribute('aria-pressed')).toBe('false');
    expect(await listingPairs(page)).toEqual(original);
    expect(await dlHtml()).toBe(before);

    const showOnly = bar(page).getByRole('button', { name: 'Show only matches' });
    await showOnly.click();
    await expect.poll(() => showOnly.getAttribute('aria-pressed')).toBe('true');
    expect(await visibleTitles()).toBe(3);
    expect(await page.locator('dt').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(3);
    // j/k step through the matches only while they are all that is shown.
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => Array.from(document.querySelectorAll('dd')).findIndex((dd) => (dd as HTMLElement).style.outline.includes('solid')))).toBe(2);
    await showOnly.click();
    await expect.poll(() => showOnly.getAttribute('aria-pressed')).toBe('false');
    expect(await visibleTitles()).toBe(6);
    // The j/k outline aside (keyboard triage's own), the list is as it was.
    expect((await dlHtml()).replace(/ style="[^"]*"/g, '')).toBe(before);

    // The page's own in-page link still lands on its anchor, and its links still go where they went.
    await page.getByRole('link', { name: 'entry 4' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#item4');
    expect(await page.evaluate(() => document.getElementsByName('item4')[0]!.closest('dt')!.nextElementSibling!.textContent!.includes('Dust Lanes'))).toBe(true);
    expect(await page.getByRole('link', { name: 'arXiv:2501.00103' }).getAttribute('href')).toBe('/abs/2501.00103');
    await page.close();
  });

  it('the popup counts and lists the current tab\'s matches; choosing one scrolls the tab to it', async () => {
    const page = await session.context.newPage();
    await page.goto(OWN_URL);
    await expect.poll(() => marks(page).count()).toBe(3);
    const popup = await session.context.newPage();
    // The listing is the active tab when the popup asks, as when a reader clicks the toolbar button.
    await page.bringToFront();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const section = popup.getByRole('region', { name: 'Matches on this page' });
    await expect.poll(() => section.getByRole('heading').textContent()).toBe('3 of 6 entries on this page match your interests');
    expect(await section.getByRole('button').allTextContents()).toEqual([
      'Diffusion Models for Exoplanet Direct Imaging',
      'Transit Timing Variations of Compact Systems',
      'Dust Lanes in Nearby Spiral Galaxies',
    ]);
    await section.getByRole('button', { name: 'Dust Lanes in Nearby Spiral Galaxies' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? ''))
      .toBe('Matches your interests: “Dust Lanes in Nearby Spiral Galaxies”');
    await page.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('on the saved astro-ph pastweek page (397 entries), highlights the exoplanet papers and the watched author\'s', async () => {
    if (!astroPath) return console.log(`astro-ph pastweek page ${SKIP_NO_SHARED}`);
    const page = await session.context.newPage();
    await page.goto(ASTRO_URL);
    await expect.poll(() => marks(page).count(), { timeout: 15_000 }).toBe(5);
    expect(await bar(page).getByText(/match your interests$/).textContent()).toBe('5 of 397 match your interests');
    expect(await markedIds(page)).toEqual(['2411.13308', '2411.11946', '2411.10493', '2411.09753', '2411.09752']);
    await marks(page).last().focus();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Why: keyword “exoplanet” in the title; watched author Kipping, D. (as David Kipping)');

    const anchorsBefore = await page.evaluate(() => Array.from(document.querySelectorAll('a[name], a[id]')).map((a) => a.getAttribute('name') ?? a.id));
    const original = await listingPairs(page);
    await bar(page).getByRole('button', { name: 'Order by score' }).click();
    await expect.poll(async () => (await listingPairs(page)).slice(0, 5).map((p) => p.split(' ')[0])).toEqual([
      'https://arxiv.org/abs/2411.09752',
      'https://arxiv.org/abs/2411.13308',
      'https://arxiv.org/abs/2411.11946',
      'https://arxiv.org/abs/2411.10493',
      'https://arxiv.org/abs/2411.09753',
    ]);
    await bar(page).getByRole('button', { name: 'Show only matches' }).click();
    expect(await page.locator('dd').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(5);
    await bar(page).getByRole('button', { name: 'Show only matches' }).click();
    await bar(page).getByRole('button', { name: 'Order by score' }).click();
    await expect.poll(() => listingPairs(page)).toEqual(original);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('a[name], a[id]')).map((a) => a.getAttribute('name') ?? a.id))).toEqual(anchorsBefore);
    await page.close();
  });

  it('on the saved arXiv search page (200 results), reads the abstracts and highlights the two that mention exoplanets', async () => {
    if (!searchPath) return console.log(`arXiv search page ${SKIP_NO_SHARED}`);
    const page = await session.context.newPage();
    await page.goto(SEARCH_URL);
    await expect.poll(() => marks(page).count(), { timeout: 15_000 }).toBe(2);
    expect(await bar(page).getByText(/match your interests$/).textContent()).toBe('2 of 200 match your interests');
    expect(await markedIds(page)).toEqual(['2512.10072', '2512.01731']);
    await marks(page).first().focus();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Why: keyword “exoplanet” in the abstract');
    await page.close();
  });

  it('on a Hugging Face daily page, highlights the card a keyword added on the options page matches, and shows only it', async () => {
    const options = await session.openPage('library.html');
    const interests = options.getByRole('region', { name: 'Interests' });
    await interests.getByRole('textbox', { name: 'Keyword' }).fill('fine-tuning');
    await interests.getByRole('button', { name: 'Add keyword' }).click();
    await expect.poll(() => interests.getByRole('list', { name: 'Watched keywords' }).getByRole('listitem').count()).toBe(2);
    await options.close();

    const page = await session.context.newPage();
    await page.goto(HF_URL);
    await expect.poll(() => marks(page).count()).toBe(1);
    expect(await marks(page).getAttribute('aria-label')).toBe('Matches your interests: “S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity”');
    expect(await bar(page).getByText(/match your interests$/).textContent()).toBe('1 of 3 match your interests');
    const visibleCards = () => page.locator('article').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(await visibleCards()).toBe(3);
    await bar(page).getByRole('button', { name: 'Show only matches' }).click();
    await expect.poll(visibleCards).toBe(1);
    await bar(page).getByRole('button', { name: 'Show only matches' }).click();
    await expect.poll(visibleCards).toBe(3);
    await page.close();
  });

  it("on a Hugging Face daily page, scores the abstracts and authors the cards do not show (the page's own data)", async () => {
    const options = await session.openPage('library.html');
    const interests = options.getByRole('region', { name: 'Interests' });
    const stored = () => readRow<{ interests: unknown }>(options, 'meta', 'interests').then((r) => r?.interests);
    const before = await stored();
    // Both only in the card's data: its abstract ("power-law") and its author list (the card shows no names).
    await interests.getByRole('textbox', { name: 'Author' }).fill('Kaplan, J.');
    await interests.getByRole('button', { name: 'Add author' }).click();
    await interests.getByRole('textbox', { name: 'Keyword' }).fill('power-law');
    await interests.getByRole('button', { name: 'Add keyword' }).click();
    await expect.poll(() => interests.getByRole('list', { name: 'Watched keywords' }).getByRole('listitem').count()).toBe(3);
    await expect.poll(() => interests.getByRole('list', { name: 'Watched authors' }).getByRole('listitem').count()).toBe(2);

    const page = await session.context.newPage();
    await page.goto(HF_URL);
    await expect.poll(() => marks(page).count()).toBe(2);
    const scaling = page.getByRole('button', { name: 'Matches your interests: “Scaling Laws for Neural Language Models”' });
    await scaling.focus();
    const why = page.getByRole('tooltip');
    await expect.poll(() => why.textContent()).toContain('watched author Kaplan, J. (as Jared Kaplan)');
    expect(await why.textContent()).toContain('keyword “power-law” in the abstract');
    await page.close();

    // Back to the interests the next test starts from.
    await interests.getByRole('button', { name: 'Remove author Kaplan, J.' }).click();
    await interests.getByRole('button', { name: 'Remove keyword power-law' }).click();
    await expect.poll(stored).toEqual(before);
    await options.close();
  });

  it('the page panel adds to the interests: "Watch this author" and "More like this paper"', async () => {
    const page = await session.context.newPage();
    await page.goto(PANEL_URL);
    const badge = page.getByRole('button', { name: /^Paperlight · / }).first();
    await badge.click();
    const panel = page.getByRole('region', { name: /^Paperlight: S/ });
    const group = panel.getByRole('group', { name: 'Interests' });
    await group.getByRole('combobox', { name: 'Author to watch' }).selectOption('Jianan Leng');
    await group.getByRole('button', { name: 'Watch this author' }).click();
    await expect.poll(() => group.getByRole('status').textContent()).toBe('Watching Jianan Leng');
    // The listing follows at once, without a reload: the entry's mark now gives the watched author as a reason.
    const s2ft = page.getByRole('button', { name: /^Matches your interests: “S.{0,8}FT: Efficient/ });
    await s2ft.focus();
    await expect.poll(() => page.getByRole('tooltip').first().textContent()).toContain('watched author Jianan Leng');
    await group.getByRole('button', { name: 'More like this paper' }).click();
    await expect.poll(() => group.getByRole('status').textContent()).toBe('Saved: listings will highlight papers like this one');
    const options = await session.openPage('library.html');
    await expect.poll(() => readRow<{ interests: { authors: string[]; likeMyLibrary: boolean } }>(options, 'meta', 'interests').then((r) => r?.interests)).toEqual({
      keywords: ['exoplanet', 'fine-tuning'],
      authors: ['Kipping, D.', 'Jianan Leng'],
      likeMyLibrary: true,
    });
    // The options page shows what the page added.
    expect(await options.getByRole('list', { name: 'Watched authors' }).getByRole('listitem').allTextContents()).toEqual(['Kipping, D. ×', 'Jianan Leng ×']);
    await expect.poll(() => panel.getByText(/^Saved · /).count()).toBe(1);
    await options.close();
    await page.close();
  });
});
