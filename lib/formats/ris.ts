/**
 * RIS (https://en.wikipedia.org/wiki/RIS_(file_format)), the tagged format EndNote, Mendeley and most publishers
 * export.
 *
 * Import: citation.js's RIS plugin reads the records and maps tags to CSL (it knows the per-type tag meanings of
 * the 2011 RIS spec and the older one). Before that, a pass over the lines checks that every record opens with
 * `TY` and closes with `ER`: citation.js quietly ignores a missing `ER` and stray text, and only that pass knows
 * line numbers for the error messages.
 *
 * Export is written here (one tag per line is not worth a dependency), and is checked by reading it back with
 * citation.js in ris.test.ts. RIS has no escaping and readers join continuation lines, so values are written on one
 * line: a line break inside a note could otherwise start a forged tag. RIS has no tag for an arXiv category, so
 * `primaryClass` is not written.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { findArxivId, isArxivPlaceholderVenue, parseWholeArxivId } from './arxiv-id';
import { citationKeys } from './citation-key';
import { cleanDoi, cleanLine, cleanMultiline, cleanYear, exportTitle, htmlNoteToText, type CitationRecord } from './citation-record';
import type { ImportError } from './input';
import { joinName, splitName } from './person-name';
import { notesByPaper, type FormatPaper, type LibrarySnapshot } from './snapshot';

/** `TY  - JOUR`: two letters or a letter and a digit, two spaces, a hyphen (citation.js's own test). */
const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*)|)$/;

function risAuthor(name: string): string {
  const parts = splitName(name);
  if (parts.literal || !parts.given) return parts.literal ?? parts.family ?? name;
  const family = [parts['non-dropping-particle'], parts.family].filter(Boolean).join(' ');
  return `${family}, ${parts.given}`;
}

export function exportRis(snapshot: LibrarySnapshot): string {
  const keys = citationKeys(snapshot.papers);
  const notes = notesByPaper(snapshot.notes);
  const records = snapshot.papers.map((paper: FormatPaper) => {
    const lines: [string, string][] = [
      // UNPB ("unpublished work") is the RIS type for a preprint; JOUR once a journal is known.
      ['TY', paper.journal ? 'JOUR' : 'UNPB'],
      ['ID', keys.get(paper.id)!],
      ['TI', exportTitle(paper.title)],
    ];
    for (const author of paper.authors ?? []) if (cleanLine(author)) lines.push(['AU', risAuthor(cleanLine(author))]);
    if (paper.year !== undefined) lines.push(['PY', String(paper.year)]);
    if (paper.journal) lines.push(['JO', paper.journal]);
    if (paper.arxivId) lines.push(['M1', `arXiv:${paper.arxivId}${paper.arxivVersion ? `v${paper.arxivVersion}` : ''}`]);
    if (paper.doi) lines.push(['DO', paper.doi]);
    if (paper.url) lines.push(['UR', paper.url]);
    if (paper.abstract?.trim()) lines.push(['AB', paper.abstract]);
    for (const tag of paper.tags) lines.push(['KW', tag]);
    for (const note of notes.get(paper.id) ?? []) if (note.text.trim()) lines.push(['N1', note.text]);
    lines.push(['ER', '']);
    // The spec ends lines with CR LF; every reader also takes LF.
    return lines.map(([tag, value]) => `${tag}  - ${cleanLine(value)}`.trimEnd() + '\r\n').join('');
  });
  return records.join('\r\n');
}

export type RisParseResult = { ok: true; records: CitationRecord[] } | { ok: false; error: ImportError };

type RawRecord = Record<string, string | string[] | undefined>;

const all = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const first = (value: string | string[] | undefined): string | undefined => all(value)[0];

interface RecordSpan {
  line: number;
  id?: string;
}

/** Checks the TY…ER structure and returns where each record starts, or the first structural error. */
function scanRecords(text: string): { ok: true; spans: RecordSpan[] } | { ok: false; error: ImportError } {
  const spans: RecordSpan[] = [];
  let open: RecordSpan | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const name = (span: RecordSpan, index: number) => span.id ?? `#${index + 1}`;
  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const line = raw.trim();
    const tag = TAG_LINE.exec(line);
    if (!open) {
      if (line === '') continue;
      if (tag?.[1] === 'TY') {
        open = { line: lineNo };
        spans.push(open);
        continue;
      }
      return {
        ok: false,
        error: {
          line: lineNo,
          entry: `#${spans.length + 1}`,
          message: `ris: line ${lineNo}: ${JSON.stringify(line.slice(0, 40))} is outside a record; every record starts with "TY  - " and ends with "ER  - ". Nothing was imported.`,
        },
      };
    }
    if (tag?.[1] === 'ID' && tag[2]) open.id = tag[2].trim();
    if (tag?.[1] === 'ER') open = undefined;
    else if (tag?.[1] === 'TY') {
      const entry = name(open, spans.length - 1);
      return {
        ok: false,
        error: {
          line: open.line,
          entry,
          message: `ris: line ${open.line}: record ${JSON.stringify(entry)} has no "ER  - " before the next record at line ${lineNo}. Nothing was imported; close the record and import again.`,
        },
      };
    }
  }
  if (open) {
    const entry = name(open, spans.length - 1);
    return {
      ok: false,
      error: {
        line: open.line,
        entry,
        message: `ris: line ${open.line}: record ${JSON.stringify(entry)} has no "ER  - " line: the file looks truncated. Nothing was imported.`,
      },
    };
  }
  return { ok: true, spans };
}

function toRecord(raw: RawRecord, csl: Record<string, unknown>): CitationRecord {
  const text = (v: unknown) => (typeof v === 'string' ? cleanLine(v) : '');
  const title = text(csl.title) || cleanLine(first(raw.TI) ?? first(raw.T1) ?? '');
  // citation.js maps AU only for the types it knows; Zotero 7 writes preprints as `TY  - PREP`, which it does
  // not, so fall back to reading "Last, First" from the AU/A1 lines directly.
  const authors = (
    Array.isArray(csl.author)
      ? (csl.author as Record<string, string>[]).map((a) => joinName(a))
      : [...all(raw.AU), ...all(raw.A1)].map((name) => {
          const [family = '', given, suffix] = name.split(/\s*,\s*/);
          return joinName({ family, ...(given ? { given } : {}), ...(suffix ? { suffix } : {}) });
        })
  )
    .map(cleanLine)
    .filter((a) => a.length > 0);
  const url = text(csl.URL) || first(raw.UR)?.trim() || undefined;
  const doi = cleanDoi(text(csl.DOI) || first(raw.DO));
  const venue = text(csl['container-title']) || cleanLine(first(raw.JO) ?? first(raw.T2) ?? '');
  const notes = all(raw.N1)
    .map((n) => cleanMultiline(htmlNoteToText(n)))
    .filter((n) => n.length > 0);
  const arxiv =
    [raw.M1, raw.AN, raw.C1].flatMap(all).map(parseWholeArxivId).find((ref) => ref !== undefined) ??
    [url, doi, venue, ...notes].map((t) => (t ? findArxivId(t) : undefined)).find((ref) => ref !== undefined);

  const record: CitationRecord = {
    title,
    authors,
    // One keyword per KW line by the spec; some exporters put several on one line.
    keywords: all(raw.KW).flatMap((k) => k.split(/\s*[,;]\s*/)),
    notes: notes.filter((n) => !(isArxivPlaceholderVenue(n) && findArxivId(n))),
  };
  const issued = csl.issued as { 'date-parts'?: unknown[][] } | undefined;
  const year = cleanYear(String(issued?.['date-parts']?.[0]?.[0] ?? first(raw.PY) ?? first(raw.Y1) ?? ''));
  if (year !== undefined) record.year = year;
  if (url) record.url = url;
  if (doi) record.doi = doi;
  if (arxiv) record.arxiv = arxiv;
  const abstract = cleanMultiline(typeof csl.abstract === 'string' ? csl.abstract : (first(raw.AB) ?? first(raw.N2) ?? ''));
  if (abstract) record.abstract = abstract;
  if (venue && !isArxivPlaceholderVenue(venue)) record.journal = venue;
  return record;
}

export function parseRis(text: string): RisParseResult {
  const scan = scanRecords(text);
  if (!scan.ok) return scan;
  let raws: RawRecord[];
  try {
    raws = plugins.input.data(text, '@ris/file') as RawRecord[];
  } catch (e) {
    // citation.js's RIS reader throws a TypeError on a tag line before its first "TY  - " line it recognises
    // (found by fuzzing: "TY  -" with no space after the dash, then "ID  - …").
    return {
      ok: false,
      error: { message: `ris: the records could not be read (${(e as Error).message}); every tag line must read "XX  - value" and every record start with "TY  - ". Nothing was imported.` },
    };
  }
  const records: CitationRecord[] = [];
  for (const [index, span] of scan.spans.entries()) {
    const entry = span.id ?? `#${index + 1}`;
    const fail = (problem: string): RisParseResult => ({
      ok: false,
      error: { entry, line: span.line, message: `ris: line ${span.line}: record ${JSON.stringify(entry)} ${problem}. Nothing was imported; fix that record and import again.` },
    });
    const raw = raws[index];
    if (!raw) return fail('could not be read');
    let csl: Record<string, unknown>;
    try {
      csl = plugins.input.data(raw, '@ris/record') as Record<string, unknown>;
    } catch (e) {
      return fail(`could not be read (${(e as Error).message})`);
    }
    const record = toRecord(raw, csl);
    if (!record.title) return fail('has no title (TI or T1)');
    records.push(record);
  }
  return { ok: true, records };
}
