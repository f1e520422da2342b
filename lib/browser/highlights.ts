/**
 * Highlight writes and reads (issue #8), on top of library.ts's `write()`: each is one transaction that bumps the
 * user revision, so the search index (which reads highlights as notes) follows. Saving a highlight saves its paper
 * first when it is not saved yet, in the same transaction.
 */
import { arxivIdFromUrl } from '../identity/arxiv-id';
import { inReadingOrder, newHighlightId, type Highlight } from '../library/highlights';
import type { CorpusPaper } from '../corpus/types';
import { paperKeyFor, READING_LIST_ID, type Note, type SavedPaper } from '../library/types';
import type { HighlightSelector } from '../annotate/anchor';
import type { PaperlightDB } from './db';
import { ensureReadingList, upsertPaper, write, type PaperInput, type WriteResult } from './library';

export interface NewHighlight {
  paper: PaperInput;
  selector: HighlightSelector;
  comment?: string;
  /** The page it was made on; any fragment is dropped. */
  url: string;
}

/** Saves the paper (to the Reading list) when it is not saved yet; inside the caller's write. */
async function ensurePaper(db: PaperlightDB, input: PaperInput, corpus: CorpusPaper | undefined): Promise<SavedPaper> {
  // The key savePaper would give it (a corpus paper is kept under its corpus id whatever title the page wrote).
  const existing = await db.papers.get(paperKeyFor(corpus ? { ...input, title: corpus.title } : input));
  if (existing) return existing;
  await ensureReadingList(db);
  const paper = await upsertPaper(db, input, corpus);
  await db.memberships.put({ listId: READING_LIST_ID, paperId: paper.id, addedAt: Date.now() });
  return paper;
}

const cleanComment = (comment: string | undefined) => (comment && comment.trim() ? comment.trim() : undefined);

export async function addHighlight(db: PaperlightDB, given: NewHighlight): Promise<WriteResult & { highlight: Highlight; paper: SavedPaper }> {
  if (!given.selector.quote.exact.trim()) throw new Error('library: a highlight needs some text');
  // Read outside the write, as savePaper does: the corpus table may be busy with a load.
  const corpus = given.paper.corpusId ? await db.corpus.get(given.paper.corpusId) : undefined;
  let highlight!: Highlight;
  let paper!: SavedPaper;
  const result = await write(db, async () => {
    paper = await ensurePaper(db, given.paper, corpus);
    const t = Date.now();
    const url = new URL(given.url);
    url.hash = '';
    highlight = { id: newHighlightId(t), paperId: paper.id, selector: given.selector, url: url.href, createdAt: t, updatedAt: t };
    const comment = cleanComment(given.comment);
    if (comment) highlight.comment = comment;
    await db.highlights.add(highlight);
    return [paper.id];
  });
  return { ...result, highlight, paper };
}

/** Sets or clears (empty text) a highlight's comment. */
export async function setHighlightComment(db: PaperlightDB, id: string, comment: string): Promise<WriteResult & { highlight: Highlight }> {
  let highlight!: Highlight;
  const result = await write(db, async () => {
    const existing = await db.highlights.get(id);
    if (!existing) throw new Error(`library: there is no highlight "${id}"`);
    highlight = { ...existing, updatedAt: Date.now() };
    const clean = cleanComment(comment);
    if (clean) highlight.comment = clean;
    else delete highlight.comment;
    await db.highlights.put(highlight);
    return [existing.paperId];
  });
  return { ...result, highlight };
}

export async function deleteHighlight(db: PaperlightDB, id: string): Promise<WriteResult> {
  return write(db, async () => {
    const existing = await db.highlights.get(id);
    if (!existing) return [];
    await db.highlights.delete(id);
    return [existing.paperId];
  });
}

/**
 * Puts back a highlight the reader just deleted (the library page's Undo), as it was: same id, so links to it
 * (`#paperlight-highlight=<id>`, in Markdown exports and open tabs) still find it, and same place and times. Refused
 * when its paper has left the library meanwhile: a highlight without its paper would be listed nowhere.
 */
export async function restoreHighlight(db: PaperlightDB, deleted: Highlight): Promise<WriteResult & { highlight: Highlight }> {
  const highlight: Highlight = { ...deleted };
  const comment = cleanComment(deleted.comment);
  if (comment) highlight.comment = comment;
  else delete highlight.comment;
  const result = await write(db, async () => {
    if (!(await db.papers.get(highlight.paperId))) {
      throw new Error('library: the highlight was not restored: its paper is no longer in the library');
    }
    await db.highlights.put(highlight);
    return [highlight.paperId];
  });
  return { ...result, highlight };
}

/** A paper's highlights in reading order. */
export async function highlightsOf(db: PaperlightDB, paperId: string): Promise<Highlight[]> {
  return inReadingOrder(await db.highlights.where('paperId').equals(paperId).toArray());
}

/**
 * A page's own paper's highlights, for its content script, in one read transaction (this runs on every visit to
 * a saved paper): none when the paper is not saved, refused when it is not the page's paper.
 */
export async function pageHighlights(db: PaperlightDB, paperId: string, senderUrl: string | undefined): Promise<Highlight[]> {
  return db.transaction('r', [db.papers, db.highlights], async () => {
    const paper = await db.papers.get(paperId);
    if (!paper) return [];
    const own = pageArxivId(senderUrl);
    if (!own || paper.arxivId !== own) throw new Error('background: a page may only read and change the highlights of its own paper');
    return inReadingOrder(await db.highlights.where('paperId').equals(paperId).toArray());
  });
}

/**
 * "Quote to note": appends Markdown to the paper's latest note (the one the panel edits), or starts a note;
 * saves the paper first when needed.
 */
export async function appendToNote(db: PaperlightDB, input: PaperInput, markdown: string): Promise<WriteResult & { note: Note; paper: SavedPaper }> {
  const corpus = input.corpusId ? await db.corpus.get(input.corpusId) : undefined;
  let note!: Note;
  let paper!: SavedPaper;
  const result = await write(db, async () => {
    paper = await ensurePaper(db, input, corpus);
    const notes = await db.notes.where('paperId').equals(paper.id).toArray();
    const latest = notes.sort((a, b) => a.createdAt - b.createdAt)[notes.length - 1];
    const t = Date.now();
    note = latest
      ? { ...latest, text: latest.text.trim() ? `${latest.text.replace(/\s+$/, '')}\n\n${markdown}` : markdown, updatedAt: t }
      : { id: `note-${t.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, paperId: paper.id, text: markdown, createdAt: t, updatedAt: t };
    await db.notes.put(note);
    return [paper.id];
  });
  return { ...result, note, paper };
}

/**
 * The arXiv id of the page a content script runs on, or null: what a content script may annotate. A page may only
 * read and write the highlights of its own paper (a script on one arXiv page must not read another paper's
 * comments).
 */
export function pageArxivId(senderUrl: string | undefined): string | null {
  if (!senderUrl) return null;
  return arxivIdFromUrl(senderUrl)?.id ?? null;
}

/** Throws unless the saved paper `paperId` is the paper of the content script's page. */
export async function assertOwnPaper(db: PaperlightDB, paperId: string, senderUrl: string | undefined): Promise<void> {
  const own = pageArxivId(senderUrl);
  const paper = await db.papers.get(paperId);
  if (!own || !paper || paper.arxivId !== own) {
    throw new Error('background: a page may only read and change the highlights of its own paper');
  }
}
