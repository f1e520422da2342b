/**
 * Where `../shared` is (the team's real pages and the 87k-record data set), when it exists beside the repo.
 * Tests and benchmarks that need it call `sharedPath()` and skip, saying why, when it returns undefined.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SHARED = process.env.PAPERLIGHT_SHARED ?? resolve(REPO_ROOT, '../shared');

export function sharedPath(...parts: string[]): string | undefined {
  const p = resolve(SHARED, ...parts);
  return existsSync(p) ? p : undefined;
}

export const SKIP_NO_SHARED = `skipped: ${SHARED} is absent (it holds the real pages and data this needs)`;
