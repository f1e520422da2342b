/**
 * `npm run bench -- formats`: export and import of a 5,000-paper library with notes in every format, pure, in Node.
 * The library is synthetic but shaped like a real one: arXiv abstracts of about 1,000 characters, 2–8 authors,
 * a Markdown note on every paper, tags, a reading list. Times are one cold-ish run each (after a small warm-up):
 * the point is the order of magnitude per format, not a micro-benchmark.
 */
import { exportBibtex } from '../../lib/formats/bibtex';
import { exportSnapshot, type ExportFormat } from '../../lib/formats/export';
import { planImport, type ImportFormat } from '../../lib/formats/import';
import type { ListMembership, Note } from '../../lib/library/types';
import type { FormatPaper, LibrarySnapshot } from '../../lib/formats/snapshot';

const PAPERS = 5000;

/** Small deterministic PRNG (mulberry32) so every run measures the same library. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'attention transformer diffusion model language learning neural network training data scaling reinforcement ' +
  'policy graph representation contrastive vision benchmark inference optimisation gradient sparse mixture expert ' +
  'retrieval augmented generation alignment preference reward token embedding'
).split(' ');
const NAMES = ['Ashish Vaswani', 'Jonathan Ho', 'Łukasz Kaiser', 'Sven Türpe', 'Jean de la Fontaine', 'Mia Chen', 'Noam Shazeer', 'Aidan N. Gomez'];

function library(): LibrarySnapshot {
  const rand = random(5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const papers: FormatPaper[] = [];
  const notes: Note[] = [];
  const memberships: ListMembership[] = [];
  for (let i = 0; i < PAPERS; i++) {
    const id = `${2300 + (i % 12) + 1}.${String(10000 + i).padStart(5, '0')}`;
    const title = sentence(6 + Math.floor(rand() * 8)).replace(/^./, (c) => c.toUpperCase());
    papers.push({
      id: `arxiv:${id}`,
      arxivId: id,
      title: i % 50 === 0 ? `${title}: 100% {TeX} & more` : title,
      authors: Array.from({ length: 2 + Math.floor(rand() * 7) }, () => pick(NAMES)),
      abstract: Array.from({ length: 8 }, () => sentence(18) + '.').join(' '),
      url: `https://arxiv.org/abs/${id}`,
      year: 2023 + (i % 3),
      primaryClass: pick(['cs.LG', 'cs.CL', 'cs.CV', 'stat.ML']),
      status: pick(['to-read', 'reading', 'read'] as const),
      tags: rand() < 0.5 ? [pick(['llm', 'diffusion', 'rl', 'vision'])] : [],
      addedAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    });
    notes.push({
      id: `n-${i}`,
      paperId: `arxiv:${id}`,
      text: `Key idea: ${sentence(12)}.\n\n- ${sentence(8)}\n- ${sentence(8)} (50% of it)\n\nRead §3 again.`,
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    });
    if (i % 5 === 0) memberships.push({ listId: 'reading-list', paperId: `arxiv:${id}`, addedAt: 1_700_000_000_000 + i });
  }
  const tags = ['llm', 'diffusion', 'rl', 'vision'].map((name) => ({ name, createdAt: 0 }));
  return { papers, lists: [{ id: 'reading-list', name: 'Reading list', createdAt: 0, updatedAt: 0 }], memberships, tags, notes };
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

export default async function formatsBench(): Promise<void> {
  const snapshot = library();
  const empty: LibrarySnapshot = { papers: [], lists: [], memberships: [], tags: [], notes: [] };
  const rows: { format: string; exportMs: number; importMs?: number; mb: number; check: string }[] = [];

  // Warm the parsers and the JIT on a small slice, so the first format measured is not charged for it.
  const warm = { ...snapshot, papers: snapshot.papers.slice(0, 20), notes: snapshot.notes.slice(0, 20), memberships: [] };
  for (const format of ['backup', 'bibtex', 'csl-json', 'ris'] as const) planImport(empty, exportSnapshot(warm, format), format);

  const cases: [label: string, format: ExportFormat, write: () => string][] = [
    ['backup', 'backup', () => exportSnapshot(snapshot, 'backup')],
    ['bibtex', 'bibtex', () => exportSnapshot(snapshot, 'bibtex')],
    ['bibtex, no abstracts', 'bibtex', () => exportBibtex(snapshot, { abstracts: false })],
    ['csl-json', 'csl-json', () => exportSnapshot(snapshot, 'csl-json')],
    ['ris', 'ris', () => exportSnapshot(snapshot, 'ris')],
    ['markdown', 'markdown', () => exportSnapshot(snapshot, 'markdown')],
    ['csv', 'csv', () => exportSnapshot(snapshot, 'csv')],
  ];
  for (const [label, format, write] of cases) {
    const exported = time(write);
    const row: (typeof rows)[number] = { format: label, exportMs: exported.ms, mb: Buffer.byteLength(exported.value) / 1e6, check: '' };
    if (format === 'backup' || format === 'bibtex' || format === 'csl-json' || format === 'ris') {
      const imported = time(() => planImport(empty, exported.value, format as ImportFormat));
      row.importMs = imported.ms;
      row.check = imported.value.ok
        ? `${imported.value.preview.new} papers, ${imported.value.preview.notes} notes`
        : `FAILED: ${imported.value.error.message}`;
    }
    rows.push(row);
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(0)).padStart(9);
  console.log(`${PAPERS} papers, ${snapshot.notes.length} notes (abstracts ~1,000 characters), one run each`);
  console.log(`${pad('format', 22)} ${'export ms'.padStart(9)} ${'import ms'.padStart(9)} ${'size MB'.padStart(8)}  imported`);
  for (const r of rows) console.log(`${pad(r.format, 22)} ${num(r.exportMs)} ${num(r.importMs)} ${r.mb.toFixed(2).padStart(8)}  ${r.check}`);
}
