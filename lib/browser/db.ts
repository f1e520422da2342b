/**
 * The one module that owns IndexedDB (through Dexie). The background is the only writer; content scripts never
 * open a database (theirs would be the page's).
 *
 * Two kinds of table live here and never mix:
 * - corpus tables (`corpus`, `corpusMeta`): replaced wholesale by a corpus load;
 * - user tables (`papers`, `lists`, `memberships`, `tags`, `notes`, `highlights`): only ever changed by the user's own actions.
 *
 * Schema history: a new schema is a new `version(n)` with an `upgrade()`; old versions are never edited.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CorpusAsset, CorpusPaper } from '../corpus/types';
import type { ListMembership, Note, PaperList, SavedPaper, Tag } from '../library/types';
import type { Highlight } from '../library/highlights';
import type { Interests } from '../triage/types';

/**
 * The completion marker of the installed corpus, written last in the load transaction. It has a table of its own
 * so that reading user metadata never waits on a corpus load (IndexedDB serialises transactions whose scopes
 * overlap, and an 87k-paper load holds its scope for seconds).
 */
export interface CorpusMetaRow {
  key: 'installed';
  version: string;
  count: number;
  loadedAt: number;
  /** How long the IndexedDB transaction took, for the benchmarks and the status line. */
  loadMs: number;
}

/**
 * Key–value rows about user data: the revision the search index follows, and what triage watches (issue #7; a
 * row, not a table, so no schema version is needed; written through the library's `write` so the revision bumps).
 */
export type MetaRow = { key: 'userRevision'; revision: number } | { key: 'interests'; interests: Interests };

/**
 * The serialized search index, valid for exactly one corpus version and one user-data revision; anything else is
 * stale and rebuilt. Kept so a restarted service worker loads the index instead of rebuilding it.
 */
export interface SearchIndexRow {
  key: 'current';
  corpusVersion: string;
  userRevision: number;
  json: string;
}

/**
 * An arXiv id seen on a page next to a corpus paper's title: remembered so the paper is recognised by id on its
 * abs, pdf, html and Hugging Face pages, where the title may be missing or written otherwise.
 */
export interface IdentityRow {
  arxivId: string;
  paperId: string;
  seenAt: number;
}

export class PaperlightDB extends Dexie {
  corpus!: EntityTable<CorpusPaper, 'id'>;
  corpusMeta!: Table<CorpusMetaRow, CorpusMetaRow['key']>;
  meta!: Table<MetaRow, MetaRow['key']>;
  searchIndex!: Table<SearchIndexRow, SearchIndexRow['key']>;
  identities!: EntityTable<IdentityRow, 'arxivId'>;
  papers!: EntityTable<SavedPaper, 'id'>;
  lists!: EntityTable<PaperList, 'id'>;
  memberships!: Table<ListMembership, [listId: string, paperId: string]>;
  tags!: EntityTable<Tag, 'name'>;
  notes!: EntityTable<Note, 'id'>;
  highlights!: EntityTable<Highlight, 'id'>;

  /**
   * Set when another connection opened a newer schema (or deleted the database) and this one closed to let it:
   * the code holding this instance is older than the database and should reload (a page) or restart (a worker).
   */
  outdated: { newVersion: number | null } | null = null;
  /** Why the last open gave up waiting for an older connection (see failWhenBlocked). */
  blockedError: DatabaseBlockedError | null = null;

  constructor(
    name = 'paperlight',
    private readonly connection: ConnectionOptions = {},
  ) {
    super(name);
    // See https://dexie.org/docs/Dexie/Dexie.on.versionchange and Dexie.on.blocked.
    this.on('versionchange', (event) => this.yieldToNewerConnection(event));
    this.on('blocked', (event) => this.failWhenBlocked(event));
    this.version(1).stores({
      corpus: 'id',
      corpusMeta: 'key',
      meta: 'key',
      searchIndex: 'key',
      identities: 'arxivId, paperId',
      papers: 'id, corpusId, arxivId, status, *tags, addedAt, updatedAt',
      lists: 'id, name',
      memberships: '[listId+paperId], listId, paperId',
      tags: 'name',
      notes: 'id, paperId, updatedAt',
    });
    // Highlights (issue #8): a new user table; no existing rows change, so no upgrade() is needed.
    this.version(2).stores({ highlights: 'id, paperId, updatedAt' });
  }

  /**
   * Another connection wants a newer version (an updated worker) or to delete the database. Close at once so it is
   * not blocked, and say so; returning false stops Dexie's own handler, which would only log. Reopening stays
   * allowed (Dexie 4 opens a database whose version is above the declared one when the stores it knows are
   * there), so old code keeps answering until it is reloaded.
   */
  private yieldToNewerConnection(event: IDBVersionChangeEvent): false {
    this.close({ disableAutoOpen: false });
    this.outdated = { newVersion: event.newVersion };
    this.connection.onOutdated?.(this.outdated);
    return false;
  }

  /**
   * Our open waits for an older connection that has not closed (one that ignores versionchange). Waiting forever
   * would hang every message the background answers; after `blockedTimeoutMs` the open is cancelled and fails
   * with a DatabaseBlockedError that says what to do. The next query tries again.
   */
  private failWhenBlocked(event: IDBVersionChangeEvent): void {
    const timer = setTimeout(() => {
      if (this.isOpen()) return;
      this.blockedError = new DatabaseBlockedError(
        `database: the upgrade from version ${event.oldVersion / 10} is blocked by another open Paperlight page or tab; close or reload it, then try again`,
      );
      // close() cancels the pending open so its waiters reject; the second call allows reopening on the next query.
      this.close({ disableAutoOpen: true });
      this.close({ disableAutoOpen: false });
    }, this.connection.blockedTimeoutMs ?? 10_000);
    const done = () => clearTimeout(timer);
    this.on('ready', done);
    this.on('close', done);
  }
}

export interface ConnectionOptions {
  /**
   * Called after this connection closed because another one opened a newer schema or deleted the database; an
   * extension page passes `() => location.reload()` so it comes back with the new code.
   */
  onOutdated?: (info: { newVersion: number | null }) => void;
  /**
   * How long an upgrade may wait for an older connection (a page left open from before an update) to close
   * before opening fails with a DatabaseBlockedError instead of waiting forever. @default 10_000
   */
  blockedTimeoutMs?: number;
}

/** An upgrade could not start because an older connection stayed open past `blockedTimeoutMs`. */
export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
}

/** The user tables, in the order a backup or a comparison walks them. */
export const USER_TABLES = ['papers', 'lists', 'memberships', 'tags', 'notes', 'highlights'] as const;

export type CorpusLoadResult =
  | { status: 'unchanged'; version: string; count: number }
  | { status: 'loaded'; version: string; count: number; previousVersion: string | null; ms: number };

/** Rows per bulkAdd: small enough to report progress often, large enough that IndexedDB batches well. */
const CHUNK = 2_000;

/** The installed corpus, or null when none has completed loading. */
export async function installedCorpus(db: PaperlightDB): Promise<{ version: string; count: number } | null> {
  const row = await db.corpusMeta.get('installed');
  return row ? { version: row.version, count: row.count } : null;
}

/**
 * Installs a corpus asset. Atomic: the clear, every chunk and the `meta.corpus` marker share one read-write
 * transaction over the corpus tables only (`corpus`, `corpusMeta`), so a load that is killed or fails midway (service worker stopped,
 * quota, a bad row) leaves the previous corpus exactly as it was, and the user tables are never in scope.
 * The same version again does nothing.
 */
export async function loadCorpus(
  db: PaperlightDB,
  asset: CorpusAsset,
  onProgress?: (done: number, total: number) => void,
): Promise<CorpusLoadResult> {
  const before = await installedCorpus(db);
  if (before?.version === asset.version && before.count === asset.count) {
    return { status: 'unchanged', version: asset.version, count: asset.count };
  }
  const started = Date.now();
  const total = asset.papers.length;
  onProgress?.(0, total); // a load is under way (the background's status waits for this or the end)
  await db.transaction('rw', db.corpus, db.corpusMeta, async () => {
    await db.corpus.clear();
    for (let i = 0; i < total; i += CHUNK) {
      await db.corpus.bulkAdd(asset.papers.slice(i, i + CHUNK));
      onProgress?.(Math.min(i + CHUNK, total), total);
    }
    await db.corpusMeta.put({ key: 'installed', version: asset.version, count: total, loadedAt: Date.now(), loadMs: Date.now() - started });
  });
  return {
    status: 'loaded',
    version: asset.version,
    count: total,
    previousVersion: before?.version ?? null,
    ms: Date.now() - started,
  };
}

/** Bumps and returns the user-data revision (inside the caller's transaction when there is one). */
export async function bumpUserRevision(db: PaperlightDB): Promise<number> {
  const row = (await db.meta.get('userRevision')) as { revision: number } | undefined;
  const revision = (row?.revision ?? 0) + 1;
  await db.meta.put({ key: 'userRevision', revision });
  return revision;
}

export async function userRevision(db: PaperlightDB): Promise<number> {
  const row = (await db.meta.get('userRevision')) as { revision: number } | undefined;
  return row?.revision ?? 0;
}

/**
 * Makes sure the bundled corpus is the installed one. Cheap when it is (one meta read, no fetch), which is why it
 * runs on every service-worker start: a load interrupted by the worker being stopped is redone on the next start.
 */
export async function ensureCorpus(
  db: PaperlightDB,
  bundledVersion: string,
  fetchAsset: () => Promise<CorpusAsset>,
  onProgress?: (done: number, total: number) => void,
): Promise<CorpusLoadResult> {
  const installed = await installedCorpus(db);
  if (installed?.version === bundledVersion) return { status: 'unchanged', ...installed };
  const asset = await fetchAsset();
  if (asset.version !== bundledVersion) {
    throw new Error(`corpus: the bundled asset is version ${asset.version}, the build expected ${bundledVersion}; rebuild the extension`);
  }
  return loadCorpus(db, asset, onProgress);
}
