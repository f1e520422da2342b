/**
 * The user's library on top of the Dexie module: every write the background makes on the user's behalf. Each
 * write is one transaction that also bumps the user-data revision (the search index follows it), and returns the
 * ids of the papers whose searchable state changed.
 */
import type { CorpusPaper } from '../corpus/types';
import { normalizeTag, paperKeyFor, READING_LIST_ID, type Note, type PaperList, type ReadingStatus, type SavedPaper } from '../library/types';
import type { SearchDoc } from '../search/types';
import type { LibrarySnapshot } from '../formats/snapshot';
import { corpusMark, noMark, pageMarks, type PageContext } from '../library/page-context';
import { highlightSearchText } from '../library/highlights';
import { bumpUserRevision, userRevision, type IdentityRow, type PaperlightDB } from './db';
import { storageFailure } from './storage-error';

/**
 * What the page or the popup knows about a paper it wants saved. `corpusId`, when given, becomes the saved
 * paper's id (see paperKeyFor).
 */
export type PaperInput = Pick<SavedPaper, 'corpusId' | 'arxivId' | 'arxivVersion' | 'title' | 'authors' | 'abstract' | 'url' | 'year' | 'primaryClass'>;

export interface WriteResult {
  revision: number;
  /** Papers whose searchable state (saved, status, tags, notes, lists) changed. */
  changed: string[];
}

const now = () => Date.now();
const userTables = (db: PaperlightDB) => [db.papers, db.lists, db.memberships, db.tags, db.notes, db.highlights, db.meta];

export async function write(db: PaperlightDB, body: () => Promise<string[]>): Promise<WriteResult> {
  return db
    .transaction('rw', userTables(db), async () => {
      const changed = await body();
      const revision = await bumpUserRevision(db);
      return { revision, changed: [...new Set(changed)] };
    })
    .catch((error: unknown) => {
      // The transaction has rolled back (revision included); say what happened in words the UI can show.
      throw storageFailure(error, db.blockedError);
    });
}

/** Makes sure the default Reading list exists (first run, or after an import of a backup without it). */
export async function ensureReadingList(db: PaperlightDB): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    if (!(await db.lists.get(READING_LIST_ID))) {
      await db.lists.add({ id: READING_LIST_ID, name: 'Reading list', createdAt: now(), updatedAt: now() });
    }
  });
}

export async function upsertPaper(db: PaperlightDB, given: PaperInput, corpus: CorpusPaper | undefined): Promise<SavedPaper> {
  // A corpus paper is saved with the corpus's own title and abstract (a page may write the title in TeX).
  const input: PaperInput = corpus
    ? { ...given, title: corpus.title, abstract: given.abstract ?? corpus.abstract, ...(corpus.published?.year && !given.year ? { year: corpus.published.year } : {}) }
    : given;
  const id = paperKeyFor(input);
  const existing = await db.papers.get(id);
  const t = now();
  const paper: SavedPaper = existing
    ? { ...existing, updatedAt: t }
    : { id, title: input.title, tags: [], addedAt: t, updatedAt: t };
  // Fill what we did not know; never overwrite what the user or an earlier save recorded.
  for (const key of ['corpusId', 'arxivId', 'arxivVersion', 'authors', 'abstract', 'url', 'year', 'primaryClass'] as const) {
    if (paper[key] === undefined && input[key] !== undefined) (paper as unknown as Record<string, unknown>)[key] = input[key];
  }
  if (input.arxivVersion !== undefined && (paper.arxivVersion ?? 0) < input.arxivVersion) paper.arxivVersion = input.arxivVersion;
  await db.papers.put(paper);
  return paper;
}

/** Saves a paper (to the Reading list unless another list is named). Saving again adds nothing. */
export async function savePaper(db: PaperlightDB, input: PaperInput, listId = READING_LIST_ID): Promise<WriteResult & { paper: SavedPaper }> {
  if (!input.title.trim()) throw new Error('library: a paper needs a title to be saved');
  let paper!: SavedPaper;
  // Read outside the write: the corpus table may be busy with a load, and user writes must not wait for it.
  const corpus = input.corpusId ? await db.corpus.get(input.corpusId) : undefined;
  const result = await write(db, async () => {
    if (listId === READING_LIST_ID) await ensureReadingList(db);
    else if (!(await db.lists.get(listId))) throw new Error(`library: there is no list "${listId}"`);
    paper = await upsertPaper(db, input, corpus);
    if (!(await db.memberships.get([listId, paper.id]))) {
      await db.memberships.add({ listId, paperId: paper.id, addedAt: now() });
    }
    return [paper.id];
  });
  return { ...result, paper };
}

async function requirePaper(db: PaperlightDB, id: string): Promise<SavedPaper> {
  const paper = await db.papers.get(id);
  if (!paper) throw new Error(`library: paper "${id}" is not saved`);
  return paper;
}

/** Sets (or clears, with null) the reading status of saved papers, recording when. */
export async function setStatus(db: PaperlightDB, ids: string[], status: ReadingStatus | null): Promise<WriteResult> {
  return write(db, async () => {
    for (const id of ids) {
      const paper = await requirePaper(db, id);
      const t = now();
      const next: SavedPaper = { ...paper, updatedAt: t };
      if (status) {
        next.status = status;
        next.statusAt = { ...paper.statusAt, [status]: t };
      } else delete next.status;
      await db.papers.put(next);
    }
    return ids;
  });
}

/** Adds tags (normalised; empty ones dropped) to saved papers, and to the tag table for autocompletion. */
export async function addTags(db: PaperlightDB, ids: string[], rawTags: string[]): Promise<WriteResult> {
  const tags = [...new Set(rawTags.map(normalizeTag).filter(Boolean))];
  return write(db, async () => {
    for (const name of tags) if (!(await db.tags.get(name))) await db.tags.add({ name, createdAt: now() });
    for (const id of ids) {
      const paper = await requirePaper(db, id);
      const merged = [...new Set([...paper.tags, ...tags])];
      if (merged.length !== paper.tags.length) await db.papers.put({ ...paper, tags: merged, updatedAt: now() });
    }
    return ids;
  });
}

export async function removeTags(db: PaperlightDB, ids: string[], rawTags: string[]): Promise<WriteResult> {
  const drop = new Set(rawTags.map(normalizeTag));
  return write(db, async () => {
    for (const id of ids) {
      const paper = await requirePaper(db, id);
      await db.papers.put({ ...paper, tags: paper.tags.filter((t) => !drop.has(t)), updatedAt: now() });
    }
    return ids;
  });
}

/** Tag names for autocompletion: those starting with the prefix first, then those containing it. */
export async function suggestTags(db: PaperlightDB, prefix: string, limit = 8): Promise<string[]> {
  const p = normalizeTag(prefix);
  const all = (await db.tags.toCollection().primaryKeys()) as string[];
  const starts = all.filter((t) => t.startsWith(p));
  const contains = all.filter((t) => !t.startsWith(p) && t.includes(p));
  return [...starts, ...contains].slice(0, limit);
}

export async function createList(db: PaperlightDB, name: string): Promise<WriteResult & { list: PaperList }> {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new Error('library: a list needs a name');
  const list: PaperList = { id: `list-${now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, name: clean, createdAt: now(), updatedAt: now() };
  const result = await write(db, async () => {
    if ((await db.lists.where('name').equals(clean).count()) > 0) throw new Error(`library: a list named "${clean}" exists already`);
    await db.lists.add(list);
    return [];
  });
  return { ...result, list };
}

export async function renameList(db: PaperlightDB, id: string, name: string): Promise<WriteResult> {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new Error('library: a list needs a name');
  return write(db, async () => {
    const list = await db.lists.get(id);
    if (!list) throw new Error(`library: there is no list "${id}"`);
    await db.lists.put({ ...list, name: clean, updatedAt: now() });
    return (await db.memberships.where('listId').equals(id).toArray()).map((m) => m.paperId);
  });
}

/** What deleting a list removed, so the UI can undo it exactly. */
export interface DeletedList {
  list: PaperList;
  memberships: { listId: string; paperId: string; addedAt: number }[];
}

export async function deleteList(db: PaperlightDB, id: string): Promise<WriteResult & { deleted: DeletedList }> {
  if (id === READING_LIST_ID) throw new Error('library: the Reading list cannot be deleted');
  let deleted!: DeletedList;
  const result = await write(db, async () => {
    const list = await db.lists.get(id);
    if (!list) throw new Error(`library: there is no list "${id}"`);
    const memberships = await db.memberships.where('listId').equals(id).toArray();
    await db.memberships.where('listId').equals(id).delete();
    await db.lists.delete(id);
    deleted = { list, memberships };
    return memberships.map((m) => m.paperId);
  });
  return { ...result, deleted };
}

export async function restoreList(db: PaperlightDB, deleted: DeletedList): Promise<WriteResult> {
  return write(db, async () => {
    await db.lists.put(deleted.list);
    await db.memberships.bulkPut(deleted.memberships);
    return deleted.memberships.map((m) => m.paperId);
  });
}

export async function addToList(db: PaperlightDB, ids: string[], listId: string): Promise<WriteResult> {
  return write(db, async () => {
    if (!(await db.lists.get(listId))) throw new Error(`library: there is no list "${listId}"`);
    for (const id of ids) {
      await requirePaper(db, id);
      if (!(await db.memberships.get([listId, id]))) await db.memberships.add({ listId, paperId: id, addedAt: now() });
    }
    return ids;
  });
}

export async function removeFromList(db: PaperlightDB, ids: string[], listId: string): Promise<WriteResult> {
  return write(db, async () => {
    for (const id of ids) await db.memberships.delete([listId, id]);
    return ids;
  });
}

/** Removes papers from the library altogether: their lists, status, tags, notes and highlights. */
export async function removePapers(db: PaperlightDB, ids: string[]): Promise<WriteResult> {
  return write(db, async () => {
    await db.papers.bulkDelete(ids);
    await db.memberships.where('paperId').anyOf(ids).delete();
    await db.notes.where('paperId').anyOf(ids).delete();
    await db.highlights.where('paperId').anyOf(ids).delete();
    return ids;
  });
}

/** Creates or updates a note. An empty text deletes an existing note. */
export async function putNote(db: PaperlightDB, paperId: string, text: string, noteId?: string): Promise<WriteResult & { note: Note | null }> {
  let note: Note | null = null;
  const result = await write(db, async () => {
    await requirePaper(db, paperId);
    const existing = noteId ? await db.notes.get(noteId) : undefined;
    if (noteId && existing && existing.paperId !== paperId) throw new Error(`library: note "${noteId}" belongs to another paper`);
    if (!text.trim()) {
      if (existing) await db.notes.delete(existing.id);
      return [paperId];
    }
    const t = now();
    note = existing
      ? { ...existing, text, updatedAt: t }
      : { id: noteId ?? `note-${t.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, paperId, text, createdAt: t, updatedAt: t };
    await db.notes.put(note);
    return [paperId];
  });
  return { ...result, note };
}

/**
 * The searchable documents for some papers (or all): the corpus paper and the user's saved state merged under
 * one key, so a saved corpus paper is one hit that carries its status, tags, lists and notes.
 */
export async function searchDocs(db: PaperlightDB, ids?: string[]): Promise<SearchDoc[]> {
  return db.transaction('r', [db.corpus, db.papers, db.memberships, db.lists, db.notes, db.highlights], async () => {
    const corpus = ids ? ((await db.corpus.bulkGet(ids)).filter(Boolean) as CorpusPaper[]) : await db.corpus.toArray();
    const saved = ids ? ((await db.papers.bulkGet(ids)).filter(Boolean) as SavedPaper[]) : await db.papers.toArray();
    const lists = new Map((await db.lists.toArray()).map((l) => [l.id, l.name]));
    const memberships = ids ? await db.memberships.where('paperId').anyOf(ids).toArray() : await db.memberships.toArray();
    const notes = ids ? await db.notes.where('paperId').anyOf(ids).toArray() : await db.notes.toArray();
    const highlights = ids ? await db.highlights.where('paperId').anyOf(ids).toArray() : await db.highlights.toArray();

    const docs = new Map<string, SearchDoc>();
    for (const p of corpus) {
      const doc: SearchDoc = { id: p.id, title: p.title, abstract: p.abstract, inCorpus: true };
      if (p.authors) doc.authors = p.authors;
      if (p.published?.year) doc.year = p.published.year;
      docs.set(p.id, doc);
    }
    for (const s of saved) {
      const base = docs.get(s.id) ?? { id: s.id, title: s.title, abstract: s.abstract ?? '' };
      const doc: SearchDoc = { ...base, saved: true, addedAt: s.addedAt, tags: s.tags };
      if (s.authors && !doc.authors) doc.authors = s.authors;
      if (s.year && !doc.year) doc.year = s.year;
      if (s.status) doc.status = s.status;
      docs.set(s.id, doc);
    }
    for (const m of memberships) {
      const doc = docs.get(m.paperId);
      if (!doc) continue;
      doc.lists = [...(doc.lists ?? []), m.listId, lists.get(m.listId) ?? m.listId];
    }
    for (const n of notes) {
      const doc = docs.get(n.paperId);
      if (doc) doc.notes = doc.notes ? `${doc.notes}\n${n.text}` : n.text;
    }
    // Highlighted text and comments are the reader's words about the paper too: searched as notes.
    for (const h of highlights) {
      const doc = docs.get(h.paperId);
      const text = highlightSearchText([h]);
      if (doc) doc.notes = doc.notes ? `${doc.notes}\n${text}` : text;
    }
    return [...docs.values()];
  });
}

/** Every list with its paper count and status breakdown; the Reading list first, then by name. */
export async function listSummaries(db: PaperlightDB): Promise<{ list: PaperList; count: number; byStatus: Record<ReadingStatus | 'none', number> }[]> {
  await ensureReadingList(db);
  return db.transaction('r', [db.lists, db.memberships, db.papers], async () => {
    const lists = await db.lists.toArray();
    const memberships = await db.memberships.toArray();
    const status = new Map((await db.papers.toArray()).map((p) => [p.id, p.status ?? ('none' as const)]));
    return lists
      .sort((a, b) => Number(b.id === READING_LIST_ID) - Number(a.id === READING_LIST_ID) || a.name.localeCompare(b.name))
      .map((list) => {
        const byStatus = { 'to-read': 0, reading: 0, read: 0, none: 0 };
        let count = 0;
        for (const m of memberships) {
          if (m.listId !== list.id) continue;
          count++;
          byStatus[status.get(m.paperId) ?? 'none']++;
        }
        return { list, count, byStatus };
      });
  });
}

/** What a list view shows of a paper: no abstract, no authors (a 5,000-paper list must cross a message fast). */
export type PaperSummary = Pick<SavedPaper, 'id' | 'title' | 'status' | 'tags' | 'year' | 'arxivId' | 'url'>;

export function summarize(p: SavedPaper): PaperSummary {
  const s: PaperSummary = { id: p.id, title: p.title, tags: p.tags };
  if (p.status) s.status = p.status;
  if (p.year) s.year = p.year;
  if (p.arxivId) s.arxivId = p.arxivId;
  if (p.url) s.url = p.url;
  return s;
}

/** A list's papers with when each was added, newest first. */
export async function listPapers(db: PaperlightDB, listId: string): Promise<{ paper: PaperSummary; addedAt: number }[]> {
  return db.transaction('r', [db.memberships, db.papers], async () => {
    const memberships = await db.memberships.where('listId').equals(listId).toArray();
    const papers = await db.papers.bulkGet(memberships.map((m) => m.paperId));
    const rows: { paper: PaperSummary; addedAt: number }[] = [];
    memberships.forEach((m, i) => {
      const paper = papers[i];
      if (paper) rows.push({ paper: summarize(paper), addedAt: m.addedAt });
    });
    return rows.sort((a, b) => b.addedAt - a.addedAt);
  });
}

/** Everything known about one paper: its corpus record, the user's saved state, notes and lists. */
export async function paperDetails(db: PaperlightDB, id: string) {
  return db.transaction('r', [db.corpus, db.papers, db.notes, db.memberships], async () => {
    const [corpus, saved] = await Promise.all([db.corpus.get(id), db.papers.get(id)]);
    if (!corpus && !saved) return null;
    const notes = (await db.notes.where('paperId').equals(id).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    const listIds = (await db.memberships.where('paperId').equals(id).toArray()).map((m) => m.listId);
    return { id, corpus, saved, notes, listIds };
  });
}

/** One entry of a page, as the content script read it. */
export interface PageRef {
  /** arXiv id without version, when the page gave one. */
  id: string | null;
  title: string;
}

/** What a page entry should show. */
export interface PageMark {
  /** The library key of the paper, or null when it is neither in the corpus nor saved. */
  paperId: string | null;
  inCorpus: boolean;
  saved: boolean;
  status?: ReadingStatus;
  tags: string[];
  /** Names of the lists holding it. */
  lists: string[];
  noteCount: number;
}

/**
 * What page lookups keep in memory, so that marking a 1,000-entry listing reads IndexedDB only for the papers the
 * reader actually saved: which arXiv ids are saved (and under which key), every saved key, and the ids remembered
 * from earlier pages. Keys only, never whole rows. The background drops it after every library write.
 */
export interface LookupIndex {
  savedByArxiv: Map<string, string>;
  savedKeys: Set<string>;
  /** arXiv id → corpus paper, as seen on pages. */
  remembered: Map<string, string>;
  /** The other way round: a corpus paper's arXiv id, so "open" can go to its abstract page. */
  arxivOf: Map<string, string>;
}

export async function loadLookupIndex(db: PaperlightDB): Promise<LookupIndex> {
  return db.transaction('r', [db.papers, db.identities], async () => {
    const byArxiv = db.papers.orderBy('arxivId');
    const [arxivIds, keysByArxiv, savedKeys, identities] = await Promise.all([
      byArxiv.keys(),
      byArxiv.primaryKeys(),
      db.papers.toCollection().primaryKeys(),
      db.identities.toArray(),
    ]);
    return {
      savedByArxiv: new Map(arxivIds.map((id, i) => [String(id), String(keysByArxiv[i])])),
      savedKeys: new Set(savedKeys.map(String)),
      remembered: new Map(identities.map((r) => [r.arxivId, r.paperId])),
      arxivOf: new Map(identities.map((r) => [r.paperId, r.arxivId])),
    };
  });
}

/**
 * Marks for every entry of a page: a saved paper is found by its arXiv id; a corpus paper by an id remembered
 * from an earlier page, else by title (`matchTitle`, the guarded matcher from lib/identity). A title match on an
 * entry that has an id remembers that id for next time.
 */
export async function lookupPapers(
  db: PaperlightDB,
  index: LookupIndex,
  refs: PageRef[],
  matchTitle: (title: string) => string | null,
): Promise<PageMark[]> {
  const learned: IdentityRow[] = [];
  const resolved = refs.map((ref) => {
    const saved = ref.id ? index.savedByArxiv.get(ref.id) : undefined;
    if (saved) return { paperId: saved, corpusId: index.remembered.get(ref.id!) ?? null };
    let corpusId = ref.id ? (index.remembered.get(ref.id) ?? null) : null;
    if (!corpusId && ref.title) {
      corpusId = matchTitle(ref.title);
      if (corpusId && ref.id) {
        learned.push({ arxivId: ref.id, paperId: corpusId, seenAt: Date.now() });
        index.remembered.set(ref.id, corpusId);
        index.arxivOf.set(corpusId, ref.id);
      }
    }
    return { paperId: corpusId ?? (ref.id ? `arxiv:${ref.id}` : null), corpusId };
  });
  if (learned.length) await db.identities.bulkPut(learned);

  // Only the saved papers among the entries need their state read; their marks are built as the page context's are.
  const keys = [...new Set(resolved.map((r) => r.paperId).filter((k): k is string => !!k && index.savedKeys.has(k)))];
  let byPaper: PageContext['byPaper'] = {};
  if (keys.length) {
    const [saved, memberships, lists, notes] = await Promise.all([
      db.papers.bulkGet(keys),
      db.memberships.where('paperId').anyOf(keys).toArray(),
      db.lists.toArray(),
      db.notes.where('paperId').anyOf(keys).toArray(),
    ]);
    const papers = saved.filter((p): p is SavedPaper => !!p);
    ({ byPaper } = pageMarks({ papers, memberships, lists, notePaperIds: notes.map((n) => n.paperId), remembered: new Map() }));
  }
  return resolved.map(({ paperId, corpusId }) => {
    const saved = paperId ? byPaper[paperId] : undefined;
    if (saved) return corpusId && !saved.inCorpus ? { ...saved, inCorpus: true } : saved;
    return paperId && corpusId ? corpusMark(paperId) : noMark();
  });
}

/**
 * The saved library's marks for a content script to resolve a page by itself (see lib/library/page-context.ts).
 * One read of the user tables (notes by key only); the background keeps the result until the next write.
 */
export async function loadPageMarks(db: PaperlightDB, index: LookupIndex): Promise<Pick<PageContext, 'byArxiv' | 'byPaper'>> {
  const [papers, memberships, lists, notePaperIds] = await db.transaction('r', [db.papers, db.memberships, db.lists, db.notes], () =>
    Promise.all([db.papers.toArray(), db.memberships.toArray(), db.lists.toArray(), db.notes.orderBy('paperId').keys()]),
  );
  return pageMarks({ papers, memberships, lists, notePaperIds: notePaperIds.map(String), remembered: index.remembered });
}

/** Every user table, as the formats read it. */
export async function readSnapshot(db: PaperlightDB): Promise<LibrarySnapshot> {
  return db.transaction('r', [db.papers, db.lists, db.memberships, db.tags, db.notes, db.highlights, db.meta], async () => {
    const snapshot: LibrarySnapshot = {
      papers: await db.papers.toArray(),
      lists: await db.lists.toArray(),
      memberships: await db.memberships.toArray(),
      tags: await db.tags.toArray(),
      notes: await db.notes.toArray(),
      highlights: await db.highlights.toArray(),
    };
    const interests = await db.meta.get('interests');
    if (interests?.key === 'interests') snapshot.interests = interests.interests;
    return snapshot;
  });
}

/** The whole library and the revision it is at, for a page that plans an import or builds an export. */
export async function snapshotAtRevision(db: PaperlightDB): Promise<{ snapshot: LibrarySnapshot; revision: number }> {
  return db.transaction('r', [db.papers, db.lists, db.memberships, db.tags, db.notes, db.highlights, db.meta], async () => ({
    snapshot: await readSnapshot(db),
    revision: await userRevision(db),
  }));
}

/**
 * Writes an import plan's records (new ones and merged versions; never a deletion) in one transaction, if the
 * library is still at the revision the plan was made against. Otherwise nothing is written: the plan may be
 * stale, and the page plans again.
 */
export async function applyImportChanges(db: PaperlightDB, changes: LibrarySnapshot, baseRevision: number): Promise<WriteResult> {
  return write(db, async () => {
    const now = await userRevision(db);
    if (now !== baseRevision) throw new Error('library: the library changed since this import was previewed; preview it again');
    await db.papers.bulkPut(changes.papers);
    await db.lists.bulkPut(changes.lists);
    await db.memberships.bulkPut(changes.memberships);
    await db.tags.bulkPut(changes.tags);
    await db.notes.bulkPut(changes.notes);
    if (changes.highlights) await db.highlights.bulkPut(changes.highlights);
    if (changes.interests) await db.meta.put({ key: 'interests', interests: changes.interests });
    return [
      ...changes.papers.map((p) => p.id),
      ...changes.notes.map((n) => n.paperId),
      ...changes.memberships.map((m) => m.paperId),
      ...(changes.highlights ?? []).map((h) => h.paperId),
    ];
  });
}
