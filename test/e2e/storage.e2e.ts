/**
 * Promise 4 of issue 9 as a reader meets it, in real Chromium: the library page asks for persistent storage and
 * shows the usage, and a write the browser refuses for lack of space is said in words where it was made, with
 * nothing half-written. The refusal is injected in the service worker the way IndexedDB raises it: a
 * QuotaExceededError DOMException from the object store's write calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { countStore, launchExtension, waitForCorpus, type ExtensionSession } from './harness';

const TITLE = 'Poseidon: Efficient Foundation Models for PDEs';

/** Makes every IndexedDB write in the background throw QuotaExceededError (true) or work again (false). */
async function diskFull(worker: Worker, full: boolean) {
  await worker.evaluate((on) => {
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown> & { __real?: Record<string, unknown> };
    proto.__real ??= { put: proto.put, add: proto.add };
    for (const name of ['put', 'add']) {
      proto[name] = on
        ? () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
        : proto.__real[name];
    }
  }, full);
}

describe('storage in a real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    // Records that a page asked for persistence: whether the browser grants it is its own decision (headless
    // Chromium says no without a prompt), so the test checks the asking and that the page reports the answer.
    await session.context.addInitScript(() => {
      const storage = navigator.storage as StorageManager & { asked?: number };
      const persist = storage.persist.bind(storage);
      storage.asked = 0;
      storage.persist = () => ((storage.asked! += 1), persist());
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the library page asks to keep the data and shows the usage, by name', async () => {
    const library = await session.openPage('library.html');
    // The page estimates the usage once, when it opens: on a fresh profile that can come before the corpus is
    // written (0 bytes, truly). Read it again once there is data to count.
    await waitForCorpus(library);
    await library.reload();
    const storage = library.getByRole('region', { name: 'Storage' });
    await expect.poll(() => storage.textContent()).toMatch(/^Storage used: [\d.]+ (bytes|KB|MB|GB) of [\d.]+ (MB|GB|TB) \([\d.]+ %\)\. /);
    expect(await library.evaluate(() => (navigator.storage as StorageManager & { asked?: number }).asked)).toBe(1);
    const granted = await library.evaluate(() => navigator.storage.persisted());
    expect(await storage.textContent()).toContain(
      granted ? 'Kept persistently: the browser will not clear it to free space.' : 'Not persistent: the browser may clear it when the disk is nearly full; export a backup.',
    );
    const meter = storage.getByRole('meter', { name: 'Storage used' });
    expect(Number(await meter.getAttribute('value'))).toBeGreaterThan(0);
  });

  it('a full disk is said in the library page and the popup, and nothing is half-written', async () => {
    const library = await session.openPage('library.html');
    await waitForCorpus(library);
    const worker = await session.serviceWorker();
    const lists = library.getByRole('navigation', { name: 'Lists' });
    await expect.poll(() => lists.getByRole('button').count()).toBeGreaterThan(0);
    const listsBefore = await countStore(library, 'lists');

    await diskFull(worker, true);
    await lists.getByRole('button', { name: 'New list' }).click();
    const name = library.getByRole('textbox', { name: 'Name of the new list' });
    await name.fill('Thesis');
    await name.press('Enter');
    await expect.poll(() => library.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/^Storage is full: the browser refused to store more for Paperlight, so this change was not saved/);
    expect(await countStore(library, 'lists')).toBe(listsBefore);
    expect(await lists.getByRole('button', { name: /^Thesis/ }).count()).toBe(0);

    const popup = await session.openPage('popup.html');
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('poseidon foundation models');
    await expect.poll(() => popup.getByRole('option').first().getAttribute('aria-label')).toBe(TITLE);
    await popup.getByRole('button', { name: 'Save to Reading list' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/^Storage is full: /);
    expect(await countStore(popup, 'papers')).toBe(0);

    // With space again, the same action works: the failure left nothing behind that blocks it.
    await diskFull(worker, false);
    await popup.getByRole('button', { name: 'Save to Reading list' }).click();
    await expect.poll(() => countStore(popup, 'papers')).toBe(1);
  });
});
