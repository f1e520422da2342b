/**
 * `npm run search -- [--corpus FILE] [QUERY]`: the popup's search, in Node, over the bundled corpus — how the
 * team checks ranking and speed from outside.
 *
 * - With a QUERY: the top 10 as JSON lines `{"title", "score"}`.
 * - Without: one query per stdin line, one JSON line each: `{"query", "ms", "results": [{"title", "score"}]}`,
 *   where `ms` times that search alone (parsing, ranking, snippets; not reading the line or printing).
 * - `--corpus FILE` first adds the records of a JSONL or .jsonl.gz file of `{title, abstract, authors}` (titles
 *   already in the corpus are skipped as duplicates).
 *
 * stdout carries JSON only; progress and errors go to stderr.
 */
import { createInterface } from 'node:readline';
import { buildCorpus, readJsonlPapers } from '../corpus/build';
import { corpusToDocs, PaperIndex } from '../search/index';
import { errorText } from '../library/error-text';

const LIMIT = 10;

function usage(message: string): never {
  process.stderr.write(`search: ${message}\nusage: npm run search -- [--corpus FILE.jsonl[.gz]] [QUERY]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let corpusFile: string | undefined;
const words: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--corpus') {
    corpusFile = args[++i];
    if (!corpusFile) usage('--corpus needs a file');
  } else if (args[i] === '--') {
    words.push(...args.slice(i + 1));
    break;
  } else {
    words.push(args[i]!);
  }
}

const started = performance.now();
const seeds = buildCorpus().asset.papers;
let papers = seeds;
if (corpusFile) {
  try {
    papers = [...seeds, ...readJsonlPapers(corpusFile, seeds)];
  } catch (error) {
    usage(`cannot read ${corpusFile}: ${errorText(error)}`);
  }
}
const index = PaperIndex.build(corpusToDocs(papers));
papers = [];
process.stderr.write(`search: ${index.size} papers indexed in ${Math.round(performance.now() - started)} ms\n`);

const results = (query: string) =>
  index.search(query, { limit: LIMIT }).hits.map((hit) => ({ title: hit.title, score: hit.score }));

if (words.length > 0) {
  for (const result of results(words.join(' '))) process.stdout.write(JSON.stringify(result) + '\n');
} else {
  warmUp();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const query = line.replace(/\r$/, '');
    const t = performance.now();
    const hits = index.search(query, { limit: LIMIT }).hits;
    const ms = performance.now() - t;
    const payload = { query, ms: Math.round(ms * 1000) / 1000, results: hits.map((hit) => ({ title: hit.title, score: hit.score })) };
    process.stdout.write(JSON.stringify(payload) + '\n');
  }
}

/**
 * Runs a few dozen searches built from the index's own titles before the first timed one, so `ms` measures the
 * search and not V8 compiling it (a popup that has answered one keystroke is in the same state).
 */
function warmUp(): void {
  const probe = index.search('learning model', { limit: 40 }).hits.map((h) => h.title);
  for (const title of probe) {
    const words = title.split(/\s+/);
    index.search(title, { limit: LIMIT });
    index.search(words.slice(0, 2).join(' ').slice(0, -2), { limit: LIMIT });
    index.search(`"${words.slice(0, 2).join(' ')}" -${words[words.length - 1]} year:2020..2025`, { limit: LIMIT });
  }
}
