/**
 * The browser-level trust promises of issue 9, each proved in real Chromium with the built extension:
 * 1. restart and update keep everything; 2. an interrupted corpus load heals; 6. pages get no handle.
 * (The unit-level promises — schema fixtures, quota, message fuzzing, parser fuzzing — live beside the code.)
 *
 * Promises 1 and 2 build the extension twice into a temp folder (the seed corpus at the package version, then a
 * higher version with a generated extra corpus) and install the second over the first from the same folder, so the
 * extension keeps its id and its storage, as an update does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  buildExtension,
  countStore,
  installUpdate,
  launchExtension,
  readRow,
  readStores,
  sendFromPage,
  waitForCorpus,
  type ExtensionSession,
} from './harness';
import { REPO_ROOT } from '../shared';
import type { CorpusMetaRow } from '../../lib/browser/db';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/pages', name), 'utf8');

/** The user tables (db.ts USER_TABLES) plus `meta`, which holds the user-data revision. */
const USER_STORES = ['papers', 'lists', 'memberships', 'tags', 'notes', 'meta'] as const;
/** Generated papers in the second build's extra corpus: enough that its load takes seconds, so it can be interrupted. */
const EXTRA_PAPERS = 40_000;
/** One extra paper with a word found nowhere else, to prove the search index was rebuilt from the new corpus. */
const MARKER_TITLE = 'Quokkaformer: Marsupial Attention for Retrieval over Forty Thousand Papers';

/** Writes a JSONL.gz of `{title, abstract, authors}` records (readJsonlPapers' format), unique titles. */
function writeExtraCorpus(path: string, n: number): void {
  const words = 'sparse dense attention diffusion graph kernel bayesian robust federated contrastive causal latent adaptive spectral implicit recurrent'.split(' ');
  const w = (i: number, k: number) => words[(i * 7 + k * 13 + Math.floor(i / (k + 3))) % words.length];
  const lines = [JSON.stringify({ title: MARKER_TITLE, abstract: 'We introduce quokkaformer, a retrieval model.', authors: ['Ada Quokka'] })];
  for (let i = 0; i < n - 1; i++) {
    const abstract = `We study ${w(i, 4)} ${w(i, 5)} methods for ${w(i, 6)} models (synthetic record ${i}). `.repeat(4);
    lines.push(JSON.stringify({ title: `Synthetic study ${i}: ${w(i, 1)} ${w(i, 2)} learning for ${w(i, 3)} models`, abstract, authors: [`Author ${i % 997}`] }));
  }
  writeFileSync(path, gzipSync(lines.join('\n')));
}

const work = mkdtempSync(join(tmpdir(), 'pl-trust-'));
const builds: { first: string; second: string; firstVersion: string; secondVersion: string } = { first: '', second: '', firstVersion: '', secondVersion: '' };
const assetOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as { version: string; count: number };

/** Copies a build into a folder of its own (the extension's id derives from that path) and launches it on a new profile. */
async function launchCopy(build: string): Promise<ExtensionSession> {
  const folder = join(mkdtempSync(join(work, 'ext-')), 'paperlight');
  cpSync(build, folder, { recursive: true });
  return launchExtension({ extensionDir: folder, userDataDir: mkdtempSync(join(work, 'profile-')) });
}

/** Everything the reader owns, two ways: the full export (getSnapshot) and a raw read of the user tables. */
async function userData(page: Page) {
  return { exported: await sendFromPage(page, 'getSnapshot'), raw: await readStores(page, USER_STORES) };
}

/** Saves lists, statuses, tags and notes through the messages the popup and library page send. */
async function saveUserData(page: Page): Promise<void> {
  const [poseidon] = (await sendFromPage(page, 'search', { query: 'poseidon foundation models pdes', limit: 1 })).hits;
  expect(poseidon?.title).toBe('Poseidon: Efficient Foundation Models for PDEs');
  const fromCorpus = await sendFromPage(page, 'savePaper', { paper: { title: poseidon!.title, corpusId: poseidon!.id } });
  const fromArxiv = await sendFromPage(page, 'savePaper', {
    paper: { title: 'Attention Is All You Need', arxivId: '1706.03762', url: 'https://arxiv.org/abs/1706.03762', authors: ['Ashish Vaswani', 'Noam Shazeer'], year: 2017 },
  });
  const thesis = await sendFromPage(page, 'createList', { name: 'Thesis — chapter 2' });
  await sendFromPage(page, 'addToList', { ids: [fromCorpus.id, fromArxiv.id], listId: thesis.id });
  await sendFromPage(page, 'setStatus', { ids: [fromCorpus.id], status: 'reading' });
  await sendFromPage(page, 'setStatus', { ids: [fromArxiv.id], status: 'read' });
  await sendFromPage(page, 'addTags', { ids: [fromCorpus.id, fromArxiv.id], tags: ['Neural Operators', 'classic'] });
  await sendFromPage(page, 'putNote', { paperId: fromCorpus.id, text: 'Compare with **FNO** on Navier–Stokes; ünïcode and 数学 stay.' });
  await sendFromPage(page, 'putNote', { paperId: fromArxiv.id, text: '- [ ] reread §3.2' });
}

beforeAll(() => {
  const extra = join(work, 'extra.jsonl.gz');
  writeExtraCorpus(extra, EXTRA_PAPERS);
  builds.first = buildExtension(join(work, 'first'));
  builds.firstVersion = (JSON.parse(readFileSync(join(builds.first, 'manifest.json'), 'utf8')) as { version: string }).version;
  const [major, minor] = builds.firstVersion.split('.').map(Number);
  builds.secondVersion = `${major}.${minor! + 1}.0`;
  builds.second = buildExtension(join(work, 'second'), { PAPERLIGHT_VERSION: builds.secondVersion, PAPERLIGHT_EXTRA_CORPUS: extra });
}, 180_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('promise 1: restart and update keep everything', () => {
  let session: ExtensionSession | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('keeps every user row across a restart and an update to a higher version with a new corpus, which replaces the corpus and the search index', async () => {
    const first = assetOf(builds.first);
    const second = assetOf(builds.second);
    expect(second.version).not.toBe(first.version);
    expect(second.count).toBe(first.count + EXTRA_PAPERS);

    session = await launchCopy(builds.first);
    let page = await session.openPage('library.html');
    expect(await waitForCorpus(page)).toMatchObject({ version: first.version, count: first.count });
    await saveUserData(page);
    const saved = await userData(page);
    expect(saved.raw.papers).toHaveLength(2);
    expect(saved.raw.notes).toHaveLength(2);
    expect(saved.raw.lists).toHaveLength(2); // the Reading list and Thesis
    expect(saved.raw.memberships).toHaveLength(4);
    expect(saved.raw.tags).toHaveLength(2);
    expect((await sendFromPage(page, 'search', { query: 'quokkaformer' })).hits.map((h) => h.title)).not.toContain(MARKER_TITLE);

    // Restart on the same profile: same build, same folder, new browser and service worker.
    await session.close({ keepProfile: true });
    session = await launchExtension({ extensionDir: session.extensionDir, userDataDir: session.userDataDir });
    page = await session.openPage('library.html');
    expect(await waitForCorpus(page)).toMatchObject({ version: first.version, count: first.count });
    expect(await userData(page)).toEqual(saved);

    // Update: the higher version with the new corpus, over the same folder.
    const started = Date.now();
    expect(await installUpdate(session, builds.second)).toEqual({ version: builds.secondVersion });
    page = await session.openPage('library.html');
    await expect
      .poll(async () => (await sendFromPage(page, 'getCorpusStatus')).state === 'ready' && (await readRow<CorpusMetaRow>(page, 'corpusMeta', 'installed'))?.version, { timeout: 60_000, interval: 200 })
      .toBe(second.version);
    const updateMs = Date.now() - started;
    const meta = await readRow<CorpusMetaRow>(page, 'corpusMeta', 'installed');
    expect(meta).toMatchObject({ version: second.version, count: second.count });
    expect(await countStore(page, 'corpus')).toBe(second.count); // replaced, not appended: keys are unique
    expect(await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version)).toBe(builds.secondVersion);
    // The index was rebuilt from the new corpus, and still knows the reader's own papers.
    const found = await sendFromPage(page, 'search', { query: 'quokkaformer marsupial' });
    expect(found.hits[0]?.title).toBe(MARKER_TITLE);
    const tagged = await sendFromPage(page, 'search', { query: 'tag:classic' });
    expect(tagged.hits.map((h) => h.title).sort()).toEqual(['Attention Is All You Need', 'Poseidon: Efficient Foundation Models for PDEs']);
    const after = await userData(page);
    expect(after).toEqual(saved);

    // And the update survives a restart: the new worker, the new corpus, the same user rows.
    await session.close({ keepProfile: true });
    session = await launchExtension({ extensionDir: session.extensionDir, userDataDir: session.userDataDir });
    page = await session.openPage('library.html');
    expect(await waitForCorpus(page)).toMatchObject({ version: second.version, count: second.count });
    expect((await sendFromPage(page, 'getCorpusStatus')).state).toBe('ready');
    expect(await userData(page)).toEqual(saved);
    const rows = Object.values(saved.raw).reduce((n, r) => n + r.length, 0);
    console.log(
      `trust/promise 1: ${rows} user rows (${saved.raw.papers!.length} papers, ${saved.raw.lists!.length} lists, ${saved.raw.memberships!.length} memberships, ${saved.raw.tags!.length} tags, ${saved.raw.notes!.length} notes, 1 revision) identical after restart, update ${builds.firstVersion} → ${builds.secondVersion} and restart; corpus ${first.count} → ${second.count} papers (${first.version} → ${second.version}) in ${updateMs} ms from reload to ready`,
    );
  }, 180_000);
});

describe('promise 2: an interrupted corpus load heals', () => {
  let session: ExtensionSession | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('stops the service worker mid-load: the previous corpus stays whole, the next start completes the load, user data is untouched', async () => {
    const first = assetOf(builds.first);
    const second = assetOf(builds.second);
    session = await launchCopy(builds.first);
    let page = await session.openPage('library.html');
    await waitForCorpus(page);
    await saveUserData(page);
    const saved = await userData(page);

    const started = Date.now();
    await installUpdate(session, builds.second);
    page = await session.openPage('library.html');
    // DevTools' own "stop worker": the extension's service worker lives in this page's storage partition.
    const cdp = await session.context.newCDPSession(page);
    const workerStates: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) workerStates.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');

    // Wait until the new corpus is partly written, then stop the worker.
    let stoppedAt: { done: number; total: number; ms: number } | undefined;
    const deadline = Date.now() + 30_000;
    while (!stoppedAt && Date.now() < deadline) {
      const status = await sendFromPage(page, 'getCorpusStatus');
      if (status.state === 'loading' && status.done >= 4_000) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        stoppedAt = { done: status.done, total: status.total, ms: Date.now() - started };
      } else {
        expect(status.state).toBe('loading'); // a load that finished before we could stop it proves nothing
        await page.waitForTimeout(25);
      }
    }
    expect(stoppedAt, 'the load never reached 4,000 rows').toBeDefined();
    expect(stoppedAt!.done).toBeLessThan(second.count);
    await expect.poll(() => workerStates.at(-1)).toBe('stopped');
    const sinceStop = workerStates.length;

    // While interrupted (no message sent, so nothing restarts the worker): the previous corpus, whole.
    expect(await readRow<CorpusMetaRow>(page, 'corpusMeta', 'installed')).toMatchObject({ version: first.version, count: first.count });
    expect(await countStore(page, 'corpus')).toBe(first.count);
    expect(await readStores(page, USER_STORES)).toEqual(saved.raw);

    // The next start (any message wakes the worker) loads the whole corpus again.
    const restarted = Date.now();
    await expect
      .poll(async () => (await sendFromPage(page, 'getCorpusStatus')).state, { timeout: 60_000, interval: 200 })
      .toBe('ready');
    const healMs = Date.now() - restarted;
    expect(workerStates.slice(sinceStop)).toContain('running'); // a new worker, not the stopped one
    expect(await readRow<CorpusMetaRow>(page, 'corpusMeta', 'installed')).toMatchObject({ version: second.version, count: second.count });
    expect(await countStore(page, 'corpus')).toBe(second.count);
    expect(await userData(page)).toEqual(saved);
    expect((await sendFromPage(page, 'search', { query: 'quokkaformer marsupial' })).hits[0]?.title).toBe(MARKER_TITLE);
    console.log(
      `trust/promise 2: worker stopped ${stoppedAt!.ms} ms after the update, at ${stoppedAt!.done} / ${stoppedAt!.total} rows; while stopped the corpus was ${first.count} papers (${first.version}); next start loaded ${second.count} / ${second.count} in ${healMs} ms; user rows identical`,
    );
  }, 180_000);
});
