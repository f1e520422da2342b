/**
 * Promise 5 of issue 9 through the real dispatch path: the background entrypoint runs on WXT's fakeBrowser and
 * fake-indexeddb, and messages arrive on runtime.onMessage with the sender a browser would attach, through
 * @webext-core/messaging and background's handle(). What is refused must come back as a MessageRefused with its
 * code, and must leave the library as it was.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperlightDB, userRevision } from '@/lib/browser/db';
import { deliver } from './deliver';

// The build defines the corpus version; here there is no corpus asset, so the load fails and says so.
(globalThis as { __CORPUS_VERSION__?: string }).__CORPUS_VERSION__ = 'test';

const ORIGIN = fakeBrowser.runtime.getURL('/');
const ID = fakeBrowser.runtime.id;
const PAGE = { id: ID, url: `${ORIGIN}library.html` };
const SCRIPT = { id: ID, url: 'https://arxiv.org/abs/1706.03762', tab: { id: 3 } };
beforeAll(async () => {
  fakeBrowser.reset();
  const background = (await import('../entrypoints/background')).default as { main(): void };
  background.main();
});

describe('background handle(): refusals through the real message path', () => {
  it('our library page is answered', async () => {
    const { res, err } = await deliver('createList', { name: 'Thesis' }, PAGE);
    expect(err).toBeUndefined();
    expect(res).toMatchObject({ name: 'Thesis' });
  });

  it.each<[string, string, unknown, object, string]>([
    ['another extension asking for an export', 'getSnapshot', undefined, { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/' }, 'foreign-sender'],
    ['a page without a tab saving', 'savePaper', { paper: { title: 'x' } }, { id: ID, url: 'https://arxiv.org/abs/1' }, 'foreign-sender'],
    ['a look-alike host saving', 'savePaper', { paper: { title: 'x' } }, { id: ID, url: 'https://arxiv.org.evil.com/abs/1', tab: { id: 4 } }, 'foreign-sender'],
    ['http arXiv saving', 'savePaper', { paper: { title: 'x' } }, { id: ID, url: 'http://arxiv.org/abs/1', tab: { id: 4 } }, 'foreign-sender'],
    ['the content script asking for an export', 'getSnapshot', undefined, SCRIPT, 'not-for-content-scripts'],
    ['the content script importing', 'applyImport', { changes: { papers: [], lists: [], memberships: [], tags: [], notes: [] }, baseRevision: 0 }, SCRIPT, 'not-for-content-scripts'],
    ['the content script deleting papers', 'removePapers', { ids: ['c-1'] }, SCRIPT, 'not-for-content-scripts'],
    ['the content script deleting a list', 'deleteList', { id: 'reading-list' }, SCRIPT, 'not-for-content-scripts'],
    ['our page with a malformed payload', 'savePaper', { paper: { title: 'x', evil: '<script>' } }, PAGE, 'malformed-payload'],
  ])('%s → MessageRefused %s, nothing written', async (_name, type, data, sender, code) => {
    const db = new PaperlightDB();
    const before = { papers: await db.papers.count(), lists: await db.lists.count(), revision: await userRevision(db) };
    const { res, err } = await deliver(type, data, sender);
    expect(res).toBeUndefined();
    expect(err?.name).toBe('MessageRefused');
    expect(err?.code).toBe(code);
    expect(err?.message).toMatch(/^background: /);
    expect({ papers: await db.papers.count(), lists: await db.lists.count(), revision: await userRevision(db) }).toEqual(before);
    db.close();
  });

  it('the content script may save (a message it is allowed)', async () => {
    const { res, err } = await deliver('savePaper', { paper: { arxivId: '1706.03762', title: 'Attention Is All You Need' } }, SCRIPT);
    expect(err).toBeUndefined();
    expect(res).toMatchObject({ id: 'arxiv:1706.03762' });
  });
});
