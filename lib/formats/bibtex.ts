/**
 * BibTeX export and import.
 *
 * Import uses @retorquere/bibtex-parser, the parser behind Zotero's Better BibTeX: it copes with what real .bib
 * files contain (one-line entries, `"…"` values, trailing commas, `@string` and month macros, crossrefs) and
 * turns TeX into Unicode (`T{\"u}rpe` → Türpe, `\&` → &) from the unicode2latex tables, which no hand-written
 * decoder would match. It is slow on long fields (it runs a full LaTeX grammar over every value: about 4 ms per
 * entry with an abstract and a note, see test/bench/formats.bench.ts), which is the price of that fidelity.
 *
 * Export writes non-ASCII text as UTF-8 rather than TeX escapes: biber, bibtexu and every reference manager
 * read UTF-8, TeX escapes exist for only a fraction of Unicode (no CJK, no emoji) so they cannot be the general
 * rule, and UTF-8 keeps the file readable. Only characters TeX would misread are escaped, so that the file
 * compiles and reads back as exactly what was written (`bibtex.test.ts` checks the round trip on hostile text):
 * the ten specials, `<`, `>`, `|` (OT1 turns them into ¡ ¿ —), and the ligatures `--`, ``` `` ```, `''`, `,,`, `!``.
 * Line breaks in notes and abstracts become `\\` and runs of spaces `\ `, so Markdown notes keep their shape.
 */
import { parse as parseBibtexLibrary, type Creator, type Entry } from '@retorquere/bibtex-parser';
import {
  findArxivId,
  isArxivPlaceholderVenue,
  parseWholeArxivId,
  type ArxivRef,
} from './arxiv-id';
import { citationKeys } from './citation-key';
import {
  cleanDoi,
  cleanLine,
  cleanMultiline,
  cleanYear,
  exportTitle,
  joinNotes,
  splitNotes,
  type CitationRecord,
} from './citation-record';
import { lineOfOffset, type ImportError } from './input';
import { notesByPaper, type FormatPaper, type LibrarySnapshot } from './snapshot';

// ---------------------------------------------------------------------------------------------------------------
// Export

export interface BibtexExportOptions {
  /** Write `abstract` fields. Off makes a lean file for a LaTeX bibliography. @default true */
  abstracts?: boolean;
}

const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * Everything escapeTex rewrites, in one pass over the original text (lookarounds see the text, not the output):
 * - a TeX special or OT1 glyph (table above);
 * - the first of a pair TeX fonts fuse into one glyph (`--` en dash, ``` `` ```/`''` curly quotes, `,,` `!`` `?``),
 *   which gets an empty group after it;
 * - a line break, written as `\\` (a line break) and `%` (a comment, so the newline itself adds no space);
 * - a space TeX would drop (at a line start) or merge (after another space), written as a control space `\ `;
 * - an `@` starting a line, braced so that no line inside a value looks like a new entry.
 */
const TEX_PATTERN = /[\\{}%&$#_~^<>|]|-(?=-)|`(?=`)|'(?=')|,(?=,)|[!?](?=`)|\n|(?<![^\n ]) |(?<![^\n])@/g;

function texReplacement(match: string): string {
  switch (match) {
    case '\n':
      return '\\\\%\n';
    case ' ':
      return '\\ ';
    case '@':
      return '{@}';
    default:
      return TEX_ESCAPES[match] ?? `${match}{}`;
  }
}

/** Text for a brace-delimited BibTeX value. `multiline` keeps line breaks (`\\`) and runs of spaces (`\ `). */
export function escapeTex(text: string, multiline: boolean): string {
  const source = multiline ? cleanMultiline(text).replace(/\t/g, ' ') : cleanLine(text);
  return source.replace(TEX_PATTERN, texReplacement);
}

/**
 * Standard styles lower-case titles (`plain.bst` prints "Bert: pre-training…"); braces protect words with a
 * capital after their first letter (BERT, ImageNet, GPT-4), as Better BibTeX and arXiv's own export do.
 */
function escapeTitle(title: string): string {
  return exportTitle(title)
    .split(' ')
    .map((word) => {
      if (!/^.+\p{Lu}/u.test(word)) return escapeTex(word, false);
      // Protect the word, not the punctuation around it: `{BERT}:` rather than `{BERT:}`.
      const [, before = '', core = '', after = ''] = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u) ?? [];
      return `${escapeTex(before, false)}{${escapeTex(core, false)}}${escapeTex(after, false)}`;
    })
    .join(' ');
}

/**
 * A name BibTeX's splitter reads back unchanged is written as is ("Jean de la Fontaine"); anything else (a comma,
 * a digit, the word "and", an organisation, someone really called "others") goes in braces, which BibTeX treats as
 * one literal name.
 */
function escapeAuthor(name: string): string {
  const clean = cleanLine(name);
  const plain =
    /^[\p{L}\p{M}.'’-]+(?: [\p{L}\p{M}.'’-]+)*$/u.test(clean) && !/(?:^| )and(?: |$)/i.test(clean) && !/^others$/i.test(clean);
  const escaped = escapeTex(clean, false);
  return plain ? escaped : `{${escaped}}`;
}

/**
 * URL and DOI fields are verbatim (no TeX inside), but the entry scanner still counts braces and `$` and treats `\`
 * as an escape, so those characters, and whitespace, are percent-encoded (the URL means the same).
 */
function escapeVerbatim(value: string): string {
  return value.trim().replace(/[\\{}$\s]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function entryType(paper: FormatPaper): 'article' | 'misc' {
  return paper.journal ? 'article' : 'misc';
}

export function exportBibtex(snapshot: LibrarySnapshot, options: BibtexExportOptions = {}): string {
  const { abstracts = true } = options;
  const keys = citationKeys(snapshot.papers);
  const notes = notesByPaper(snapshot.notes);
  const entries = snapshot.papers.map((paper: FormatPaper) => {
    const fields: [string, string][] = [['title', escapeTitle(paper.title)]];
    const authors = (paper.authors ?? []).map(cleanLine).filter((a) => a.length > 0);
    if (authors.length > 0) fields.push(['author', authors.map(escapeAuthor).join(' and ')]);
    if (paper.journal) fields.push(['journal', escapeTex(paper.journal, false)]);
    if (paper.year !== undefined) fields.push(['year', String(paper.year)]);
    if (paper.arxivId) {
      fields.push(['eprint', escapeVerbatim(paper.arxivId + (paper.arxivVersion ? `v${paper.arxivVersion}` : ''))]);
      fields.push(['archivePrefix', 'arXiv']);
      if (paper.primaryClass) fields.push(['primaryClass', escapeTex(paper.primaryClass, false)]);
    }
    if (paper.doi) fields.push(['doi', escapeVerbatim(paper.doi)]);
    if (paper.url) fields.push(['url', escapeVerbatim(paper.url)]);
    // Normalised tags hold only letters, digits and `-_.+/`; `keywords` is read verbatim, so they go in as they are.
    if (paper.tags.length > 0) fields.push(['keywords', paper.tags.join(', ')]);
    if (abstracts && paper.abstract?.trim()) fields.push(['abstract', escapeTex(paper.abstract, true)]);
    // Notes go in `annote`, not `note`: standard styles print `note` in the bibliography, and a reading note
    // does not belong in someone's reference list. Annotated styles (and Zotero, JabRef) read `annote`.
    const texts = (notes.get(paper.id) ?? []).map((n) => n.text).filter((t) => t.trim().length > 0);
    if (texts.length > 0) fields.push(['annote', escapeTex(joinNotes(texts), true)]);
    const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
    return `@${entryType(paper)}{${keys.get(paper.id)},\n${body}\n}\n`;
  });
  return entries.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Import

export type BibtexParseResult =
  | { ok: true; records: CitationRecord[]; warnings: string[] }
  | { ok: false; error: ImportError };

/**
 * `\textless`/`\textgreater` decode to `<`/`>`, which the parser also uses for the markup it emits (`<i>`, `<br>`).
 * To tell them apart they are swapped for two private-use characters absent from the input before parsing and
 * swapped back after the markup is gone, so a title that really says `<i>` survives.
 */
function pickSentinels(text: string): [string, string] {
  const free: string[] = [];
  for (let cp = 0xe000; free.length < 2; cp++) {
    const ch = String.fromCodePoint(cp);
    if (!text.includes(ch)) free.push(ch);
  }
  return [free[0]!, free[1]!];
}

// The tags @retorquere/bibtex-parser writes for TeX markup. Formatting is dropped (Paperlight stores plain text);
// line structure is kept.
const MARKUP =
  /<br>|<p>|<\/p>|<li>|<\/li>|<\/?(?:i|b|sup|sub|code|ul|blockquote|h[1-6]|ncx)>|<span (?:class="nocase"|style="font-variant:small-caps;")>|<\/span>|<a href="[^"]*">|<\/a>/g;

function markupToText(tag: string): string {
  if (tag === '<br>') return '\n';
  if (tag === '<p>') return '\n\n';
  if (tag === '<li>') return '\n- ';
  return '';
}

/** A verbatim field as written, minus the escapes some exporters put in URLs (`\_`, `\%`). */
function unescapeVerbatim(value: string): string {
  return value.replace(/\\([_%&#$~])/g, '$1').trim();
}

const PARSER_OPTIONS = {
  // Keep titles as written: sentence-casing is for Zotero's display, not for a library that shows the title.
  sentenceCase: false as const,
  english: false,
  caseProtection: false as const,
  // Abstracts are read like notes, so their line breaks (`\\`, blank lines) survive.
  fieldMode: { abstract: 'richtext' as const },
};

export function parseBibtex(input: string): BibtexParseResult {
  // Windows line ends become \n: the LaTeX grammar does not take \r for a space, so `Vaswani and\r\n Shazeer`
  // would read as one author. Control characters cannot be meant (and U+000E/F are the parser's own markup
  // delimiters). Neither change adds or removes a line, so line numbers still match the file.
  const text = input.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const [lessThan, greaterThan] = pickSentinels(text);
  const prepared = text
    .replace(/\\textless(?![a-zA-Z])(?:\{\}|[ \t]*)/g, lessThan)
    .replace(/\\textgreater(?![a-zA-Z])(?:\{\}|[ \t]*)/g, greaterThan);

  const library = parseBibtexLibrary(prepared, {
    ...PARSER_OPTIONS,
    // An unknown command is kept as written rather than failing the entry: `\ ` (a control space) is a space,
    // anything else (`\mycommand`) stays visible so nothing is silently lost.
    unsupported: (_node, tex) => (tex === '\\ ' ? ' ' : tex),
  });

  const decode = (value: string, multiline: boolean): string => {
    const plain = value
      .replace(MARKUP, markupToText)
      .replaceAll(lessThan, '<')
      .replaceAll(greaterThan, '>');
    return multiline ? cleanMultiline(plain) : cleanLine(plain);
  };

  const fatal = library.errors
    .filter((e) => e.input?.trimStart().startsWith('@'))
    .map((e) => ({ message: e.error, offset: prepared.indexOf(e.input!) }))
    .sort((a, b) => a.offset - b.offset)[0];
  if (fatal) {
    const head = prepared.slice(fatal.offset, fatal.offset + 200);
    return { ok: false, error: entryError(head, lineOfOffset(prepared, fatal.offset), describeParserError(fatal.message)) };
  }
  const warnings = library.errors.map((e) => `bibtex: ${e.error.split('\n')[0]}`);

  const records: CitationRecord[] = [];
  let cursor = 0;
  let line = 1;
  for (const [index, entry] of library.entries.entries()) {
    const offset = prepared.indexOf(entry.input, cursor);
    if (offset >= 0) {
      line += countNewlines(prepared, cursor, offset);
      cursor = offset;
    }
    const name = entry.key || `#${index + 1}`;
    // Braces that never close swallow the entries after them; if the parser then found a matching brace later,
    // nothing failed, so look for a line inside the entry that starts a new one.
    const swallowed = /\n[ \t]*@[a-zA-Z]+[ \t]*[{(][^,\s]*,/.exec(entry.input);
    if (swallowed) {
      return {
        ok: false,
        error: {
          entry: name,
          line,
          message: `bibtex: line ${line}: entry "${name}" runs into the next entry (line ${line + countNewlines(entry.input, 0, swallowed.index) + 1}): a brace is probably not closed. Nothing was imported; close it and import again.`,
        },
      };
    }
    // TeX accents decode to a letter plus a combining mark (`T{\"u}rpe` → u + U+0308, `\'\i` → ı + U+0301).
    // When the entry as written has no combining marks, every mark came from a TeX command, so composing them
    // (NFC, and ı/ȷ back to i/j under an accent) gives the letters the author meant. An entry that already holds
    // decomposed UTF-8 (as our own export writes a user's text) is left exactly as written.
    const accentsOnlyFromTex = !/\p{M}/u.test(entry.input);
    const record = entryToRecord(entry, accentsOnlyFromTex ? (value, multiline) => composeAccents(decode(value, multiline)) : decode);
    if (!record.title) {
      return {
        ok: false,
        error: { entry: name, line, message: `bibtex: line ${line}: entry "${name}" has no title. Nothing was imported; add a title or remove the entry, then import again.` },
      };
    }
    records.push(record);
  }
  return { ok: true, records, warnings };
}

function composeAccents(text: string): string {
  if (!/\p{M}/u.test(text)) return text;
  return text.replace(/[ıȷ](?=\p{M})/gu, (dotless) => (dotless === 'ı' ? 'i' : 'j')).normalize('NFC');
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function describeParserError(message: string): string {
  // The parser says where it gave up ("at line 8, column 1"); the likely cause is earlier, in this entry.
  const hint = /Unterminated|expected "[})]"|Unclosed/.test(message)
    ? ' — a brace or quote is probably not closed, or a comma is missing'
    : '';
  return `${message}${hint}`;
}

function entryError(head: string, line: number, reason: string): ImportError {
  const key = head.match(/^@\s*[a-zA-Z]+\s*[{(]\s*([^,\s{}()]+)\s*,/)?.[1];
  const name = key ?? head.split('\n')[0]!.slice(0, 40);
  return {
    entry: name,
    line,
    message: `bibtex: line ${line}: entry "${name}" could not be read (${reason}). Nothing was imported; fix that entry and import again.`,
  };
}

/** `and others` is BibTeX for "et al.", not an author called Others. */
const isEtAl = (creator: Creator) => !creator.firstName && !creator.name && creator.lastName?.toLowerCase() === 'others';

function creatorName(creator: Creator): string {
  if (creator.name) return creator.name;
  const name = [creator.firstName, creator.prefix, creator.lastName].filter((p) => p && p.length > 0).join(' ');
  return creator.suffix ? `${name}, ${creator.suffix}` : name;
}

function entryToRecord(entry: Entry, decode: (value: string, multiline: boolean) => string): CitationRecord {
  const f = entry.fields;
  const text = (name: string): string | undefined => {
    const value = f[name];
    return typeof value === 'string' ? decode(value, false) || undefined : undefined;
  };
  const verbatim = (name: string): string | undefined => {
    const value = f[name];
    return typeof value === 'string' ? unescapeVerbatim(value) || undefined : undefined;
  };

  const url = verbatim('url') ?? text('howpublished')?.match(/https?:\/\/\S+/)?.[0];
  const doi = cleanDoi(verbatim('doi'));
  const venue = text('journal') ?? text('journaltitle') ?? text('booktitle');
  const note = typeof f.note === 'string' ? decode(f.note, true) : '';
  const eprintArchive = f.archiveprefix ?? f.eprinttype;
  const eprintIsArxiv = !eprintArchive || /arxiv/i.test(eprintArchive);
  const arxiv: ArxivRef | undefined =
    (eprintIsArxiv && f.eprint ? parseWholeArxivId(unescapeVerbatim(f.eprint)) : undefined) ??
    (f.arxivid ? parseWholeArxivId(f.arxivid) : undefined) ??
    [url, doi, venue, note, text('howpublished')]
      .map((candidate) => (candidate ? findArxivId(candidate) : undefined))
      .find((ref) => ref !== undefined);

  const notes: string[] = [];
  // A `note` that only says "arXiv preprint arXiv:…" (Google Scholar, DBLP) carries the id, not a reading note.
  if (note && !(isArxivPlaceholderVenue(note) && findArxivId(note))) notes.push(note);
  if (typeof f.annote === 'string') notes.push(...splitNotes(decode(f.annote, true)));

  const record: CitationRecord = {
    title: text('title') ?? '',
    authors: (f.author ?? [])
      .filter((c) => !isEtAl(c))
      .map((c) => decode(creatorName(c), false))
      .filter((a) => a.length > 0),
    keywords: (f.keywords ?? []).map(unescapeVerbatim),
    notes,
  };
  const year = cleanYear(f.year) ?? cleanYear(f.date);
  if (year !== undefined) record.year = year;
  if (url) record.url = url;
  if (doi) record.doi = doi;
  if (arxiv) record.arxiv = arxiv;
  const primaryClass = text('primaryclass') ?? text('eprintclass');
  if (primaryClass) record.primaryClass = primaryClass;
  const abstract = typeof f.abstract === 'string' ? decode(f.abstract, true) : '';
  if (abstract) record.abstract = abstract;
  if (venue && !isArxivPlaceholderVenue(venue)) record.journal = venue;
  return record;
}
