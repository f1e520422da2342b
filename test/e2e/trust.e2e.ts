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

/** Both builds, made once and only when a test needs them (`-t "promise 6"` runs without building). */
function ensureBuilds(): void {
  if (builds.second) return;
  const extra = join(work, 'extra.jsonl.gz');
  writeExtraCorpus(extra, EXTRA_PAPERS);
  builds.first = buildExtension(join(work, 'first'));
  builds.firstVersion = (JSON.parse(readFileSync(join(builds.first, 'manifest.json'), 'utf8')) as { version: string }).version;
  const [major, minor] = builds.firstVersion.split('.').map(Number);
  builds.secondVersion = `${major}.${minor! + 1}.0`;
  builds.second = buildExtension(join(work, 'second'), { PAPERLIGHT_VERSION: builds.secondVersion, PAPERLIGHT_EXTRA_CORPUS: extra });
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('promise 1: restart and update keep everything', () => {
  let session: ExtensionSession | undefined;
  beforeAll(ensureBuilds, 180_000);
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
  beforeAll(ensureBuilds, 180_000);
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

/**
 * What a hostile page script can try from the page's main world (page.evaluate runs there): synthetic clicks and
 * keys on our badges, panel controls and triage keys, form submissions, message-shaped postMessage payloads, and
 * chrome.runtime.sendMessage. Returns what it reached, so a test can tell an attack that found nothing from one
 * that was refused.
 */
async function attackFromPage(page: Page, extensionId: string): Promise<Record<string, number | string>> {
  return page.evaluate(async (extId) => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const reached: Record<string, number | string> = {};
    const composed = { bubbles: true, cancelable: true, composed: true };

    const badgeButtons = [...document.querySelectorAll('[data-paperlight-badge]')]
      .map((host) => host.shadowRoot?.querySelector('button'))
      .filter((b): b is HTMLButtonElement => !!b);
    for (const b of badgeButtons) {
      b.click();
      b.dispatchEvent(new MouseEvent('click', composed));
      b.dispatchEvent(new KeyboardEvent('keydown', { ...composed, key: 'Enter' }));
    }
    reached.badges = badgeButtons.length;
    await sleep(300);

    let controls = 0;
    for (const root of [...document.querySelectorAll('[data-paperlight-panel]')].map((host) => host.shadowRoot)) {
      if (!root) continue;
      for (const input of root.querySelectorAll<HTMLInputElement>('input[type=text], input:not([type])')) {
        input.value = 'injected-by-page';
        input.dispatchEvent(new InputEvent('input', composed));
        controls++;
      }
      await sleep(100);
      for (const form of root.querySelectorAll('form')) {
        form.dispatchEvent(new SubmitEvent('submit', composed));
        form.requestSubmit(); // the browser fires this submit itself: it arrives trusted
        controls++;
      }
      for (const el of root.querySelectorAll<HTMLElement>('button, input[type=radio], input[type=checkbox]')) {
        el.click(); // a checkbox or radio answers with a trusted change event
        el.dispatchEvent(new MouseEvent('click', composed));
        el.dispatchEvent(new Event('change', composed));
        controls++;
      }
      await sleep(300);
      for (const area of root.querySelectorAll('textarea')) {
        area.value = 'note injected by the page';
        area.dispatchEvent(new InputEvent('input', composed));
        area.focus();
        document.execCommand('insertText', false, ' and typed in by the page'); // the browser fires this input event: trusted
        area.dispatchEvent(new FocusEvent('blur'));
        area.blur();
        controls++;
      }
    }
    reached.panelControls = controls;

    let keys = 0;
    for (const key of ['j', 'j', 's', 'r', 'n', 'k', 's', 'r', 'Enter']) {
      for (const target of [window, document, document.body]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { ...composed, key }));
        keys++;
      }
    }
    reached.keys = keys;

    const envelopes = [
      { id: 1, type: 'savePaper', data: { paper: { title: 'Injected by the page' } }, timestamp: Date.now() },
      { id: 2, type: 'setStatus', data: { ids: ['arxiv:2402.00001'], status: 'read' }, timestamp: Date.now() },
      { id: 3, type: 'applyImport', data: { changes: { papers: [], lists: [], memberships: [], tags: [], notes: [] }, baseRevision: 0 }, timestamp: Date.now() },
      { id: 4, type: 'removePapers', data: { ids: ['arxiv:1706.03762'] }, timestamp: Date.now() },
    ];
    for (const m of envelopes) {
      window.postMessage(m, '*');
      window.postMessage(JSON.stringify(m), '*');
      document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
    }
    reached.postMessages = envelopes.length * 3;

    const chrome = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome;
    reached.runtime = typeof chrome?.runtime?.sendMessage;
    if (chrome?.runtime?.sendMessage) {
      try {
        await chrome.runtime.sendMessage(extId, envelopes[0]);
        reached.runtime = 'sent';
      } catch (error) {
        reached.runtime = `refused: ${(error as Error).message}`;
      }
    }
    await sleep(1_500); // longer than the note's 500 ms autosave and the triage's message round trips
    return reached;
  }, extensionId);
}

const rowCount = (data: { raw: Record<string, unknown[]> }) => Object.values(data.raw).reduce((n, rows) => n + rows.length, 0);

describe('promise 6: pages get no handle', () => {
  let session: ExtensionSession;
  let library: Page;
  beforeAll(async () => {
    session = await launchExtension();
    await session.context.route(/^https:\/\/(arxiv\.org|huggingface\.co)\//, (r) => r.fulfill({ status: 204, body: '' }));
    await session.context.route('https://arxiv.org/list/cs.LG/new', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture('arxiv-list-2024.html') }));
    await session.context.route('https://arxiv.org/abs/2402.00001', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture('arxiv-abs.html') }));
    // The abstract page of a paper saveUserData saved (status, lists, tags, a note): the fixture with its id and title.
    const saved = fixture('arxiv-abs.html').replace(/2402\.00001/g, '1706.03762').replace(/Damped Newton Method[^<"]*/g, 'Attention Is All You Need');
    await session.context.route('https://arxiv.org/abs/1706.03762', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: saved }));
    library = await session.openPage('library.html');
    await waitForCorpus(library);
    await saveUserData(library);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a page script reaching our badges, triage keys, postMessage and chrome.runtime causes no write on a listing', async () => {
    const before = await userData(library);
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/list/cs.LG/new');
    const badges = page.getByRole('button', { name: /^Paperlight · / });
    await expect.poll(() => badges.count()).toBe(2);
    const reached = await attackFromPage(page, session.extensionId);
    expect(reached).toMatchObject({ badges: 2, keys: 27, postMessages: 12, runtime: 'undefined' });
    expect(await page.getByRole('region', { name: /^Paperlight: / }).count()).toBe(0); // no panel opened either
    expect(await userData(library)).toEqual(before);
    console.log(`trust/promise 6: listing: ${JSON.stringify(reached)} → ${rowCount(before)} user rows and the export unchanged`);

    // The same keys from the reader (trusted input) do write: the comparison above can see a write.
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await expect.poll(async () => (await readStores(library, ['papers'])).papers!.length).toBe(before.raw.papers!.length + 1);
    await page.close();
  });

  it('a page script reaching into the open panel of a saved paper (status radios, list boxes, tag buttons and form, note) causes no write', async () => {
    const before = await userData(library);
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    const panel = page.getByRole('region', { name: /^Paperlight: Attention Is All You Need/ });
    await expect.poll(() => panel.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('- [ ] reread §3.2');
    const reached = await attackFromPage(page, session.extensionId);
    // The tag box, its form, 8 buttons and boxes (3 statuses, 2 lists, 2 tag removals, Add tag) and the note.
    expect(reached.panelControls).toBeGreaterThanOrEqual(11);
    expect(await userData(library)).toEqual(before);
    console.log(`trust/promise 6: saved paper's panel: ${JSON.stringify(reached)} → ${rowCount(before)} user rows and the export unchanged`);

    // The reader's own clicks and typing do write: the comparison above can see a write, and the gate lets people in.
    await panel.getByRole('radio', { name: 'reading' }).check();
    await expect.poll(() => panel.getByText('Saved · reading').count()).toBe(1);
    await panel.getByRole('radio', { name: 'reading' }).press('ArrowLeft'); // a radio group's arrow keys: to-read
    await panel.getByRole('checkbox', { name: 'Thesis — chapter 2' }).uncheck();
    await panel.getByRole('combobox', { name: 'Add tag' }).fill('from the reader');
    await panel.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await expect.poll(() => panel.getByRole('button', { name: 'Remove tag from-the-reader' }).count()).toBe(1);
    const note = panel.getByRole('textbox', { name: 'Note' });
    await note.click();
    await note.press('End');
    await note.pressSequentially(' and §4');
    await expect.poll(() => panel.getByText('Saved', { exact: true }).count()).toBe(1);
    const after = await readStores(library, ['papers', 'memberships', 'notes']);
    const paper = after.papers!.find((p) => (p as { id: string }).id === 'arxiv:1706.03762') as { status?: string };
    expect(paper.status).toBe('to-read');
    expect(after.memberships).toHaveLength(before.raw.memberships!.length - 1);
    expect(after.notes!.map((n) => (n as { text: string }).text)).toContain('- [ ] reread §3.2 and §4');
    await page.close();
  });

  it('a page script reaching into the open panel of an unsaved paper (save buttons, status radios, list boxes, tag form) causes no write', async () => {
    const before = await userData(library);
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/abs/2402.00001');
    const panel = page.getByRole('region', { name: /^Paperlight: Damped Newton/ });
    await expect.poll(() => panel.getByRole('button', { name: 'Save to Reading list' }).count()).toBe(1);
    await expect.poll(() => panel.getByRole('checkbox').count()).toBe(2); // the Reading list and Thesis
    const reached = await attackFromPage(page, session.extensionId);
    // The tag box, its form, and 8 buttons and boxes: Save, 3 status radios, 2 list boxes, Add tag, Save to write a note.
    expect(reached.panelControls).toBeGreaterThanOrEqual(10);
    expect(await userData(library)).toEqual(before);
    console.log(`trust/promise 6: unsaved paper's panel: ${JSON.stringify(reached)} → ${rowCount(before)} user rows and the export unchanged`);
    await expect.poll(() => panel.getByText(/^(In the corpus, not saved|Not saved)$/).count()).toBe(1);

    // The reader's own click saves: the comparison above can see a write.
    await panel.getByRole('button', { name: 'Save to Reading list' }).click();
    await expect.poll(async () => (await readStores(library, ['papers'])).papers!.length).toBe(before.raw.papers!.length + 1);
    await page.close();
  });
});
