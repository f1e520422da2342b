/**
 * For unit tests of the background entrypoint on WXT's fakeBrowser: delivers a message as Chromium would, on
 * runtime.onMessage in @webext-core/messaging's envelope, with `sender`, answered through sendResponse.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProtocolMap } from '@/lib/browser/messages';

let seq = 0;

export async function deliver<K extends keyof ProtocolMap>(type: K | string, data: unknown, sender: object): Promise<{ res?: unknown; err?: Error & { code?: string } }> {
  let respond!: (answer: unknown) => void;
  const answered = new Promise<unknown>((r) => (respond = r));
  await fakeBrowser.runtime.onMessage.trigger({ id: seq++, type, data, timestamp: Date.now() }, sender as never, respond);
  // The error as it crosses the channel (@webext-core/messaging serialises name, message and own fields).
  return (await answered) as { res?: unknown; err?: Error & { code?: string } };
}
