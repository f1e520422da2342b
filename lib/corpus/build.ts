/**
 * Node-side: reads the seed files from `assets/corpus/` and turns them into the compact asset the extension
 * ships. Used by `wxt.config.ts` at build time, by `npm run corpus` and by the benchmarks, so all three see the
 * same corpus.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractLinks, parseSeeds, type SeedFile } from './parse';
import { dedupeKey, paperIdFor } from './key';
import type { CorpusAsset, CorpusPaper, CorpusParseResult } from './types';

export const SEED_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../assets/corpus');

export function readSeedFiles(dir = SEED_DIR): SeedFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The corpus version is a content hash of the parsed papers: same seeds and parser → same version. */
export function toAsset(result: CorpusParseResult): CorpusAsset {
  const body = JSON.stringify(result.papers);
  const version = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { version, count: result.papers.length, papers: result.papers };
}

export function buildCorpus(dir = SEED_DIR): { result: CorpusParseResult; asset: CorpusAsset } {
  const result = parseSeeds(readSeedFiles(dir));
  return { result, asset: toAsset(result) };
}

/**
 * Extra records for scale runs: a JSONL file (optionally .gz) of `{title, abstract, authors}` objects, such as
 * ../shared/data/paperlists-abstracts.jsonl.gz. Records whose title is already present (by dedupe key) are
 * skipped, so the result can be appended to the seed corpus as is.
 */
export function readJsonlPapers(path: string, existing: Iterable<CorpusPaper> = []): CorpusPaper[] {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const seen = new Set<string>();
  for (const p of existing) seen.add(dedupeKey(p.title));
  const papers: CorpusPaper[] = [];
  const file = path.split('/').pop() ?? path;
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let record: { title?: unknown; abstract?: unknown; authors?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      throw new Error(`corpus: ${file}:${i + 1}: not a JSON object`);
    }
    if (typeof record.title !== 'string' || !record.title.trim()) return;
    const key = dedupeKey(record.title);
    if (!key || seen.has(key)) return;
    seen.add(key);
    const abstract = typeof record.abstract === 'string' ? record.abstract : '';
    const paper: CorpusPaper = { id: paperIdFor(key), title: record.title.trim(), abstract, sources: [{ file, line: i + 1 }] };
    if (Array.isArray(record.authors) && record.authors.length) paper.authors = record.authors.filter((a): a is string => typeof a === 'string');
    const links = extractLinks(abstract);
    if (links.length) paper.links = links;
    papers.push(paper);
  });
  return papers;
}
