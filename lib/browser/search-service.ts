/**
 * Where the search index lives: in the background's memory, answering typed messages, and persisted in IndexedDB
 * keyed by corpus version + user-data revision. A restarted service worker (MV3 stops it after ~30 s idle) loads
 * the persisted index instead of rebuilding it; edits update the live index document by document and persist it
 * shortly after. A persisted index whose keys do not match is stale and rebuilt — that is the whole invalidation
 * rule, so a worker killed before it persisted simply rebuilds once. (The measurements behind this choice are in
 * DESIGN.md.)
 */
import { PaperIndex } from '../search/paper-index';
import type { PaperlightDB } from './db';
import { installedCorpus, userRevision } from './db';
import { searchDocs } from './library';

/** Wait this long after the last edit before writing the index back (edits often come in bursts). */
const PERSIST_DELAY_MS = 400;

export class SearchService {
  private index: Promise<PaperIndex> | undefined;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  /** The user-data revision the live index reflects; what it is persisted under. */
  private revision = 0;
  private corpusVersion = 'none';

  constructor(private readonly db: PaperlightDB) {}

  /** The live index, loading or building it on first use. */
  get(): Promise<PaperIndex> {
    this.index ??= this.open().catch((error: unknown) => {
      this.index = undefined;
      throw error;
    });
    return this.index;
  }

  /** After a corpus load: the persisted index no longer matches; build a new one. */
  invalidate(): void {
    this.index = undefined;
  }

  private async open(): Promise<PaperIndex> {
    const [corpus, revision, row] = await Promise.all([installedCorpus(this.db), userRevision(this.db), this.db.searchIndex.get('current')]);
    const corpusVersion = corpus?.version ?? 'none';
    this.corpusVersion = corpusVersion;
    this.revision = revision;
    if (row && row.corpusVersion === corpusVersion && row.userRevision === revision) {
      try {
        return PaperIndex.fromJSON(row.json);
      } catch (error) {
        console.warn('paperlight: persisted search index unreadable, rebuilding', error);
      }
    }
    const index = PaperIndex.build(await searchDocs(this.db));
    // The persisted copy is only a cache: a full disk (QuotaExceededError) must not take search down with it.
    await this.persist(index).catch((error: unknown) => console.warn('paperlight: could not persist the search index', error));
    return index;
  }

  /**
   * Re-reads the given papers and updates the live index (upsert what exists, discard what is gone); `revision`
   * is the user-data revision the write produced.
   */
  async update(ids: string[], revision: number): Promise<void> {
    if (!this.index) return; // no live index: the next get() builds from the tables anyway
    const index = await this.get();
    const docs = await searchDocs(this.db, ids);
    const present = new Set(docs.map((d) => d.id));
    for (const doc of docs) index.upsert(doc);
    for (const id of ids) if (!present.has(id) && index.has(id)) index.discard(id);
    // Only now does the index reflect this revision (a persist in between keeps the older, true, number).
    this.revision = Math.max(this.revision, revision);
    this.schedulePersist();
  }

  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      void this.get()
        .then((index) => this.persist(index))
        .catch((error: unknown) => console.warn('paperlight: could not persist the search index', error));
    }, PERSIST_DELAY_MS);
  }

  private async persist(index: PaperIndex): Promise<void> {
    await this.db.searchIndex.put({ key: 'current', corpusVersion: this.corpusVersion, userRevision: this.revision, json: index.toJSON() });
  }
}
