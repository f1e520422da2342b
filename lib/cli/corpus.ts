/**
 * `npm run corpus [-- --json] [-- --dir DIR]`: the seed parser checked from outside.
 * Prints one summary line, or with --json the papers as a JSON array. Warnings go to stderr.
 */
import { buildCorpus, SEED_DIR } from '../corpus/build';

const args = process.argv.slice(2);
const dirIndex = args.indexOf('--dir');
const dir = dirIndex >= 0 && args[dirIndex + 1] ? args[dirIndex + 1]! : SEED_DIR;
const { result, asset } = buildCorpus(dir);

for (const w of result.warnings) process.stderr.write(`corpus: ${w.file}:${w.line}: ${w.message}\n`);
if (args.includes('--json')) {
  process.stdout.write(JSON.stringify(result.papers) + '\n');
} else {
  process.stdout.write(
    `entries: ${result.entries}, papers: ${result.papers.length}, duplicates merged: ${result.duplicatesMerged}, warnings: ${result.warnings.length} (version ${asset.version})\n`,
  );
}
