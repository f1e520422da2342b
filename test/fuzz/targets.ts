/**
 * Every parser Paperlight runs on input it did not write, as a fuzz target (test/fuzz/run.ts): the input it gets
 * (random and mutated real input), and its contract — what "typed errors only" means for that parser:
 *
 * | parser | may | must never |
 * |---|---|---|
 * | seed corpus (parseSeeds) | warn (file, line, message) | throw; yield a paper without an id or title |
 * | BibTeX / CSL-JSON / RIS / backup | return `{ ok: false, error }` whose message starts with its format name and whose line is in the file | throw |
 * | import (planImport on bytes) | return `{ ok: false, error }` named `import:` or a format | throw (FormatError stays inside) |
 * | CSV export | — | throw; write a file papaparse reads back differently |
 * | query syntax (parseQuery + search) | warn in `warnings` | throw; keep more than MAX_QUERY_WORDS words |
 * | page adapters (extract) | return fewer or no entries | throw; return an entry with a malformed id or version |
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parseSeeds } from '../../lib/corpus/parse';
import { parseBibtex, exportBibtex } from '../../lib/formats/bibtex';
import { parseCslJson, exportCslJson } from '../../lib/formats/csl-json';
import { parseRis, exportRis } from '../../lib/formats/ris';
import { parseBackup, exportBackup } from '../../lib/formats/backup';
import { exportCsv, CSV_COLUMNS } from '../../lib/formats/csv';
import { planImport } from '../../lib/formats/import';
import { emptySnapshot } from '../../lib/formats/snapshot';
import { snapshotArb } from '../../lib/formats/testing/arbitraries';
import { cleanLine } from '../../lib/formats/citation-record';
import type { ImportError } from '../../lib/formats/input';
import { MAX_QUERY_WORDS, parseQuery } from '../../lib/search/query';
import { PaperIndex } from '../../lib/search/paper-index';
import { ADAPTERS, FALLBACK_ADAPTER, type SiteAdapter } from '../../entrypoints/papers.content/sites/index';
import { parsePage } from '../fixtures/pages/load-page';
import { REPO_ROOT, sharedPath } from '../shared';
import { mutatedText, randomText, SPECIALS, windowOf } from './mutate';
import { check, type FuzzTarget } from './run';

const read = (...p: string[]) => readFileSync(join(REPO_ROOT, ...p), 'utf8');
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

// ---------------------------------------------------------------------------------------------------------------
// Seed corpus

const seedFiles = readdirSync(join(REPO_ROOT, 'assets/corpus'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => read('assets/corpus', f));

const corpus: FuzzTarget<string> = {
  name: 'seed corpus (lib/corpus/parse.ts)',
  typed: 'warnings only, never a throw',
  input: fc.oneof({ weight: 4, arbitrary: mutatedText(fc.constantFrom(...seedFiles).chain((t) => windowOf(t, 120))) }, { weight: 1, arbitrary: randomText }),
  run(text) {
    const result = parseSeeds([{ name: 'fuzz.txt', text }]);
    const lines = lineCount(text);
    for (const w of result.warnings) {
      check(w.file === 'fuzz.txt' && Number.isInteger(w.line) && w.line >= 1 && w.line <= lines + 1, `warning at an impossible place: ${JSON.stringify(w)}`);
      check(typeof w.message === 'string' && w.message.length > 0, 'warning without a message');
    }
    for (const p of result.papers) {
      check(/^c-[0-9a-f]{14}$/.test(p.id), `paper id ${p.id}`);
      check(p.title.trim().length > 0, 'paper without a title');
    }
  },
  show: (t) => JSON.stringify(t),
};

// ---------------------------------------------------------------------------------------------------------------
// Reading-list formats

function checkImportError(format: string, error: ImportError, text: string) {
  check(typeof error.message === 'string' && error.message.startsWith(`${format}: `), `error not named "${format}: ": ${error.message}`);
  if (error.line !== undefined) check(Number.isInteger(error.line) && error.line >= 1 && error.line <= lineCount(text) + 1, `error line ${error.line} outside the file`);
}

type RecordsResult = { ok: true; records: { title: string; authors: string[] }[] } | { ok: false; error: ImportError };
function checkRecords(format: string, result: RecordsResult, text: string) {
  check(result && typeof result === 'object', 'no result');
  if (!result.ok) return checkImportError(format, result.error, text);
  check(Array.isArray(result.records), 'records is not an array');
  for (const r of result.records) {
    check(typeof r.title === 'string' && r.title.trim().length > 0, `a record without a title: ${JSON.stringify(r).slice(0, 200)}`);
    check(Array.isArray(r.authors) && r.authors.every((a) => typeof a === 'string'), 'authors is not a string array');
  }
}

// Three papers at most: BibTeX parsing costs ~20 ms per case with long notes, and the bench runs 10,000 cases.
const snapshots = snapshotArb({ uniqueArxiv: false }, 3);
const messyBib = read('test/fixtures/formats/messy.bib');

function formatTarget(name: string, format: string, seed: fc.Arbitrary<string>, parse: (text: string) => RecordsResult): FuzzTarget<string> {
  return {
    name,
    typed: `{ ok: false, error } named "${format}: " with a line inside the file; never a throw`,
    input: fc.oneof({ weight: 4, arbitrary: mutatedText(seed) }, { weight: 1, arbitrary: randomText }),
    run: (text) => checkRecords(format, parse(text), text),
    show: (t) => JSON.stringify(t),
  };
}

const bibtex = formatTarget('BibTeX (lib/formats/bibtex.ts)', 'bibtex', fc.oneof(fc.constant(messyBib), snapshots.map((s) => exportBibtex(s))), parseBibtex);
const cslJson = formatTarget(
  'CSL-JSON (lib/formats/csl-json.ts)',
  'csl-json',
  fc.oneof(snapshots.map(exportCslJson), fc.json({ maxDepth: 4 }), fc.array(fc.dictionary(fc.constantFrom('title', 'author', 'issued', 'id', 'type', 'DOI', 'URL', 'keyword', 'note'), fc.jsonValue({ maxDepth: 3 }))).map((a) => JSON.stringify(a))),
  parseCslJson,
);
const ris = formatTarget('RIS (lib/formats/ris.ts)', 'ris', snapshots.map(exportRis), parseRis);

const backup: FuzzTarget<string> = {
  name: 'backup (lib/formats/backup.ts)',
  typed: '{ ok: false, error } named "backup: " with a line inside the file; never a throw',
  input: fc.oneof({ weight: 4, arbitrary: mutatedText(snapshots.map((s) => exportBackup(s))) }, { weight: 1, arbitrary: randomText }),
  run(text) {
    const result = parseBackup(text, emptySnapshot());
    if (!result.ok) return checkImportError('backup', result.error, text);
    for (const table of ['papers', 'lists', 'memberships', 'tags', 'notes'] as const) check(Array.isArray(result.snapshot[table]), `snapshot.${table} is not an array`);
  },
  show: (t) => JSON.stringify(t),
};

const encoder = new TextEncoder();
const anyExport = fc.oneof(snapshots.map((s) => exportBibtex(s)), snapshots.map(exportCslJson), snapshots.map(exportRis), snapshots.map((s) => exportBackup(s)));
const importBytes: FuzzTarget<Uint8Array> = {
  name: 'import, any file (lib/formats/import.ts planImport)',
  typed: '{ ok: false, error } named "import:" or by its format; never a throw',
  input: fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }),
    mutatedText(anyExport).map((t) => encoder.encode(t)),
    // UTF-16 with a byte-order mark, and a BOM before UTF-8: files saved by Windows tools.
    mutatedText(anyExport).map((t) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(t, (c) => c.charCodeAt(0)).buffer)])),
    mutatedText(anyExport).map((t) => new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(t)])),
  ),
  run(bytes) {
    const plan = planImport(emptySnapshot(), bytes, 'auto', { now: 1_700_000_000_000 });
    if (!plan.ok) check(/^(import|bibtex|csl-json|ris|backup): /.test(plan.error.message), `error not named: ${plan.error.message}`);
    else check(plan.preview.new + plan.preview.present >= 0 && Array.isArray(plan.apply.papers), 'a plan without papers');
  },
  show: (b) => JSON.stringify(new TextDecoder().decode(b)),
};

const csv: FuzzTarget<ReturnType<typeof emptySnapshot>> = {
  name: 'CSV export (lib/formats/csv.ts; Paperlight reads no CSV)',
  typed: 'never a throw; papaparse reads back one row per paper with every column',
  input: snapshotArb({ uniqueArxiv: false }, 6),
  run(snapshot) {
    const text = exportCsv(snapshot);
    const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
    check(parsed.errors.length === 0, `papaparse: ${parsed.errors[0]?.message}`);
    const rows = parsed.data.filter((r) => r.length > 1 || r[0] !== '');
    check(rows.length === snapshot.papers.length + 1, `${rows.length - 1} rows for ${snapshot.papers.length} papers`);
    check(rows.every((r) => r.length === CSV_COLUMNS.length), 'a row with a missing or extra column');
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    snapshot.papers.forEach((paper, i) => {
      const row = rows[i + 1]!;
      check(row[column('id')] === paper.id, `row ${i + 1} reads back id ${JSON.stringify(row[column('id')])}, not ${JSON.stringify(paper.id)}`);
      // A cell that a spreadsheet would run as a formula is written with a leading ' (see csv.ts).
      const title = cleanLine(paper.title);
      check(row[column('title')] === (/^[=+\-@\t\r]/.test(title) ? `'${title}` : title), `row ${i + 1} reads back another title: ${JSON.stringify(row[column('title')])}`);
    });
  },
  show: (s) => JSON.stringify(s).slice(0, 400),
};

// ---------------------------------------------------------------------------------------------------------------
// Query syntax

let searchIndex: PaperIndex | undefined;
const index = () =>
  (searchIndex ??= PaperIndex.build(
    parseSeeds([{ name: '000.txt', text: seedFiles[0]! }]).papers.slice(0, 200).map((p, i) => ({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      ...(i % 3 === 0 ? { saved: true, tags: ['to-cite', 'moe'], status: 'reading' as const, lists: ['reading-list', 'Reading list'], notes: 'A note' } : {}),
    })),
  ));
const QUERY_PIECES = ['tag:', 'list:', 'status:', 'year:', 'is:', 'saved', 'read', 'to-read', '"', '\u201c', '\u201d', '-', '..', '2020', '1999..2030', 'scaling', 'laws', 'transformer', ' ', '  ', 'moe', 'x:', ':', '*', '(', '\\', '.', '?'];
const query: FuzzTarget<string> = {
  name: 'query syntax (lib/search/query.ts, with search)',
  typed: 'warnings in the parsed query only, never a throw',
  input: fc.oneof(
    fc.array(fc.oneof(fc.constantFrom(...QUERY_PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((a) => a.join('')),
    randomText,
    mutatedText(fc.constantFrom('scaling laws "mixture of experts" -vision tag:moe list:to-cite status:to-read year:2020..2023 is:saved', 'list:"Reading list" -"neural" year:2019..')),
  ),
  run(raw) {
    const parsed = parseQuery(raw);
    check(parsed.words.length <= MAX_QUERY_WORDS, `${parsed.words.length} free words kept, over MAX_QUERY_WORDS`);
    check(Array.isArray(parsed.warnings), 'warnings is not an array');
    const result = index().search(raw, { limit: 10 });
    check(result.hits.length <= 10, 'more hits than the limit');
  },
  show: (t) => JSON.stringify(t),
};

// ---------------------------------------------------------------------------------------------------------------
// Page adapters

interface PageSeed {
  html: string;
  url: string;
}
const own = (file: string, url: string): PageSeed => ({ html: read('test/fixtures/pages', file), url });
const shared = (file: string, url: string): PageSeed[] => {
  const p = sharedPath('fixtures', 'pages', file);
  return p ? [{ html: readFileSync(p, 'utf8'), url }] : [];
};
export const USES_SHARED_PAGES = !!sharedPath('fixtures', 'pages');

const PAGES: Record<string, PageSeed[]> = {
  'arxiv-listing': [
    own('arxiv-list-2023.html', 'https://arxiv.org/list/cs.LG/new'),
    own('arxiv-list-2024.html', 'https://arxiv.org/list/cs.LG/pastweek'),
    own('arxiv-list-empty.html', 'https://arxiv.org/list/cs/9101'),
    ...shared('arxiv-list/list-astro-ph-pastweek-show1000-2024-11-browser-saved-mathjax.html', 'https://arxiv.org/list/astro-ph/pastweek?show=1000'),
    ...shared('arxiv-list/list-cs-9101-empty-2023.html', 'https://arxiv.org/list/cs/9101'),
  ],
  'arxiv-abs': [
    own('arxiv-abs.html', 'https://arxiv.org/abs/2402.00001'),
    own('arxiv-abs-old.html', 'https://arxiv.org/abs/hep-th/9901001'),
    ...shared('arxiv-abs/abs-1902.02534v2-head-only-2023.html', 'https://arxiv.org/abs/1902.02534'),
    ...shared('arxiv-abs/abs-2609.22268v1-2026-09-transcribed.html', 'https://arxiv.org/abs/2609.22268'),
  ],
  'arxiv-search': [
    own('arxiv-search.html', 'https://arxiv.org/search/?query=scaling+laws&searchtype=all'),
    ...shared('arxiv-search/search-abstract-distributed-systems-200-2025-12.html', 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&size=200'),
  ],
  'arxiv-html': [
    own('arxiv-html.html', 'https://arxiv.org/html/2312.17276v1'),
    ...shared('arxiv-html/ar5iv-1706.03762-attention.html', 'https://ar5iv.labs.arxiv.org/html/1706.03762'),
    ...shared('arxiv-html/html-2608.30667v1-conversion-failed.html', 'https://arxiv.org/html/2608.30667v1'),
  ],
  'hf-paper': [own('hf-paper.html', 'https://huggingface.co/papers/2109.07740'), ...shared('hf-paper/hf-paper-2509.24002-2025-10-bs4-prettified.html', 'https://huggingface.co/papers/2509.24002')],
  'hf-papers': [own('hf-daily.html', 'https://huggingface.co/papers'), own('hf-search.html', 'https://huggingface.co/papers?q=diffusion')],
};
PAGES['paper-links'] = [...Object.values(PAGES).flat(), ...shared('other/scholar-search-2016-05.html', 'https://scholar.google.com/scholar?q=attention')];

/** Pages above this are cut to their first 3 KB (the head's start) plus a random 12 KB window of the body. */
const WHOLE_PAGE = 20_000;
function pageText(seed: PageSeed): fc.Arbitrary<string> {
  if (seed.html.length <= WHOLE_PAGE) return fc.constant(seed.html);
  return fc.nat({ max: seed.html.length - 1 }).map((start) => seed.html.slice(0, 3_000) + seed.html.slice(start, start + 12_000));
}

type DomEdit = { op: 'remove' | 'duplicate' | 'emptyText' | 'setText' | 'setHref' | 'setContent' | 'unwrap'; at: number; text: string };
const domEdit: fc.Arbitrary<DomEdit> = fc.record({
  op: fc.constantFrom('remove', 'duplicate', 'emptyText', 'setText', 'setHref', 'setContent', 'unwrap'),
  at: fc.nat({ max: 100_000 }),
  text: fc.oneof(fc.constantFrom(...SPECIALS, '/abs/', '/abs/2401.1234v0', '/papers/', 'https://arxiv.org/abs/hep-th/99', 'javascript:alert(1)', ''), fc.string({ maxLength: 20 })),
});

function applyDomEdit(doc: Document, e: DomEdit) {
  const all = doc.querySelectorAll('*');
  if (all.length === 0) return;
  const el = all[e.at % all.length]!;
  switch (e.op) {
    case 'remove':
      el.remove();
      break;
    case 'duplicate':
      el.after(el.cloneNode(true));
      break;
    case 'emptyText':
      el.textContent = '';
      break;
    case 'setText':
      el.textContent = e.text;
      break;
    case 'setHref':
      el.setAttribute('href', e.text);
      break;
    case 'setContent':
      el.setAttribute('content', e.text);
      break;
    case 'unwrap':
      el.replaceWith(...Array.from(el.childNodes));
      break;
  }
}

const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Za-z-]+)?\/\d{7})$/;
function adapterTarget(adapter: SiteAdapter): FuzzTarget<{ html: string; url: string; edits: DomEdit[] }> {
  const seeds = PAGES[adapter.name]!;
  return {
    name: `page adapter ${adapter.name} (entrypoints/papers.content/sites)`,
    typed: 'fewer or no entries; never a throw, never a malformed id or version',
    input: fc
      .constantFrom(...seeds)
      .chain((seed) => fc.record({ html: mutatedText(pageText(seed), 4), url: fc.constant(seed.url), edits: fc.array(domEdit, { maxLength: 6 }) })),
    prepare({ html, url, edits }) {
      const doc = parsePage(html);
      for (const e of edits) applyDomEdit(doc, e);
      return { doc, url: new URL(url) };
    },
    run(prepared) {
      const { doc, url } = prepared as unknown as { doc: Document; url: URL };
      const refs = adapter.extract(doc, url);
      check(Array.isArray(refs), 'not an array');
      for (const ref of refs) {
        check(typeof ref.title === 'string', 'title is not a string');
        check(ref.id === null || ARXIV_ID.test(ref.id), `malformed id ${JSON.stringify(ref.id)}`);
        check(ref.version === null || (Number.isInteger(ref.version) && ref.version >= 1), `malformed version ${ref.version}`);
        check(ref.authors === undefined || (Array.isArray(ref.authors) && ref.authors.every((a) => typeof a === 'string')), 'authors');
        check(!!ref.element && ref.element.nodeType === 1, 'no element to mark');
      }
    },
    show: ({ html, url, edits }) => JSON.stringify({ url, edits, html: html.slice(0, 200) }),
  };
}

export const PARSER_TARGETS: FuzzTarget<never>[] = [corpus, bibtex, cslJson, ris, backup, importBytes, csv, query] as FuzzTarget<never>[];
export const ADAPTER_TARGETS: FuzzTarget<never>[] = [...ADAPTERS, FALLBACK_ADAPTER].map(adapterTarget) as FuzzTarget<never>[];
export const ALL_TARGETS = [...PARSER_TARGETS, ...ADAPTER_TARGETS];
