/**
 * The neutral shape between a citation format (BibTeX, RIS, CSL-JSON) and the library: every citation importer
 * turns its input into CitationRecords, and `recordsToSnapshot` turns those into papers, tags and notes with
 * stable ids, so importing the same file twice produces the same records (and the merge adds nothing).
 */
import { hashHex } from '../corpus/key';
import { normalizeTag, paperKeyFor, type Note, type Tag } from '../library/types';
import type { ArxivRef } from './arxiv-id';
import type { FormatPaper, LibrarySnapshot } from './snapshot';

export interface CitationRecord {
  title: string;
  authors: string[];
  year?: number;
  url?: string;
  doi?: string;
  arxiv?: ArxivRef;
  primaryClass?: string;
  abstract?: string;
  journal?: string;
  /** As written; normalised with normalizeTag when the record becomes a paper. */
  keywords: string[];
  notes: string[];
}

/**
 * Several notes on one paper travel in one field (BibTeX `annote`, CSL `annote`) separated by a centred-asterisks
 * paragraph, the typographic section break; exporters join with it and importers split on it.
 */
export const NOTE_SEPARATOR = '\n\n* * *\n\n';

export function splitNotes(text: string): string[] {
  return text
    .split(/\n[ \t]*\n[ \t]*\* \* \*[ \t]*\n[ \t]*\n/)
    .map(cleanMultiline)
    .filter((n) => n.length > 0);
}

export function joinNotes(texts: readonly string[]): string {
  // A note that cleans to nothing (only control characters) would leave the text starting with the separator,
  // which splitNotes cannot see there: the next note came back as "* * *\n\n…" (found by the round-trip property).
  return texts.filter((t) => cleanMultiline(t).length > 0).join(NOTE_SEPARATOR);
}

// C0 and C1 control characters other than tab and line feed: no citation format can carry them, and TeX parsers
// read some of them as markup (the BibTeX parser uses U+000E/U+000F internally).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A one-line field (title, author, venue): controls dropped, whitespace runs (including line breaks) as one space. */
export function cleanLine(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/**
 * The title an exporter writes. A paper always has one, but a title of nothing but control characters would
 * clean to nothing, and a citation without a title cannot be imported again.
 */
export function exportTitle(title: string): string {
  return cleanLine(title) || 'Untitled';
}

/** A free-text field (note, abstract): line breaks kept as `\n`, controls dropped, ends trimmed. */
export function cleanMultiline(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .trim();
}

/**
 * Zotero writes notes as HTML (`<p>Comment: 24 pages</p>`) into RIS and CSL-JSON; Paperlight notes are plain
 * text shown as Markdown, so an HTML note keeps its paragraphs and line breaks and loses its tags. Text that does
 * not start with a block tag is left alone: a plain note may well mention `<b>`.
 */
export function htmlNoteToText(note: string): string {
  if (!/^\s*<(?:p|div|h[1-6]|ul|ol|blockquote|pre)\b[^>]*>/i.test(note)) return note;
  return cleanMultiline(
    note
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/(?:p|div|h[1-6]|ul|ol|blockquote|pre)>/gi, '\n\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, name: string) => {
        const lower = name.toLowerCase();
        if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
        if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
        return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower]!;
      })
      .replace(/\n{3,}/g, '\n\n'),
  );
}

/** `https://doi.org/10.1000/x`, `doi:10.1000/x` → `10.1000/x`; anything that is not a DOI → undefined. */
export function cleanDoi(raw: string | undefined): string | undefined {
  const match = raw?.trim().match(/(10\.\d{4,9}\/\S+)$/);
  return match?.[1];
}

export function cleanYear(raw: string | number | undefined): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : undefined;
  const match = raw?.match(/(?<!\d)(\d{4})(?!\d)/);
  return match ? Number(match[1]) : undefined;
}

/** Ids derived from content (lib/corpus/key's hash), so a re-import yields the same ids. */
export const contentHash = hashHex;

/**
 * The paper key for an imported citation: its corpus id when the caller knows it is a corpus paper (see
 * `CorpusIdFor`), else `arxiv:<id>` for arXiv papers, otherwise `u-` + a hash of the DOI or the normalised title:
 * the same key saving it from a page gives.
 */
export function paperIdForRecord(record: Pick<CitationRecord, 'arxiv' | 'doi' | 'title'>, corpusId?: string): string {
  return paperKeyFor({ corpusId, arxivId: record.arxiv?.id, doi: record.doi, title: record.title });
}

/** Which corpus paper a citation is, if any (the corpus has no ids: the library page matches titles). */
export type CorpusIdFor = (record: Pick<CitationRecord, 'arxiv' | 'title'>) => string | undefined;

export function noteIdFor(paperId: string, text: string): string {
  return `n-${contentHash(`${paperId}\u0000${text}`)}`;
}

/** Records → a snapshot of new papers, their tags and notes, all stamped `now`. */
export function recordsToSnapshot(records: readonly CitationRecord[], now: number, corpusIdFor?: CorpusIdFor): LibrarySnapshot {
  const papers: FormatPaper[] = [];
  const notes: Note[] = [];
  const tagNames = new Set<string>();
  for (const record of records) {
    const corpusId = corpusIdFor?.(record);
    const id = paperIdForRecord(record, corpusId);
    const tags = [...new Set(record.keywords.map(normalizeTag).filter((t) => t.length > 0))];
    tags.forEach((t) => tagNames.add(t));
    const paper: FormatPaper = { id, title: record.title, tags, addedAt: now, updatedAt: now };
    if (corpusId) paper.corpusId = corpusId;
    if (record.arxiv) paper.arxivId = record.arxiv.id;
    if (record.arxiv?.version) paper.arxivVersion = record.arxiv.version;
    if (record.authors.length > 0) paper.authors = record.authors;
    if (record.abstract) paper.abstract = record.abstract;
    if (record.url) paper.url = record.url;
    if (record.year !== undefined) paper.year = record.year;
    if (record.primaryClass) paper.primaryClass = record.primaryClass;
    if (record.doi) paper.doi = record.doi;
    if (record.journal) paper.journal = record.journal;
    papers.push(paper);
    for (const text of record.notes) {
      notes.push({ id: noteIdFor(id, text), paperId: id, text, createdAt: now, updatedAt: now });
    }
  }
  const tags: Tag[] = [...tagNames].map((name) => ({ name, createdAt: now }));
  return { papers, lists: [], memberships: [], tags, notes };
}
