/**
 * The background owns the database and answers messages; nothing else. It installs the bundled corpus on
 * install, on update, and on every start (which heals a load the browser interrupted).
 */
import { ensureCorpus, installedCorpus, PaperlightDB } from '@/lib/browser/db';
import { onMessage, senderKind, CONTENT_SCRIPT_MESSAGES, type CorpusStatus, type ProtocolMap } from '@/lib/browser/messages';
import type { CorpusAsset } from '@/lib/corpus/types';

// corpus.json is written by a build hook, so WXT's typed public paths do not list it.
const assetUrl = browser.runtime.getURL as (path: string) => string;

export default defineBackground(() => {
  const db = new PaperlightDB();
  let status: CorpusStatus = { state: 'loading', done: 0, total: 0 };
  let loading: Promise<void> | undefined;

  const fetchAsset = async (): Promise<CorpusAsset> => {
    const res = await fetch(assetUrl('/corpus.json'));
    if (!res.ok) throw new Error(`corpus: could not read the bundled corpus.json (HTTP ${res.status})`);
    return (await res.json()) as CorpusAsset;
  };

  /** Single-flight: onInstalled and start-up both ask, one load runs. */
  const ensure = () =>
    (loading ??= ensureCorpus(db, __CORPUS_VERSION__, fetchAsset, (done, total) => {
      status = { state: 'loading', done, total };
    })
      .then((result) => {
        status = { state: 'ready', version: result.version, count: result.count };
        if (result.status === 'loaded') console.info(`paperlight: corpus ${result.version} loaded, ${result.count} papers in ${result.ms} ms`);
      })
      .catch(async (error: unknown) => {
        const installed = await installedCorpus(db).catch(() => null);
        status = { state: 'error', error: String(error instanceof Error ? error.message : error), version: installed?.version ?? null, count: installed?.count ?? 0 };
        console.error('paperlight:', error);
      })
      .finally(() => {
        loading = undefined;
      }));

  browser.runtime.onInstalled.addListener(() => void ensure());
  void ensure();

  /** Registers a handler that only runs for senders allowed to send that message. */
  function handle<K extends keyof ProtocolMap>(
    type: K,
    run: (data: Parameters<ProtocolMap[K]>[0]) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>,
  ) {
    onMessage(type, async (message) => {
      const kind = senderKind(message.sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (kind === 'foreign' || (kind === 'content-script' && !CONTENT_SCRIPT_MESSAGES.has(type))) {
        throw new Error(`background: "${String(type)}" refused from ${kind} sender`);
      }
      return run(message.data as Parameters<ProtocolMap[K]>[0]);
    });
  }

  handle('getCorpusStatus', () => status);
});
