import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countStore, EXTENSION_DIR, launchExtension, readRow, waitForCorpus, type ExtensionSession } from './harness';

const bundled = JSON.parse(readFileSync(join(EXTENSION_DIR, 'corpus.json'), 'utf8')) as { version: string; count: number };

describe('the corpus in a real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('installs the 626 bundled papers into the extension\'s IndexedDB on install', async () => {
    const page = await session.openPage('popup.html');
    const meta = await waitForCorpus(page);
    expect(meta).toMatchObject({ version: bundled.version, count: 626 });
    expect(await countStore(page, 'corpus')).toBe(626);
    await page.close();
  });

  it('keeps the corpus and a user row across an extension reload', async () => {
    const page = await session.openPage('popup.html');
    await waitForCorpus(page);
    const row = { id: 'arxiv:1706.03762', arxivId: '1706.03762', title: 'Attention Is All You Need', tags: ['classic'], addedAt: 1, updatedAt: 1 };
    await page.evaluate(
      (r) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paperlight');
          open.onsuccess = () => {
            const tx = open.result.transaction('papers', 'readwrite');
            tx.objectStore('papers').put(r);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      row,
    );
    await page.close();

    // Restart the browser on the same profile: the extension is loaded afresh (new service worker, same storage).
    // chrome.runtime.reload() is no substitute: Chromium disables a --load-extension extension that reloads itself.
    await session.close({ keepProfile: true });
    session = await launchExtension({ userDataDir: session.userDataDir });

    const after = await session.openPage('popup.html');
    expect((await waitForCorpus(after)).count).toBe(626);
    expect(await countStore(after, 'corpus')).toBe(626);
    expect(await readRow(after, 'papers', row.id)).toEqual(row);
    await after.close();
  });
});
