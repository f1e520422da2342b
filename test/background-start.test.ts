/**
 * A service worker start on a profile whose corpus is already installed (every start after the first): the
 * background must not report a corpus load that is not happening. The entrypoint runs on WXT's fakeBrowser and
 * fake-indexeddb; the first status is asked for at once, as the popup does when it opens.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCorpus, PaperlightDB } from '@/lib/browser/db';
import type { CorpusAsset } from '@/lib/corpus/types';
import { deliver } from './deliver';

(globalThis as { __CORPUS_VERSION__?: string }).__CORPUS_VERSION__ = 'installed-before';

describe('background start with the corpus in place', () => {
  it('answers the first getCorpusStatus with ready, not "loading 0 of 0"', async () => {
    fakeBrowser.reset();
    const db = new PaperlightDB();
    const papers: CorpusAsset['papers'] = Array.from({ length: 3 }, (_, i) => ({ id: `c-${i}`, title: `Paper ${i}`, abstract: 'An abstract.', sources: [] }));
    await loadCorpus(db, { version: 'installed-before', count: 3, papers });
    db.close();

    const background = (await import('../entrypoints/background')).default as { main(): void };
    background.main();
    expect(await deliver('getCorpusStatus', undefined, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') })).toEqual({ res: { state: 'ready', version: 'installed-before', count: 3 } });
  });
});
