import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildCorpus, readJsonlPapers, toAsset } from './lib/corpus/build';

// Parse the seeds once per build: the browser only ever sees the compact asset, never seed text.
let corpus = buildCorpus();
// Scale benchmarks only (never shipped): PAPERLIGHT_EXTRA_CORPUS=file.jsonl.gz appends real records to the asset.
const extra = process.env.PAPERLIGHT_EXTRA_CORPUS;
if (extra) {
  const result = { ...corpus.result, papers: [...corpus.result.papers, ...readJsonlPapers(extra, corpus.result.papers)] };
  corpus = { result, asset: toAsset(result) };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  publicDir: 'assets/public',
  ...(process.env.PAPERLIGHT_OUT_DIR ? { outDir: process.env.PAPERLIGHT_OUT_DIR } : {}),
  manifest: ({ browser }) => ({
    name: 'Paperlight',
    // Update tests only: a build with a higher version, installed over an older one from the same folder.
    ...(process.env.PAPERLIGHT_VERSION ? { version: process.env.PAPERLIGHT_VERSION } : {}),
    description: 'Search, keep and annotate machine-learning papers on arXiv and Hugging Face.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: ['https://arxiv.org/*', 'https://huggingface.co/*'],
    // The library page doubles as the options page (its Settings section).
    options_ui: { page: 'library.html#settings', open_in_tab: true },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open Paperlight search' },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'paperlight@paperlight.dev' } } } : {}),
  }),
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    define: { __CORPUS_VERSION__: JSON.stringify(corpus.asset.version) },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'corpus.json', contents: JSON.stringify(corpus.asset) });
    },
  },
});
