/**
 * The unit every exporter takes and every importer produces: the user's whole library (or a slice of it) as
 * plain arrays, with no database in sight. The background reads the Dexie tables into one of these for an export
 * and writes an import plan's records back inside one transaction.
 */
import type { ListMembership, Note, PaperList, SavedPaper, Tag } from '../library/types';
import type { Highlight } from '../library/highlights';
import type { Interests } from '../triage/types';

export interface LibrarySnapshot {
  papers: SavedPaper[];
  lists: PaperList[];
  memberships: ListMembership[];
  tags: Tag[];
  notes: Note[];
  /** Highlights (issue #8); optional so that snapshots and backups made before them still read. */
  highlights?: Highlight[];
  /** What triage watches (issue #7). Absent in citation files and in backups written before interests existed. */
  interests?: Interests;
}

/** A saved paper as the formats read it (BibTeX, RIS and CSL-JSON also carry its `journal`). */
export type FormatPaper = SavedPaper;

export function emptySnapshot(): LibrarySnapshot {
  return { papers: [], lists: [], memberships: [], tags: [], notes: [] };
}

/**
 * The part of a snapshot that belongs to one list: its papers in the order they were added, their notes and tags,
 * the list itself and its memberships. Exporting "my reading list" is `exportX(selectList(snapshot, id))`.
 */
export function selectList(snapshot: LibrarySnapshot, listId: string): LibrarySnapshot {
  const memberships = snapshot.memberships
    .filter((m) => m.listId === listId)
    .sort((a, b) => a.addedAt - b.addedAt || compareStrings(a.paperId, b.paperId));
  const byId = new Map(snapshot.papers.map((p) => [p.id, p]));
  const papers = memberships.flatMap((m) => byId.get(m.paperId) ?? []);
  const paperIds = new Set(papers.map((p) => p.id));
  const tagNames = new Set(papers.flatMap((p) => p.tags));
  return {
    papers,
    lists: snapshot.lists.filter((l) => l.id === listId),
    memberships: memberships.filter((m) => paperIds.has(m.paperId)),
    tags: snapshot.tags.filter((t) => tagNames.has(t.name)),
    notes: snapshot.notes.filter((n) => paperIds.has(n.paperId)),
    ...(snapshot.highlights ? { highlights: snapshot.highlights.filter((h) => paperIds.has(h.paperId)) } : {}),
  };
}

/**
 * Notes grouped by paper, oldest first, so every exporter lists a paper's notes in the same order. The sort is
 * stable: notes created in the same millisecond (an import stamps them all at once) keep their order.
 */
export function notesByPaper(notes: readonly Note[]): Map<string, Note[]> {
  const grouped = new Map<string, Note[]>();
  for (const note of notes) {
    const list = grouped.get(note.paperId);
    if (list) list.push(note);
    else grouped.set(note.paperId, [note]);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return grouped;
}

/** Code-unit order: locale-independent, so exports are byte-identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
