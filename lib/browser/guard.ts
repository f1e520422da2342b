/**
 * The background's gate: who may send which message, with which payload. Every handler registered through
 * background's `handle()` passes here first; anything else is refused with a MessageRefused whose `code` says why
 * (it crosses the message channel: @webext-core/messaging serialises an error's own fields).
 */
import { CONTENT_SCRIPT_MESSAGES, senderKind, type ProtocolMap } from './messages';
import { assertPayload, PayloadError, PAYLOADS } from './payload';

export type RefusalCode =
  /** Not our extension, or our id from a page we do not run on (no tab, a host we do not serve, plain http). */
  | 'foreign-sender'
  /** Our content script asking for what only the extension's own pages may do (export, import, delete, …). */
  | 'not-for-content-scripts'
  /** A type the protocol does not have. */
  | 'unknown-message'
  /** The payload does not have the shape the message takes. */
  | 'malformed-payload';

export class MessageRefused extends Error {
  override name = 'MessageRefused';
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  origin?: string;
}

/**
 * Throws a MessageRefused unless `sender` may send `type` with `data`; otherwise says who the sender is (the
 * highlight handlers also check that a content script touches only its own page's paper). `ownId`/`ownOrigin` as
 * for senderKind.
 */
export function checkMessage(type: string, sender: Sender, data: unknown, ownId: string, ownOrigin: string): 'extension-page' | 'content-script' {
  const kind = senderKind(sender, ownId, ownOrigin);
  if (kind === 'foreign') throw new MessageRefused('foreign-sender', `background: "${type}" refused: the sender is not Paperlight's own page or content script`);
  if (!Object.hasOwn(PAYLOADS, type)) throw new MessageRefused('unknown-message', `background: unknown message "${type}"`);
  const known = type as keyof ProtocolMap;
  if (kind === 'content-script' && !CONTENT_SCRIPT_MESSAGES.has(known)) {
    throw new MessageRefused('not-for-content-scripts', `background: "${type}" refused from a content script (only the extension's own pages may ask for it)`);
  }
  try {
    assertPayload(known, data);
  } catch (error) {
    if (error instanceof PayloadError) throw new MessageRefused('malformed-payload', error.message);
    throw error;
  }
  return kind;
}
