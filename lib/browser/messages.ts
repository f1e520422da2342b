/**
 * The one typed message protocol between the extension's pages, its content script and the background.
 * Each message takes one `data` object and returns a value; the background checks who sent it
 * (see `senderKind`) before acting.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';

export type CorpusStatus =
  | { state: 'loading'; done: number; total: number }
  | { state: 'ready'; version: string; count: number }
  | { state: 'error'; error: string; version: string | null; count: number };

export interface ProtocolMap {
  getCorpusStatus(): CorpusStatus;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

/** Hosts whose pages our content script runs on (kept equal to the manifest's host_permissions). */
export const ALLOWED_HOSTS = ['arxiv.org', 'huggingface.co'] as const;

/** Messages a content script may send; everything else is for the extension's own pages only. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<keyof ProtocolMap> = new Set<keyof ProtocolMap>(['getCorpusStatus']);

interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  origin?: string;
}

/**
 * Who sent a message: our own extension page, our content script on an allowed host, or someone to refuse.
 * `ownId` and `ownOrigin` are passed in (browser.runtime.id / getURL('')) so this stays testable in Node.
 */
export function senderKind(sender: SenderLike, ownId: string, ownOrigin: string): 'extension-page' | 'content-script' | 'foreign' {
  if (sender.id !== ownId) return 'foreign';
  const url = sender.url ?? '';
  if (!sender.tab && url.startsWith(ownOrigin)) return 'extension-page';
  // Our own pages can also live in a tab (the library page): still ours by URL.
  if (sender.tab && url.startsWith(ownOrigin)) return 'extension-page';
  if (sender.tab && isAllowedPage(url)) return 'content-script';
  return 'foreign';
}

export function isAllowedPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return (ALLOWED_HOSTS as readonly string[]).includes(parsed.hostname);
}
