/**
 * `npm run bench`: every benchmark section in this folder (`*.bench.ts`, each exporting a default async function
 * that prints its own table), run one after another in one process so ratios within a run are comparable.
 * `npm run bench -- search corpus` runs only the named sections.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const sections = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => only.length === 0 || only.includes(f.replace('.bench.ts', '')));

console.log(`Paperlight benchmarks — ${new Date().toISOString()} — node ${process.version}, ${sections.length} section(s)`);
for (const file of sections) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const mod = (await import(`./${file}`)) as { default: () => Promise<void> };
  await mod.default();
}
