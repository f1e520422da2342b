/**
 * `npm run bench -- search`: the search index against a plain scan, side by side, on the seed corpus and on
 * the seeds plus the 87k real records of ../shared (those rows are skipped, saying why, when it is absent).
 *
 * - index: lib/search's PaperIndex, as the popup uses it (limit 10, snippets included).
 * - scan: every query word must be a substring of the lower-cased title + authors; results in corpus order, no
 *   ranking, no typo tolerance. What a search box without an index does.
 *
 * Columns: build ms; serialised size and load ms (fromJSON) for the index; heap MB of the loaded structure;
 * query p50/p95 in ms for whole words, prefixes and typos; top-1/top-5 on test/ranking-set.json.
 * Latency workloads are the ranking set's queries of each kind plus generated ones (seeded, so every run times the
 * same queries): titles cut mid-word, titles with one or two typos, words picked from titles.
 *
 * - minisearch: MiniSearch 7.2 itself, tuned the way its docs suggest for search-as-you-type (title boosted, prefix
 *   only on the last word, fuzzy only on words of 5+ letters, AND first then OR, only the title stored). It is
 *   here because the project's stack names MiniSearch and this measurement is why the popup's index is not it.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildCorpus, readJsonlPapers } from '../../lib/corpus/build';
import type { CorpusPaper } from '../../lib/corpus/types';
import { evaluateRanking, type RankingCase } from '../../lib/search/evaluate';
import { corpusToDocs, PaperIndex, type SearchDoc } from '../../lib/search/index';
import { REPO_ROOT, sharedPath, SKIP_NO_SHARED } from '../shared';
import MiniSearch from 'minisearch';
import { percentile } from './stats';

/** Timed passes over each workload, after WARM_UP untimed ones (the JIT compiles the hot paths in the first). */
const ROUNDS = 5;
const WARM_UP = 2;

/** `gc()` without asking the caller for --expose-gc. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const gc = collectGarbage();
function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

interface Engine {
  name: string;
  /** Titles, best first. */
  search(query: string): string[];
  /** Timed passes over each workload. @default ROUNDS (MiniSearch at 88k gets one: each pass takes minutes) */
  rounds?: number;
}

interface Row {
  corpus: string;
  engine: string;
  docs: number;
  buildMs: number;
  sizeMB?: number;
  loadMs?: number;
  heapMB: number;
  latency: Record<Workload, { p50: number; p95: number }>;
  top1: number;
  top5: number;
}

type Workload = 'words' | 'prefixes' | 'typos';

export default async function searchBench(): Promise<void> {
  const set = JSON.parse(readFileSync(`${REPO_ROOT}/test/ranking-set.json`, 'utf8')) as { queries: RankingCase[] };
  const seeds = buildCorpus().asset.papers;
  const rows: Row[] = [];
  rows.push(...measure('seeds', seeds, set.queries));

  const extra = sharedPath('data', 'paperlists-abstracts.jsonl.gz');
  if (extra) {
    let papers: CorpusPaper[] | undefined = [...seeds, ...readJsonlPapers(extra, seeds)];
    rows.push(...measure('seeds+87k', papers, set.queries));
    papers = undefined;
  } else {
    console.log(`seeds+87k rows ${SKIP_NO_SHARED}`);
  }
  printTable(rows);
  printGoals(rows);
}

/** The goals of the search issue, checked against this run. */
function printGoals(rows: Row[]): void {
  const workloads: Workload[] = ['words', 'prefixes', 'typos'];
  for (const corpus of new Set(rows.map((r) => r.corpus))) {
    const index = rows.find((r) => r.corpus === corpus && r.engine === 'index')!;
    const scan = rows.find((r) => r.corpus === corpus && r.engine === 'scan')!;
    const checks: [string, boolean][] = [[`top-1 ≥ 97% (${(100 * index.top1).toFixed(1)}%), top-5 100% (${(100 * index.top5).toFixed(1)}%)`, index.top1 >= 0.97 && index.top5 === 1]];
    if (corpus === 'seeds') {
      const worst = Math.max(...workloads.map((w) => index.latency[w].p95));
      checks.push([`p95 ≤ 2 ms (worst workload ${worst.toFixed(2)} ms)`, worst <= 2]);
    } else {
      const ratios = workloads.map((w) => index.latency[w].p95 / scan.latency[w].p95);
      checks.push([`p95 ≤ 25% of the scan's, per workload (${ratios.map((r, i) => `${workloads[i]} ${(100 * r).toFixed(0)}%`).join(', ')})`, Math.max(...ratios) <= 0.25]);
      checks.push([`heap ≤ 200 MB (${index.heapMB.toFixed(0)} MB)`, index.heapMB <= 200]);
    }
    for (const [what, met] of checks) console.log(`${corpus}: ${met ? 'met' : 'NOT MET'}: ${what}`);
  }
}

function measure(corpus: string, papers: readonly CorpusPaper[], rankingSet: readonly RankingCase[]): Row[] {
  const workloads = latencyWorkloads(papers, rankingSet);
  const rows: Row[] = [];

  // The index: build, serialise, then measure a fresh load, as the background does after a restart.
  let docs: SearchDoc[] | undefined = corpusToDocs(papers);
  let started = performance.now();
  let built: PaperIndex | undefined = PaperIndex.build(docs);
  const buildMs = performance.now() - started;
  // Heap of the loaded index = heap after loading, minus what was there before its JSON text existed.
  const beforeJson = heapMB();
  let json: string | undefined = built.toJSON();
  const jsonHeap = heapMB() - beforeJson;
  const sizeMB = json.length / 1e6;
  built = undefined;
  docs = undefined;
  const baseline = heapMB() - jsonHeap;
  started = performance.now();
  const index = PaperIndex.fromJSON(json);
  const loadMs = performance.now() - started;
  json = undefined;
  const indexHeap = heapMB() - baseline;
  rows.push(
    run(corpus, papers.length, { name: 'index', search: (q) => index.search(q, { limit: 10 }).hits.map((h) => h.title) }, workloads, rankingSet, {
      buildMs,
      sizeMB,
      loadMs,
      heapMB: indexHeap,
    }),
  );

  const scanBefore = heapMB();
  started = performance.now();
  const scan = new SubstringScan(papers);
  const scanBuildMs = performance.now() - started;
  const scanHeap = heapMB() - scanBefore;
  rows.push(run(corpus, papers.length, { name: 'scan', search: (q) => scan.search(q, 10) }, workloads, rankingSet, { buildMs: scanBuildMs, heapMB: scanHeap }));

  const msBefore = heapMB();
  started = performance.now();
  const mini = new MiniSearch<CorpusPaper & { authorsText?: string }>({
    fields: ['title', 'abstract', 'authorsText'],
    storeFields: ['title'],
    extractField: (doc, field) => (field === 'authorsText' ? (doc.authors ?? []).join(' ') : (doc as unknown as Record<string, string>)[field]!),
  });
  mini.addAll(papers);
  const miniBuildMs = performance.now() - started;
  const miniHeap = heapMB() - msBefore;
  const miniOptions = {
    boost: { title: 3 },
    prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  };
  const miniSearch = (q: string) => {
    const and = mini.search(q, { ...miniOptions, combineWith: 'AND' });
    return (and.length ? and : mini.search(q, miniOptions)).slice(0, 10).map((r) => String(r.title));
  };
  const slow = papers.length > 10_000;
  rows.push(run(corpus, papers.length, { name: 'minisearch', search: miniSearch, ...(slow ? { rounds: 1 } : {}) }, workloads, rankingSet, { buildMs: miniBuildMs, heapMB: miniHeap }));
  return rows;
}

function run(
  corpus: string,
  docs: number,
  engine: Engine,
  workloads: Record<Workload, string[]>,
  rankingSet: readonly RankingCase[],
  build: Pick<Row, 'buildMs' | 'sizeMB' | 'loadMs' | 'heapMB'>,
): Row {
  const latency = {} as Row['latency'];
  for (const [name, queries] of Object.entries(workloads) as [Workload, string[]][]) {
    const rounds = engine.rounds ?? ROUNDS;
    for (let round = 0; round < (rounds < ROUNDS ? 0 : WARM_UP); round++) for (const q of queries) engine.search(q);
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const q of queries) {
        const started = performance.now();
        engine.search(q);
        samples.push(performance.now() - started);
      }
    }
    latency[name] = { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
  }
  const quality = evaluateRanking(rankingSet, (q) => engine.search(q));
  return { corpus, engine: engine.name, docs, ...build, latency, top1: quality.top1, top5: quality.top5 };
}

/** The baseline: an AND of substrings over title + authors, in corpus order. */
class SubstringScan {
  private readonly titles: string[];
  private readonly haystacks: string[];

  constructor(papers: readonly CorpusPaper[]) {
    this.titles = papers.map((p) => p.title);
    this.haystacks = papers.map((p) => `${p.title} ${p.authors?.join(' ') ?? ''}`.toLowerCase());
  }

  search(query: string, limit: number): string[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found: string[] = [];
    if (!words.length) return found;
    for (let i = 0; i < this.haystacks.length && found.length < limit; i++) {
      const haystack = this.haystacks[i]!;
      if (words.every((w) => haystack.includes(w))) found.push(this.titles[i]!);
    }
    return found;
  }
}

/**
 * Queries per workload: the ranking set's own, plus ones generated from corpus titles with a fixed seed
 * (whole title words, titles cut mid-word, titles with typos), so each class has enough samples for a p95.
 */
function latencyWorkloads(papers: readonly CorpusPaper[], rankingSet: readonly RankingCase[]): Record<Workload, string[]> {
  const random = seededRandom(20_261_123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const workloads: Record<Workload, string[]> = { words: [], prefixes: [], typos: [] };
  for (const c of rankingSet) {
    workloads[c.kind === 'prefix' ? 'prefixes' : c.kind === 'typo' ? 'typos' : 'words'].push(c.query);
  }
  const longWords = (title: string) => title.split(/\s+/).filter((w) => /^[A-Za-z]{6,}$/.test(w));
  for (let n = 0; n < 100; n++) {
    const words = pick(papers).title.split(/\s+/).filter(Boolean);
    const k = Math.min(words.length, 2 + Math.floor(random() * 3));
    workloads.words.push(words.slice(0, k).join(' ').toLowerCase());
    const cut = words.slice(0, k);
    const last = cut[k - 1]!;
    cut[k - 1] = last.slice(0, Math.max(3, Math.ceil(last.length * 0.6)));
    workloads.prefixes.push(cut.join(' '));
    const title = pick(papers).title;
    const candidates = longWords(title);
    if (candidates.length) {
      const word = pick(candidates);
      workloads.typos.push(title.replace(word, typo(word.toLowerCase(), random)).toLowerCase());
    }
  }
  return workloads;
}

/** One typo a hurried typist makes: a dropped, swapped, doubled or wrong letter (never the first). */
function typo(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + 'eaoinrst'[Math.floor(random() * 8)] + word.slice(i + 1);
  }
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function printTable(rows: Row[]): void {
  const header = ['corpus', 'engine', 'docs', 'build ms', 'size MB', 'load ms', 'heap MB', 'words p50/p95', 'prefix p50/p95', 'typo p50/p95', 'top-1', 'top-5'];
  const ms = (l: { p50: number; p95: number }) => `${l.p50.toFixed(2)} / ${l.p95.toFixed(2)}`;
  const lines = rows.map((r) => [
    r.corpus,
    r.engine,
    String(r.docs),
    r.buildMs.toFixed(0),
    r.sizeMB === undefined ? '–' : r.sizeMB.toFixed(1),
    r.loadMs === undefined ? '–' : r.loadMs.toFixed(0),
    r.heapMB.toFixed(1),
    ms(r.latency.words),
    ms(r.latency.prefixes),
    ms(r.latency.typos),
    `${(100 * r.top1).toFixed(1)}%`,
    `${(100 * r.top5).toFixed(1)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(format(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const line of lines) console.log(format(line));
}
