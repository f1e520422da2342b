/**
 * CSV (RFC 4180: CRLF line ends, quotes doubled, fields with commas, quotes or line breaks quoted), one row per
 * paper, for spreadsheets. Written by papaparse's `unparse`, whose quoting is what spreadsheets expect.
 *
 * Cells that start with `=`, `+`, `-`, `@`, tab or CR get a leading `'` (papaparse's `escapeFormulae`): a note
 * like "=HYPERLINK(…)" must not run as a formula when the file is opened (CSV injection, OWASP). CSV is an
 * export only, so that one-character change costs no round trip.
 */
import Papa from 'papaparse';
import { cleanLine, cleanMultiline } from './citation-record';
import { notesByPaper, type FormatPaper, type LibrarySnapshot } from './snapshot';

export const CSV_COLUMNS = [
  'title',
  'authors',
  'year',
  'url',
  'arxiv_id',
  'doi',
  'primary_class',
  'status',
  'tags',
  'lists',
  'notes',
  'added_at',
  'id',
] as const;

/** ISO 8601, or empty for a time no Date can hold (a hand-edited backup may have one). */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function exportCsv(snapshot: LibrarySnapshot): string {
  const notes = notesByPaper(snapshot.notes);
  const listNames = new Map(snapshot.lists.map((l) => [l.id, cleanLine(l.name)]));
  const listsByPaper = new Map<string, string[]>();
  for (const m of snapshot.memberships) {
    const name = listNames.get(m.listId);
    if (name === undefined) continue;
    listsByPaper.set(m.paperId, [...(listsByPaper.get(m.paperId) ?? []), name]);
  }
  const rows = snapshot.papers.map((paper: FormatPaper) => ({
    title: cleanLine(paper.title),
    // `; ` separates values inside a cell: author names and list names contain commas far more often.
    authors: (paper.authors ?? []).map(cleanLine).join('; '),
    year: paper.year ?? '',
    url: paper.url ?? '',
    arxiv_id: paper.arxivId ? paper.arxivId + (paper.arxivVersion ? `v${paper.arxivVersion}` : '') : '',
    doi: paper.doi ?? '',
    primary_class: paper.primaryClass ?? '',
    status: paper.status ?? '',
    tags: paper.tags.join('; '),
    lists: (listsByPaper.get(paper.id) ?? []).join('; '),
    notes: (notes.get(paper.id) ?? []).map((n) => cleanMultiline(n.text)).filter((t) => t.length > 0).join('\n\n'),
    added_at: isoTime(paper.addedAt),
    id: paper.id,
  }));
  return (
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) },
      // papaparse's own pattern for `escapeFormulae: true` is /^[=+\-@\t\r].*$/, which misses a cell with a line
      // break (`.` stops at it), and a note can be "=cmd|…" followed by more lines. Only the first character matters.
      { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ },
    ) + '\r\n'
  );
}
