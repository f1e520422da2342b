/**
 * CSL-JSON, the data format of citeproc, pandoc and Zotero (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
 *
 * Export builds the items directly (it is plain JSON; the field list is short). Import is JSON.parse plus
 * validation: a parser library would add nothing to JSON.parse, and the validation is where the line numbers
 * and messages come from. Preprints are typed `article` with `number: "arXiv:<id>"` and `publisher: "arXiv"`, as
 * Zotero writes them; `custom` (CSL-JSON 1.0.2's field for extra data) carries the arXiv category.
 */
import { findArxivId, isArxivPlaceholderVenue, parseWholeArxivId } from './arxiv-id';
import { citationKeys } from './citation-key';
import { cleanDoi, cleanLine, cleanMultiline, cleanYear, exportTitle, htmlNoteToText, joinNotes, splitNotes, type CitationRecord } from './citation-record';
import type { ImportError } from './input';
import { describeJsonSyntaxError, recordLine, scanJson } from './json-locate';
import { joinName, splitName, type NameParts } from './person-name';
import { notesByPaper, type FormatPaper, type LibrarySnapshot } from './snapshot';

export interface CslItem {
  id: string;
  type: 'article' | 'article-journal';
  'citation-key': string;
  title: string;
  author?: NameParts[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  /** Comma-separated, as Zotero and citation.js write it; tags never contain commas. */
  keyword?: string;
  /** Reading notes, in `annote` rather than `note`, which styles print and citeproc-js mines for variables. */
  annote?: string;
  custom?: { primaryClass?: string };
}

export function toCslItems(snapshot: LibrarySnapshot): CslItem[] {
  const keys = citationKeys(snapshot.papers);
  const notes = notesByPaper(snapshot.notes);
  return snapshot.papers.map((paper: FormatPaper) => {
    const key = keys.get(paper.id)!;
    const item: CslItem = { id: key, type: paper.journal ? 'article-journal' : 'article', 'citation-key': key, title: exportTitle(paper.title) };
    const authors = (paper.authors ?? []).map(cleanLine).filter((a) => a.length > 0);
    if (authors.length > 0) item.author = authors.map(splitName);
    if (paper.year !== undefined) item.issued = { 'date-parts': [[paper.year]] };
    if (paper.journal) item['container-title'] = paper.journal;
    if (paper.arxivId) {
      item.number = `arXiv:${paper.arxivId}${paper.arxivVersion ? `v${paper.arxivVersion}` : ''}`;
      if (!paper.journal) item.publisher = 'arXiv';
    }
    if (paper.doi) item.DOI = paper.doi;
    if (paper.url) item.URL = paper.url;
    if (paper.abstract?.trim()) item.abstract = cleanMultiline(paper.abstract);
    if (paper.tags.length > 0) item.keyword = paper.tags.join(', ');
    const texts = (notes.get(paper.id) ?? []).map((n) => cleanMultiline(n.text)).filter((t) => t.length > 0);
    if (texts.length > 0) item.annote = joinNotes(texts);
    if (paper.primaryClass) item.custom = { primaryClass: paper.primaryClass };
    return item;
  });
}

export function exportCslJson(snapshot: LibrarySnapshot): string {
  return JSON.stringify(toCslItems(snapshot), null, 2) + '\n';
}

export type CslParseResult = { ok: true; records: CitationRecord[] } | { ok: false; error: ImportError };

class InvalidItem extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string variable; `number` variables (CSL's `number`, `volume`…) may also be JSON numbers. */
function optionalString(item: Json, field: string, numeric = false): string | undefined {
  const value = item[field];
  if (value === undefined || value === null) return undefined;
  if (numeric && typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new InvalidItem(`"${field}" must be a string`);
  return value;
}

function readAuthor(value: unknown): string {
  if (!isObject(value)) throw new InvalidItem('every "author" must be an object with "family"/"given" or "literal"');
  const parts: Record<string, string> = {};
  for (const field of ['family', 'given', 'literal', 'dropping-particle', 'non-dropping-particle', 'suffix']) {
    const part = optionalString(value, field);
    if (part !== undefined) parts[field] = part;
  }
  return cleanLine(joinName(parts));
}

function readYear(issued: unknown): number | undefined {
  if (issued === undefined || issued === null) return undefined;
  if (!isObject(issued)) throw new InvalidItem('"issued" must be a CSL date object such as {"date-parts": [[2017]]}');
  const parts = issued['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year = parts[0][0];
    if (typeof year === 'number' || typeof year === 'string') return cleanYear(String(year));
  }
  const text = issued.raw ?? issued.literal;
  return typeof text === 'string' ? cleanYear(text) : undefined;
}

function itemToRecord(item: Json): CitationRecord {
  const title = cleanLine(optionalString(item, 'title') ?? '');
  if (!title) throw new InvalidItem('"title" must be a non-empty string');
  const authors = item.author;
  if (authors !== undefined && !Array.isArray(authors)) throw new InvalidItem('"author" must be an array');
  const keyword = item.keyword;
  let keywords: string[] = [];
  if (typeof keyword === 'string') keywords = keyword.split(/\s*[,;]\s*/);
  else if (Array.isArray(keyword) && keyword.every((k) => typeof k === 'string')) keywords = keyword;
  else if (keyword !== undefined) throw new InvalidItem('"keyword" must be a string');

  const url = optionalString(item, 'URL')?.trim();
  const doi = cleanDoi(optionalString(item, 'DOI'));
  const venue = cleanLine(optionalString(item, 'container-title') ?? '');
  const number = optionalString(item, 'number', true);
  // `annote` is where Paperlight writes notes (plain text, kept exactly); other tools' `note` may be HTML.
  const note = cleanMultiline(htmlNoteToText(optionalString(item, 'note') ?? ''));
  const annote = optionalString(item, 'annote');
  const custom = isObject(item.custom) ? item.custom : {};
  const arxiv =
    (number ? parseWholeArxivId(number) : undefined) ??
    [url, doi, venue, note].map((text) => (text ? findArxivId(text) : undefined)).find((ref) => ref !== undefined);

  const notes: string[] = [];
  // Zotero puts "arXiv:2401.12345 [cs]" in `note`: that is the id, not a reading note.
  if (note && !(isArxivPlaceholderVenue(note) && findArxivId(note))) notes.push(note);
  if (annote) notes.push(...splitNotes(annote));

  const record: CitationRecord = {
    title,
    authors: ((authors as unknown[] | undefined) ?? []).map(readAuthor).filter((a) => a.length > 0),
    keywords,
    notes,
  };
  const year = readYear(item.issued);
  if (year !== undefined) record.year = year;
  if (url) record.url = url;
  if (doi) record.doi = doi;
  if (arxiv) record.arxiv = arxiv;
  const primaryClass = typeof custom.primaryClass === 'string' ? cleanLine(custom.primaryClass) : undefined;
  if (primaryClass) record.primaryClass = primaryClass;
  const abstract = cleanMultiline(optionalString(item, 'abstract') ?? '');
  if (abstract) record.abstract = abstract;
  if (venue && !isArxivPlaceholderVenue(venue)) record.journal = venue;
  return record;
}

export function parseCslJson(text: string): CslParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: describeJsonSyntaxError(text, 'csl-json', (e as Error).message) };
  }
  // A single item is accepted too: citation.js and some web exporters write one object rather than an array.
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const records: CitationRecord[] = [];
  for (const [index, item] of items.entries()) {
    try {
      if (!isObject(item)) throw new InvalidItem('must be an object');
      records.push(itemToRecord(item));
    } catch (e) {
      if (!(e instanceof InvalidItem)) throw e;
      const id = isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id) : undefined;
      const entry = id ?? `[${index}]`;
      const line = Array.isArray(parsed) ? recordLine(text, `[${index}]`, scanJson(text)) : 1;
      return {
        ok: false,
        error: {
          entry,
          ...(line === undefined ? {} : { line }),
          message: `csl-json: item ${JSON.stringify(entry)} (line ${line ?? '?'}): ${e.message}. Nothing was imported; fix that item and import again.`,
        },
      };
    }
  }
  return { ok: true, records };
}
