/**
 * Corpus figures (issue: the corpus in IndexedDB): seed parse time, asset size raw and gzip, install time into
 * IndexedDB in Chromium for the seed corpus (goal ≤ 300 ms) and for seeds + the 87k real records of ../shared/data
 * (goal ≤ 15 s), with the browser's peak memory and the progress the popup showed on the way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCorpus, readSeedFiles } from '../../lib/corpus/build';
import { parseSeeds } from '../../lib/corpus/parse';
import { launchExtension, readRow, waitForCorpus } from '../e2e/harness';
import { REPO_ROOT, sharedPath } from '../shared';
import { median } from './stats';

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Resident memory of every Chromium process (browser, renderers, the extension's worker) in bytes. */
function chromiumRss(): number {
  const out = spawnSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((sum, kbs) => sum + Number(kbs) * 1024, 0);
}

function build(outDir: string, extra?: string): void {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { ...process.env, PAPERLIGHT_OUT_DIR: outDir, ...(extra ? { PAPERLIGHT_EXTRA_CORPUS: extra } : {}) },
  });
}

interface InstallRun {
  count: number;
  idbMs: number;
  launchToReadyMs: number;
  peakRss: number;
  progress: string[];
}

async function installOnce(extensionDir: string, timeoutMs: number): Promise<InstallRun> {
  const started = performance.now();
  const session = await launchExtension({ extensionDir });
  let peakRss = chromiumRss();
  const progress: string[] = [];
  try {
    const page = await session.openPage('popup.html');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      peakRss = Math.max(peakRss, chromiumRss());
      // Only the popup's status line is read while loading: an IndexedDB read of the corpus tables would queue
      // behind the load's transaction and hide the progress.
      const text = (await page.getByRole('status').textContent().catch(() => null)) ?? '';
      if (text && progress[progress.length - 1] !== text) progress.push(text);
      if (/papers in corpus|failed/.test(text)) {
        const launchToReadyMs = performance.now() - started;
        const meta = await waitForCorpus(page);
        const row = await readRow<{ loadMs: number }>(page, 'corpusMeta', 'installed');
        return { count: meta.count, idbMs: row!.loadMs, launchToReadyMs, peakRss, progress };
      }
      if (Date.now() > deadline) throw new Error('bench: corpus not installed in time');
      await page.waitForTimeout(100);
    }
  } finally {
    await session.close();
  }
}

export default async function corpusBench(): Promise<void> {
  // Parse: the whole seed set, median of 20 runs (files read once, outside the timing).
  const files = readSeedFiles();
  const parseMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    parseSeeds(files);
    parseMs.push(performance.now() - t);
  }
  const { asset } = buildCorpus();
  const raw = Buffer.byteLength(JSON.stringify(asset));
  const gz = gzipSync(JSON.stringify(asset)).length;
  console.log(`seed parse (5 files, ${asset.count} papers): median ${median(parseMs).toFixed(1)} ms over 20 runs`);
  console.log(`corpus asset: ${kb(raw)} raw, ${kb(gz)} gzip (version ${asset.version})`);

  const seedDir = resolve(REPO_ROOT, '.tmp/bench-seed');
  build(seedDir);
  const seedRuns: InstallRun[] = [];
  for (let i = 0; i < 3; i++) seedRuns.push(await installOnce(join(seedDir, 'chrome-mv3'), 30_000));
  console.log('\n| install into IndexedDB (Chromium) | papers | IDB transaction | launch → ready | peak browser RSS | goal |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| seeds (median of 3 fresh profiles) | ${seedRuns[0]!.count} | ${median(seedRuns.map((r) => r.idbMs))} ms | ${median(seedRuns.map((r) => r.launchToReadyMs)).toFixed(0)} ms | ${mb(median(seedRuns.map((r) => r.peakRss)))} | ≤ 300 ms |`,
  );

  const data = sharedPath('data', 'paperlists-abstracts.jsonl.gz');
  if (!data) {
    console.log('| seeds + 87k real records | skipped: ../shared/data is absent | | | | ≤ 15 s |');
    rmSync(seedDir, { recursive: true, force: true });
    return;
  }
  const bigDir = resolve(REPO_ROOT, '.tmp/bench-87k');
  build(bigDir, data);
  const bigAsset = readFileSync(join(bigDir, 'chrome-mv3', 'corpus.json'));
  const big = await installOnce(join(bigDir, 'chrome-mv3'), 180_000);
  console.log(
    `| seeds + 87k real records (asset ${mb(bigAsset.length)}) | ${big.count} | ${big.idbMs} ms | ${big.launchToReadyMs.toFixed(0)} ms | ${mb(big.peakRss)} | ≤ 15 s |`,
  );
  console.log(`progress the popup showed during the 87k install (${big.progress.length} distinct lines): ${big.progress.slice(0, 3).join(' · ')} … ${big.progress.slice(-2).join(' · ')}`);
  rmSync(seedDir, { recursive: true, force: true });
  rmSync(bigDir, { recursive: true, force: true });
}
