/**
 * Seed text → corpus papers. The seeds are Hugging Face papers pages saved as text, in two shapes:
 *
 * - *line shape*: no blank lines; one title line then one abstract line per paper, and the page's "Subscribe"
 *   button text glued to the first title (`SubscribeGLU Variants Improve Transformer`);
 * - *paragraph shape*: blank-line separated; page boilerplate and a page date first, then title, abstract and an
 *   optional metadata block (`  • 8 authors` / `·` / `Aug 18` or `Nov 8, 2017` or `Sep 25 2` = date + upvotes).
 *
 * Both are read by one state machine over classified lines, so a file that mixes them, wraps a long abstract over
 * several lines, or loses an abstract still parses. Nothing throws: whatever cannot be placed becomes a warning
 * naming the file and line.
 */
import type { CorpusParseResult, CorpusPaper, PaperDate, ParseWarning, SeedSource } from './types';
import { dedupeKey, paperIdFor } from './key';

export interface SeedFile {
  name: string;
  text: string;
}

/** One paper as read from one place, before duplicates merge. */
interface Entry {
  title: string;
  abstract: string;
  authorCount?: number;
  published?: PaperDate;
  upvotes?: number;
  source: SeedSource;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Page chrome seen on saved Hugging Face papers pages (and its near variants). Compared lower-cased and trimmed. */
const BOILERPLATE = [
  /^new$/,
  /^subscribe$/,
  /^daily papers$/,
  /^trending papers$/,
  /^by\s*ak and the research community$/,
  /^get trending papers in your email inbox( once a day)?!?$/,
  /^(previous|next|search|submit( a)? paper|view all)$/,
];

// A date as Hugging Face prints it, optionally followed by the upvote count: "Aug 18", "Nov 8, 2017", "Sep 25 2",
// "Feb 3, 2024 12". Bounded quantifiers only, so 5 MB of noise cannot make it backtrack.
const DATE_LINE =
  /^(?:published on\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}(\d{1,2})(?:,\s{0,3}(\d{4}))?(?:\s{1,3}(\d{1,7}))?$/i;
const AUTHORS_LINE = /^[•·*-]?\s{0,4}(\d{1,5})\s{1,3}authors?$/i;
const SEPARATOR_LINE = /^[·•|]$/;
const NUMBER_LINE = /^\d{1,7}$/;
const GLUED_SUBSCRIBE = /^Subscribe(?=\S)/;

type Line =
  | { kind: 'blank'; no: number }
  | { kind: 'boilerplate'; no: number }
  | { kind: 'authors'; no: number; count: number }
  | { kind: 'separator'; no: number }
  | { kind: 'date'; no: number; date: PaperDate; upvotes?: number; text: string }
  | { kind: 'number'; no: number; value: number }
  | { kind: 'text'; no: number; text: string };

function classify(raw: string, no: number): Line {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return { kind: 'blank', no };
  const lower = text.toLowerCase();
  if (BOILERPLATE.some((re) => re.test(lower))) return { kind: 'boilerplate', no };
  if (SEPARATOR_LINE.test(text)) return { kind: 'separator', no };
  const authors = AUTHORS_LINE.exec(text);
  if (authors) return { kind: 'authors', no, count: Number(authors[1]) };
  const date = DATE_LINE.exec(text);
  if (date) {
    const month = MONTHS.indexOf(date[1]!.toLowerCase()) + 1;
    const day = Number(date[2]);
    if (day >= 1 && day <= 31) {
      const published: PaperDate = date[3] ? { year: Number(date[3]), month, day } : { month, day };
      return date[4] !== undefined
        ? { kind: 'date', no, date: published, upvotes: Number(date[4]), text }
        : { kind: 'date', no, date: published, text };
    }
  }
  if (NUMBER_LINE.test(text)) return { kind: 'number', no, value: Number(text) };
  return { kind: 'text', no, text };
}

/**
 * Whether a text line reads as an abstract rather than a title. Titles in the seeds are at most 168 characters and
 * abstracts at least 295; the sentence test keeps a short abstract from being taken for a title.
 */
export function looksLikeAbstract(text: string): boolean {
  if (text.length > 300) return true;
  const words = text.split(' ').length;
  if (/\.["')\]]?$/.test(text) && words >= 8) return true;
  return text.length > 150 && /[.!?]\s+[A-Z]/.test(text) && words >= 20;
}

/** Parses one seed file into entries (duplicates not yet merged). */
export function parseSeedFile(file: SeedFile): { entries: Entry[]; warnings: ParseWarning[] } {
  const entries: Entry[] = [];
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file: file.name, line, message });

  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rawLines = text.split('\n');
  const classified = rawLines.map((raw, i) => classify(raw, i + 1));
  const blank = classified.filter((l) => l.kind === 'blank').length;
  // Paragraph shape: blank lines separate the units, so consecutive text lines are one wrapped title or abstract.
  const paragraphShape = blank > 0 && blank * 4 >= classified.length - blank;
  const lines: Line[] = [];
  for (const line of classified) {
    const previous = lines[lines.length - 1];
    if (paragraphShape && line.kind === 'text' && previous?.kind === 'text') previous.text += ' ' + line.text;
    else lines.push(line);
  }

  let current: Entry | undefined;
  // What the last placed line was part of.
  let state: 'start' | 'title' | 'abstract' | 'meta' = 'start';

  const finish = () => {
    if (!current) return;
    if (!current.abstract) warn(current.source.line, `title without an abstract: "${clip(current.title)}" (kept with an empty abstract)`);
    entries.push(current);
    current = undefined;
  };
  const startTitle = (title: string, no: number) => {
    finish();
    current = { title, abstract: '', source: { file: file.name, line: no } };
  };

  for (const line of lines) {
    switch (line.kind) {
      case 'blank':
        continue;
      case 'boilerplate':
        continue;
      case 'separator':
        if (state === 'abstract' || state === 'meta') state = 'meta';
        else if (state !== 'start') warn(line.no, 'metadata separator "·" before any abstract (ignored)');
        continue;
      case 'authors':
        if (current && (state === 'abstract' || state === 'meta')) {
          current.authorCount = line.count;
          state = 'meta';
        } else warn(line.no, `author count "${line.count} authors" outside a paper's metadata (ignored)`);
        continue;
      case 'date':
        if (current && state === 'meta' && !current.published) {
          current.published = line.date;
          if (line.upvotes !== undefined) current.upvotes = line.upvotes;
        } else if (state === 'title') {
          warn(line.no, `date "${line.text}" between a title and its abstract (ignored)`);
        }
        // Otherwise it is a page date ("Mar 13" under the banner, or a section heading): boilerplate.
        continue;
      case 'number':
        if (current && (state === 'abstract' || state === 'meta') && current.upvotes === undefined) {
          current.upvotes = line.value;
          state = 'meta';
        } else warn(line.no, `number "${line.value}" outside a paper's metadata (ignored)`);
        continue;
      case 'text': {
        let text = line.text;
        if (state === 'start' && GLUED_SUBSCRIBE.test(text)) text = text.replace(GLUED_SUBSCRIBE, '');
        const isAbstract = looksLikeAbstract(text);
        if (state === 'start' || state === 'meta') {
          if (isAbstract) warn(line.no, `text without a title: "${clip(text)}" (ignored)`);
          else {
            startTitle(text, line.no);
            state = 'title';
          }
        } else if (state === 'title') {
          if (isAbstract) {
            current!.abstract = text;
            state = 'abstract';
          } else {
            startTitle(text, line.no); // the previous title had no abstract; finish() warns
            state = 'title';
          }
        } else {
          // state === 'abstract'
          if (isAbstract) warn(line.no, `second abstract for "${clip(current!.title)}": "${clip(text)}" (ignored)`);
          else {
            startTitle(text, line.no);
            state = 'title';
          }
        }
        continue;
      }
    }
  }
  finish();
  return { entries, warnings };
}

function clip(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** Links to code, project pages and data in an abstract: http(s) URLs and bare github.com/… references. */
export function extractLinks(abstract: string): string[] {
  const found: string[] = [];
  // `}{` appears where a TeX \href lost its backslash: "https://a}{https://a." — the brace ends the URL.
  const re = /\b(?:https?:\/\/|(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co)\/)[^\s{}<>"'`]{1,300}/gi;
  for (const m of abstract.matchAll(re)) {
    // `\_` is TeX's escaped underscore; trailing punctuation belongs to the sentence, not the URL.
    let url = m[0].replace(/\\_/g, '_').replace(/[.,;:!?)\]]+$/, '');
    if (!/^https?:\/\//i.test(url)) url = 'https://' + url;
    try {
      const parsed = new URL(url);
      if (!parsed.hostname.includes('.')) continue;
    } catch {
      continue;
    }
    if (!found.includes(url)) found.push(url);
  }
  return found;
}

/** Merges `b` into `a` (same normalised title): nothing is lost, the first-seen title and text win. */
function merge(a: CorpusPaper, b: Entry, warn: (w: ParseWarning) => void): void {
  a.sources.push(b.source);
  if (!a.abstract && b.abstract) a.abstract = b.abstract;
  else if (b.abstract && b.abstract !== a.abstract) {
    if (b.abstract.length > a.abstract.length) a.abstract = b.abstract;
    warn({ ...b.source, message: `duplicate of "${clip(a.title)}" has a different abstract (kept the longer)` });
  }
  if (a.authorCount === undefined && b.authorCount !== undefined) a.authorCount = b.authorCount;
  if (b.published && (!a.published || (a.published.year === undefined && b.published.year !== undefined))) a.published = b.published;
  if (b.upvotes !== undefined && (a.upvotes === undefined || b.upvotes > a.upvotes)) a.upvotes = b.upvotes;
}

/** Parses every seed file and merges duplicates by normalised title, in first-seen order. */
export function parseSeeds(files: SeedFile[]): CorpusParseResult {
  const warnings: ParseWarning[] = [];
  const byKey = new Map<string, CorpusPaper>();
  let entries = 0;
  let duplicatesMerged = 0;
  for (const file of files) {
    const parsed = parseSeedFile(file);
    warnings.push(...parsed.warnings);
    for (const entry of parsed.entries) {
      entries++;
      const key = dedupeKey(entry.title);
      if (!key) {
        warnings.push({ ...entry.source, message: `title "${clip(entry.title)}" has no letters or digits (ignored)` });
        continue;
      }
      const seen = byKey.get(key);
      if (seen) {
        duplicatesMerged++;
        merge(seen, entry, (w) => warnings.push(w));
        continue;
      }
      const paper: CorpusPaper = { id: paperIdFor(key), title: entry.title, abstract: entry.abstract, sources: [entry.source] };
      if (entry.authorCount !== undefined) paper.authorCount = entry.authorCount;
      if (entry.published) paper.published = entry.published;
      if (entry.upvotes !== undefined) paper.upvotes = entry.upvotes;
      byKey.set(key, paper);
    }
  }
  const papers = [...byKey.values()];
  for (const paper of papers) {
    const links = extractLinks(paper.abstract);
    if (links.length) paper.links = links;
  }
  return { papers, warnings, entries, duplicatesMerged };
}
