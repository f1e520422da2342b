/**
 * Merging an imported snapshot into the library without losing either side.
 *
 * - Papers are the same work when their arXiv ids agree, else their DOIs, else their normalised titles (ids are
 *   tried first: a backup restored twice matches itself). Conflicting identifiers (two different arXiv ids) keep
 *   two papers apart even when the titles match.
 * - `newer-wins` (backups): per field, the record with the newer `updatedAt` wins and the other fills its gaps;
 *   tags are unioned, `statusAt` keeps the latest time per status, `addedAt` the earliest.
 * - `keep-existing` (BibTeX, RIS, CSL-JSON): a citation file has no edit times, so the library's values stand
 *   and the file only fills gaps and adds tags and notes.
 * - Notes with the same id: the newer version keeps the id; if the texts differ the older one is kept beside it as a
 *   separate note (a conflict copy, as sync tools do) rather than silently dropped. A note whose text the paper
 *   already has is not added again. Lists merge by id, then by name; memberships and tags are unioned.
 *
 * The result is a changeset: only new records and the merged versions of changed ones, never a deletion, so the
 * background can write it with `bulkPut` in one transaction, and `applyImport` gives the merged snapshot.
 */
import { dedupeKey } from '../corpus/key';
import type { ListMembership, Note, PaperList, Tag } from '../library/types';
import { contentHash } from './citation-record';
import type { FormatPaper, LibrarySnapshot } from './snapshot';
import type { Highlight } from '../library/highlights';
import { mergeInterests, normalizeInterests, sameInterests } from '../triage/interests';

export type MergePolicy = 'newer-wins' | 'keep-existing';

export interface MergeOptions {
  policy: MergePolicy;
  /**
   * Also merge duplicates inside the input (a .bib that lists a paper twice). Off for backups, whose records are
   * distinct by id even when two share a title.
   */
  dedupeInput: boolean;
  /** Stamp for records the merge creates or changes. */
  now: number;
}

export interface MergeCounts {
  /** Input papers that were not in the library. */
  newPapers: number;
  /** Input papers that matched a library paper (merged into it). */
  presentPapers: number;
  /** Input papers that matched an earlier paper of the same input. */
  duplicatesInInput: number;
  newNotes: number;
}

export interface MergeResult {
  apply: LibrarySnapshot;
  counts: MergeCounts;
}

const membershipKey = (m: Pick<ListMembership, 'listId' | 'paperId'>) => `${m.listId}\u0000${m.paperId}`;
const listNameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const noteTextKey = (text: string) => text.replace(/\s+/g, ' ').trim();
const arxivKey = (p: FormatPaper) => p.arxivId?.toLowerCase();
const doiKey = (p: FormatPaper) => p.doi?.toLowerCase();
const isArxivDoi = (doi: string) => doi.startsWith('10.48550/');

/** JSON with sorted keys and no undefined: two records are equal when this is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function definedFields<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sameWork(a: FormatPaper, b: FormatPaper): boolean {
  if (a.arxivId && b.arxivId) return arxivKey(a) === arxivKey(b);
  const da = doiKey(a);
  const db = doiKey(b);
  if (da && db) {
    if (da === db) return true;
    // A journal DOI and an arXiv DOI can name one work in two versions; two journal DOIs cannot.
    if (!isArxivDoi(da) && !isArxivDoi(db)) return false;
  }
  const title = dedupeKey(a.title);
  return title.length > 0 && title === dedupeKey(b.title);
}

/** Finds the library (or earlier input) paper an incoming paper is the same work as. */
class PaperIndex {
  readonly byId = new Map<string, FormatPaper>();
  private readonly byArxiv = new Map<string, string>();
  private readonly byDoi = new Map<string, string>();
  private readonly byTitle = new Map<string, string>();

  /** Adds or replaces a paper; `identities` also makes it findable by arXiv id, DOI and title (first one wins). */
  put(paper: FormatPaper, identities: boolean): void {
    this.byId.set(paper.id, paper);
    if (!identities) return;
    const arxiv = arxivKey(paper);
    const doi = doiKey(paper);
    const title = dedupeKey(paper.title);
    if (arxiv && !this.byArxiv.has(arxiv)) this.byArxiv.set(arxiv, paper.id);
    if (doi && !this.byDoi.has(doi)) this.byDoi.set(doi, paper.id);
    if (title && !this.byTitle.has(title)) this.byTitle.set(title, paper.id);
  }

  find(paper: FormatPaper): FormatPaper | undefined {
    const byId = this.byId.get(paper.id);
    if (byId) return byId;
    const candidates = [
      arxivKey(paper) && this.byArxiv.get(arxivKey(paper)!),
      doiKey(paper) && this.byDoi.get(doiKey(paper)!),
      this.byTitle.get(dedupeKey(paper.title)),
    ];
    for (const id of candidates) {
      const candidate = id ? this.byId.get(id) : undefined;
      if (candidate && sameWork(candidate, paper)) return candidate;
    }
    return undefined;
  }
}

function mergePaper(base: FormatPaper, incoming: FormatPaper, options: MergeOptions): FormatPaper {
  const incomingWins = options.policy === 'newer-wins' && incoming.updatedAt > base.updatedAt;
  // Both sides are complete papers, so the spread of their defined fields is one too.
  const merged = (
    incomingWins
      ? { ...definedFields(base), ...definedFields(incoming), id: base.id }
      : { ...definedFields(incoming), ...definedFields(base), id: base.id }
  ) as FormatPaper;
  const corpusId = base.corpusId ?? incoming.corpusId;
  if (corpusId) merged.corpusId = corpusId;
  merged.tags = [...new Set([...base.tags, ...incoming.tags])];
  if (base.statusAt || incoming.statusAt) {
    const statusAt = { ...base.statusAt };
    for (const [status, at] of Object.entries(incoming.statusAt ?? {}) as [keyof typeof statusAt, number][]) {
      statusAt[status] = Math.max(statusAt[status] ?? at, at);
    }
    merged.statusAt = statusAt;
  }
  merged.addedAt = Math.min(base.addedAt, incoming.addedAt);
  merged.updatedAt = options.policy === 'newer-wins' ? Math.max(base.updatedAt, incoming.updatedAt) : base.updatedAt;
  if (options.policy === 'keep-existing' && canonical(merged) !== canonical(base)) {
    merged.updatedAt = Math.max(base.updatedAt, options.now);
  }
  return merged;
}

export function mergeIntoLibrary(existing: LibrarySnapshot, incoming: LibrarySnapshot, options: MergeOptions): MergeResult {
  const counts: MergeCounts = { newPapers: 0, presentPapers: 0, duplicatesInInput: 0, newNotes: 0 };

  // Papers
  const papers = new PaperIndex();
  for (const paper of existing.papers) papers.put(paper, true);
  const existingPaperIds = new Set(existing.papers.map((p) => p.id));
  const paperUpserts = new Map<string, FormatPaper>();
  const paperIdFor = new Map<string, string>();
  for (const paper of incoming.papers) {
    const target = papers.find(paper);
    if (!target) {
      papers.put(paper, options.dedupeInput);
      paperUpserts.set(paper.id, paper);
      paperIdFor.set(paper.id, paper.id);
      counts.newPapers++;
      continue;
    }
    paperIdFor.set(paper.id, target.id);
    if (existingPaperIds.has(target.id)) counts.presentPapers++;
    else counts.duplicatesInInput++;
    const merged = mergePaper(target, paper, options);
    if (canonical(merged) !== canonical(target)) {
      // Re-index: the merge may have given the paper an identifier (an arXiv id from the file) that a later input
      // record is found by.
      papers.put(merged, existingPaperIds.has(target.id) || options.dedupeInput);
      paperUpserts.set(target.id, merged);
    }
  }

  // Lists
  const lists = new Map(existing.lists.map((l) => [l.id, l]));
  const listByName = new Map(existing.lists.map((l) => [listNameKey(l.name), l.id]));
  const listUpserts = new Map<string, PaperList>();
  const listIdFor = new Map<string, string>();
  for (const list of incoming.lists) {
    const target = lists.get(list.id) ?? lists.get(listByName.get(listNameKey(list.name)) ?? '');
    if (!target) {
      lists.set(list.id, list);
      if (options.dedupeInput) listByName.set(listNameKey(list.name), list.id);
      listUpserts.set(list.id, list);
      listIdFor.set(list.id, list.id);
      continue;
    }
    listIdFor.set(list.id, target.id);
    const newer = list.updatedAt > target.updatedAt ? list : target;
    const merged: PaperList = {
      ...target,
      name: newer.name,
      createdAt: Math.min(target.createdAt, list.createdAt),
      updatedAt: Math.max(target.updatedAt, list.updatedAt),
    };
    if (canonical(merged) !== canonical(target)) {
      lists.set(target.id, merged);
      listUpserts.set(target.id, merged);
    }
  }

  // Memberships: a paper is in a list if either side says so.
  const memberships = new Set(existing.memberships.map(membershipKey));
  const membershipUpserts: ListMembership[] = [];
  for (const m of incoming.memberships) {
    const remapped = { ...m, listId: listIdFor.get(m.listId) ?? m.listId, paperId: paperIdFor.get(m.paperId) ?? m.paperId };
    if (memberships.has(membershipKey(remapped))) continue;
    memberships.add(membershipKey(remapped));
    membershipUpserts.push(remapped);
  }

  // Notes. `textCounts` counts, per paper, the notes holding each text (whitespace-insensitive), to skip a note
  // the paper already has.
  const notes = new Map(existing.notes.map((n) => [n.id, n]));
  const textCounts = new Map<string, Map<string, number>>();
  const countText = (note: Note, delta: number) => {
    const counts = textCounts.get(note.paperId) ?? new Map<string, number>();
    const key = noteTextKey(note.text);
    counts.set(key, (counts.get(key) ?? 0) + delta);
    textCounts.set(note.paperId, counts);
  };
  existing.notes.forEach((n) => countText(n, 1));
  const paperHasText = (note: Note) => (textCounts.get(note.paperId)?.get(noteTextKey(note.text)) ?? 0) > 0;
  const noteUpserts = new Map<string, Note>();
  const putNote = (note: Note) => {
    notes.set(note.id, note);
    noteUpserts.set(note.id, note);
    // Backups may hold two notes with one text on purpose; only citation inputs are deduplicated among themselves.
    if (options.dedupeInput) countText(note, 1);
  };
  for (const raw of incoming.notes) {
    const note: Note = { ...raw, paperId: paperIdFor.get(raw.paperId) ?? raw.paperId };
    const same = notes.get(note.id);
    if (!same) {
      if (!paperHasText(note)) {
        putNote(note);
        counts.newNotes++;
      }
      continue;
    }
    if (same.text === note.text && same.paperId === note.paperId) {
      if (options.policy === 'keep-existing') continue;
      const merged: Note = {
        ...(note.updatedAt > same.updatedAt ? note : same),
        createdAt: Math.min(same.createdAt, note.createdAt),
        updatedAt: Math.max(same.updatedAt, note.updatedAt),
      };
      if (canonical(merged) !== canonical(same)) {
        notes.set(merged.id, merged);
        noteUpserts.set(merged.id, merged);
      }
      continue;
    }
    // The same note edited on two sides: the newer keeps the id, the older survives as its own note.
    const [newer, older] = note.updatedAt > same.updatedAt ? [note, same] : [same, note];
    if (newer === note) {
      countText(same, -1);
      putNote(note);
    }
    const copy: Note = { ...older, id: `${older.id}-${contentHash(older.text).slice(0, 8)}` };
    if (!notes.has(copy.id) && !paperHasText(copy)) {
      putNote(copy);
      counts.newNotes++;
    }
  }

  // Tags: every tag a paper carries has a Tag record.
  const tagNames = new Set(existing.tags.map((t) => t.name));
  const tagUpserts: Tag[] = [];
  const addTag = (tag: Tag) => {
    if (tagNames.has(tag.name)) return;
    tagNames.add(tag.name);
    tagUpserts.push(tag);
  };
  incoming.tags.forEach(addTag);
  for (const paper of paperUpserts.values()) for (const name of paper.tags) addTag({ name, createdAt: options.now });

  // Highlights (issue #8; only backups carry them): new ones are added under the paper they now belong to; one
  // already here is replaced only by a newer edit, unless the policy keeps what exists.
  const existingHighlights = new Map((existing.highlights ?? []).map((h) => [h.id, h]));
  const highlightUpserts: Highlight[] = [];
  for (const raw of incoming.highlights ?? []) {
    const highlight: Highlight = { ...raw, paperId: paperIdFor.get(raw.paperId) ?? raw.paperId };
    const same = existingHighlights.get(highlight.id);
    if (same && (options.policy === 'keep-existing' || same.updatedAt >= highlight.updatedAt)) continue;
    existingHighlights.set(highlight.id, highlight);
    highlightUpserts.push(highlight);
  }

  const apply: LibrarySnapshot = {
    papers: [...paperUpserts.values()],
    lists: [...listUpserts.values()],
    memberships: membershipUpserts,
    tags: tagUpserts,
    notes: [...noteUpserts.values()],
    ...(highlightUpserts.length ? { highlights: highlightUpserts } : {}),
  };
  // Interests (issue #7): the union of both sides' keywords and authors; written only when that changes something.
  if (incoming.interests) {
    const current = normalizeInterests(existing.interests);
    const merged = mergeInterests(current, incoming.interests);
    if (!existing.interests || !sameInterests(current, merged)) apply.interests = merged;
  }
  return { apply, counts };
}

function upsertBy<T>(existing: readonly T[], changes: readonly T[], key: (record: T) => string): T[] {
  const byKey = new Map(existing.map((r) => [key(r), r]));
  for (const record of changes) byKey.set(key(record), record);
  return [...byKey.values()];
}

/** The library after an import: `existing` with `changes` written over it (what the background's bulkPut does). */
export function applyImport(existing: LibrarySnapshot, changes: LibrarySnapshot): LibrarySnapshot {
  return {
    papers: upsertBy(existing.papers, changes.papers, (p) => p.id),
    lists: upsertBy(existing.lists, changes.lists, (l) => l.id),
    memberships: upsertBy(existing.memberships, changes.memberships, membershipKey),
    tags: upsertBy(existing.tags, changes.tags, (t) => t.name),
    notes: upsertBy(existing.notes, changes.notes, (n) => n.id),
    ...(existing.highlights || changes.highlights ? { highlights: upsertBy(existing.highlights ?? [], changes.highlights ?? [], (h) => h.id) } : {}),
    ...(changes.interests ?? existing.interests ? { interests: changes.interests ?? existing.interests } : {}),
  };
}
