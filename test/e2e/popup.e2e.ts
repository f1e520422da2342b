import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitForCorpus, type ExtensionSession } from './harness';

/** Stops the extension's service worker the way Chromium does after ~30 s idle. */
async function stopServiceWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('the popup in a real Chromium', () => {
  let session: ExtensionSession;
  let popup: Page;
  beforeAll(async () => {
    session = await launchExtension();
    // Serve arXiv locally: opening a result must not reach the network.
    await session.context.route('https://arxiv.org/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>arXiv stand-in</title>' }));
    popup = await session.openPage('popup.html');
    await waitForCorpus(popup);
    await popup.reload();
  });
  afterAll(async () => {
    await session?.close();
  });

  const box = () => popup.getByRole('searchbox', { name: 'Search papers' });
  const options = () => popup.getByRole('listbox', { name: 'Results' }).getByRole('option');

  it('focuses the search box on open and shows results as you type', async () => {
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search papers');
    await box().pressSequentially('scaling laws neural lang');
    await expect.poll(() => options().first().getAttribute('aria-label')).toBe('Scaling Laws for Neural Language Models');
    await expect.poll(() => popup.getByText(/\d+ results? for “scaling laws neural lang”/).count()).toBe(1);
    const marks = await options().first().locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['scaling', 'laws']));
  });

  it('finds a paper from a misspelled title', async () => {
    await box().fill('hyenna dna long range genomic');
    await expect.poll(() => options().first().getAttribute('aria-label')).toMatch(/^HyenaDNA/);
  });

  it('moves with the arrow keys and opens the selected paper with Enter', async () => {
    await box().fill('scaling laws neural');
    // Wait for this query's answer, not the previous one's.
    await expect.poll(() => popup.getByText(/\d+ results? for “scaling laws neural”/).count()).toBe(1);
    // The count line names the typed query at once, beside the previous answer's total: the hits themselves show
    // that this query's answer arrived (else it lands after the arrow key and resets the selection).
    await expect.poll(() => options().first().getAttribute('aria-label')).toMatch(/scaling law/i);
    await box().press('ArrowDown');
    // Preact renders the moved selection asynchronously; on a loaded machine one read can come before it.
    await expect.poll(() => options().nth(1).getAttribute('aria-selected')).toBe('true');
    const second = (await options().nth(1).getAttribute('aria-label'))!;
    const opened = session.context.waitForEvent('page');
    // Enter opens the paper in a tab and closes the popup, which ends the press itself.
    await box()
      .press('Enter')
      .catch(() => undefined);
    const tab = await opened;
    expect(popup.isClosed()).toBe(true);
    popup = await session.openPage('popup.html');
    // The URL the extension asked for (the stand-in network may not have committed it yet).
    const sw = await session.serviceWorker();
    const urls = await sw.evaluate(async () => {
      type Tab = { url?: string; pendingUrl?: string };
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
      return (await api.tabs.query({})).map((t) => t.pendingUrl || t.url || '');
    });
    const url = new URL(urls.find((u) => u.startsWith('https://arxiv.org/'))!);
    expect(url.pathname).toBe('/search/');
    expect(url.searchParams.get('searchtype')).toBe('title');
    expect(url.searchParams.get('query')).toBe(second);
    await tab.close();
  });

  it('saves from the popup and finds the paper with is:saved', async () => {
    await box().fill('Poseidon efficient foundation models PDEs');
    await expect.poll(() => options().first().getAttribute('aria-label')).toBe('Poseidon: Efficient Foundation Models for PDEs');
    await popup.getByRole('button', { name: 'Save to Reading list' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Saved', exact: true }).count()).toBe(1);
    await box().press('Alt+r'); // status: none → to-read
    await box().fill('is:saved');
    await expect.poll(() => options().allTextContents()).toEqual([expect.stringContaining('Poseidon: Efficient Foundation Models for PDEs')]);
    await expect.poll(() => options().first().textContent()).toContain('to-read');
    await expect.poll(() => popup.getByRole('list', { name: 'Active filters' }).textContent()).toContain('saved');
    // An empty box shows the reading list.
    await box().fill('');
    await expect.poll(() => popup.getByText('Your reading list (1)').count()).toBe(1);
    expect(await options().first().getAttribute('aria-label')).toBe('Poseidon: Efficient Foundation Models for PDEs');
  });

  it('stays correct after the service worker was stopped', async () => {
    const before = await session.serviceWorker();
    await before.evaluate(() => ((globalThis as { marker?: number }).marker = 1));
    await stopServiceWorker(session, popup);
    const fresh = await session.openPage('popup.html');
    const freshBox = fresh.getByRole('searchbox', { name: 'Search papers' });
    await freshBox.fill('is:saved poseidon');
    await expect.poll(() => fresh.getByRole('option').first().getAttribute('aria-label'), { timeout: 15_000 }).toBe('Poseidon: Efficient Foundation Models for PDEs');
    // A new worker answered: the old one's globals are gone.
    const after = await session.serviceWorker();
    expect(await after.evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
    await fresh.close();
  });

  it('says what was searched when nothing matches', async () => {
    await box().fill('qwxzzv plorkh');
    await expect.poll(() => popup.getByText('No papers match “qwxzzv plorkh”', { exact: false }).count()).toBe(1);
    expect(await options().count()).toBe(0);
  });

  it('shows more like this', async () => {
    await box().fill('Scaling Laws for Neural Machine Translation');
    await expect.poll(() => options().first().getAttribute('aria-label')).toBe('Scaling Laws for Neural Machine Translation');
    await popup.getByRole('button', { name: 'More like this' }).click();
    const related = popup.getByRole('listbox', { name: 'Related papers' }).getByRole('option');
    await expect.poll(() => related.count()).toBe(5);
    expect(await related.allTextContents()).not.toContain(expect.stringContaining('Scaling Laws for Neural Machine Translation'));
  });
});

describe('the popup in dark mode', () => {
  it('follows the system colour scheme', async () => {
    const session = await launchExtension({ colorScheme: 'dark' });
    try {
      const page = await session.openPage('popup.html');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(150);
      await page.screenshot({ path: '.tmp/popup-dark.png' });
    } finally {
      await session.close();
    }
  });
});
