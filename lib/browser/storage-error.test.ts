/**
 * Promise 4 of issue 9: a full disk is visible, never silent. QuotaExceededError is injected into real Dexie
 * transactions over fake-indexeddb, both as the browser raises it on a request and as Dexie reports a transaction
 * the browser aborted (AbortError with the quota error inside); the library must roll back and say so in words.
 */
import 'fake-indexeddb/auto';
import { Dexie, type DBCore, type Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperlightDB, userRevision } from './db';
import { addTags, applyImportChanges, createList, putNote, readSnapshot, savePaper, setStatus, snapshotAtRevision } from './library';
import { isQuotaError, STORAGE_FULL_MESSAGE, StorageFullError, storageFailure } from './storage-error';
import { planImport } from '../formats/import';
import { SearchService } from './search-service';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

type FakeTransaction = { dispatchEvent(event: Event): boolean; _abort(errorName: string): void };

/** How the injected failure arrives: on the write request itself, or as the browser aborting the transaction. */
type Mode = 'request' | 'abort';
/** Fails the `after`-th write (0-based) into `table` once armed, the way a full disk would. */
function quotaMiddleware(fault: { mode: Mode | null; table?: string; after?: number }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'inject-quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        let seen = 0;
        return {
          ...table,
          mutate: (req) => {
            if (fault.mode && (!fault.table || fault.table === name) && seen++ >= (fault.after ?? 0)) {
              if (fault.mode === 'request') return Promise.reject(quota());
              // What a real browser does when the commit hits the quota: every request succeeded, then the commit
              // fails and the whole transaction aborts with that error (spec: "abort a transaction" with
              // QuotaExceededError; fake-indexeddb's _abort rolls back and fires abort). Dexie then rejects with
              // an AbortError whose inner is the QuotaExceededError.
              const trans = req.trans as unknown as FakeTransaction;
              const dispatch = trans.dispatchEvent.bind(trans);
              trans.dispatchEvent = (event) => (event.type === 'complete' ? (trans._abort('QuotaExceededError'), true) : dispatch(event));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

let db: PaperlightDB;
let fault: { mode: Mode | null; table?: string; after?: number };
let n = 0;
beforeEach(async () => {
  fault = { mode: null };
  db = new PaperlightDB(`quota-${n++}`);
  db.use(quotaMiddleware(fault));
  await db.open();
  await savePaper(db, { arxivId: '1706.03762', title: 'Attention Is All You Need' });
  await addTags(db, ['arxiv:1706.03762'], ['transformers']);
});
afterEach(async () => {
  await db.delete();
});

describe.each<Mode>(['request', 'abort'])('QuotaExceededError (%s)', (mode) => {
  it('a failed write rolls back, keeps the revision, and reaches the caller as "Storage is full: …"', async () => {
    const before = { snapshot: await readSnapshot(db), revision: await userRevision(db) };
    fault.mode = mode;
    fault.table = 'papers';
    const error = await setStatus(db, ['arxiv:1706.03762'], 'read').then(() => null, (e: unknown) => e);
    fault.mode = null;
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(STORAGE_FULL_MESSAGE);
    expect((error as Error).message).toMatch(/^Storage is full: /);
    // What Dexie handed us: the quota error itself, or (an aborted commit) an AbortError wrapping it.
    expect(((error as Error).cause as Error).name).toBe(mode === 'request' ? 'QuotaExceededError' : 'AbortError');
    expect(await userRevision(db)).toBe(before.revision);
    expect(await readSnapshot(db)).toEqual(before.snapshot);
  });

  it('a write that fails on its second table leaves the first untouched (one transaction)', async () => {
    const before = await readSnapshot(db);
    fault.mode = mode;
    fault.table = 'memberships';
    await expect(savePaper(db, { arxivId: '2006.11239', title: 'Denoising Diffusion Probabilistic Models' })).rejects.toThrow(/^Storage is full: /);
    await expect(createList(db, 'Thesis')).resolves.toBeTruthy(); // lists are not failing
    fault.mode = null;
    const after = await readSnapshot(db);
    expect(after.papers).toEqual(before.papers);
    expect(after.memberships).toEqual(before.memberships);
  });

  it('an import that fails midway writes nothing and keeps the revision, so the preview is still valid', async () => {
    const { snapshot, revision } = await snapshotAtRevision(db);
    const bib = [
      '@misc{a, title = {Scaling Laws for Neural Language Models}, year = {2020}, eprint = {2001.08361}, archivePrefix = {arXiv}, keywords = {scaling}, annote = {read twice}}',
      '@misc{b, title = {Denoising Diffusion Probabilistic Models}, year = {2020}, eprint = {2006.11239}, archivePrefix = {arXiv}}',
    ].join('\n');
    const plan = planImport(snapshot, bib);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.apply.papers.length).toBe(2);
    fault.mode = mode;
    fault.table = plan.apply.notes.length ? 'notes' : 'tags';
    await expect(applyImportChanges(db, plan.apply, revision)).rejects.toThrow(StorageFullError);
    fault.mode = null;
    expect(await userRevision(db)).toBe(revision);
    expect((await readSnapshot(db)).papers).toEqual(snapshot.papers);
    // With space again, the same plan applies: nothing was half-written to make it stale.
    await expect(applyImportChanges(db, plan.apply, revision)).resolves.toMatchObject({ revision: revision + 1 });
    expect(await db.papers.count()).toBe(3);
  });

  it('a note typed while the disk is full is refused in words, and the old note stays', async () => {
    const first = (await putNote(db, 'arxiv:1706.03762', 'first thoughts')).note!;
    fault.mode = mode;
    fault.table = 'notes';
    await expect(putNote(db, 'arxiv:1706.03762', 'second thoughts', first.id)).rejects.toThrow(STORAGE_FULL_MESSAGE);
    fault.mode = null;
    expect((await db.notes.get(first.id))?.text).toBe('first thoughts');
  });
});

describe('search on a full disk', () => {
  it('builds and answers even when its persisted copy (a cache) cannot be written', async () => {
    fault.mode = 'request';
    fault.table = 'searchIndex';
    const index = await new SearchService(db).get();
    fault.mode = null;
    expect(index.search('attention', { limit: 5 }).hits.map((h) => h.id)).toContain('arxiv:1706.03762');
    expect(await db.searchIndex.count()).toBe(0);
  });
});

describe('isQuotaError', () => {
  const q = quota();
  it.each<[string, unknown, boolean]>([
    ['the DOMException itself', q, true],
    ["Dexie's mapped QuotaExceededError", new Dexie.QuotaExceededError(q), true],
    ['an AbortError wrapping it (a transaction the browser aborted)', new Dexie.AbortError(q), true],
    ['a BulkError with one quota failure among others', new Dexie.BulkError('bulkPut failed', { 0: new Dexie.ConstraintError('dup'), 3: q }), true],
    ['an Error whose cause is the quota error', new Error('write failed', { cause: q }), true],
    ['a plain AbortError (the user or code aborted)', new Dexie.AbortError(), false],
    ['a ConstraintError', new Dexie.ConstraintError('Key already exists'), false],
    ['a library error', new Error('library: there is no list "x"'), false],
    ['not an error', 'QuotaExceededError', false],
    ['null', null, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });

  it('storageFailure passes other errors through untouched', () => {
    const other = new Error('library: a list needs a name');
    expect(storageFailure(other)).toBe(other);
    expect(storageFailure(new Dexie.AbortError(q))).toBeInstanceOf(StorageFullError);
  });
});
