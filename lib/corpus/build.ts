/**
 * Node-side: reads the seed files from `assets/corpus/` and turns them into the compact asset the extension
 * ships. Used by `wxt.config.ts` at build time, by `npm run corpus` and by the benchmarks, so all three see the
 * same corpus.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSeeds, type SeedFile } from './parse';
import type { CorpusAsset, CorpusParseResult } from './types';

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
