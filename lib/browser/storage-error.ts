/**
 * Storage failures the user must hear about, in words. IndexedDB reports a full disk or an exhausted quota as a
 * QuotaExceededError, and Dexie rarely passes it on as is: a transaction aborted by the browser rejects with a
 * Dexie.AbortError whose `inner` is the QuotaExceededError (dexie.mjs: `new exceptions.Abort(idbtrans.error)`),
 * a bulk write rejects with a Dexie.BulkError listing per-row `failures`, and a DOMException may sit in `cause`.
 */

/** The browser refused to store more for us; the transaction rolled back, so nothing was half-written. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

export const STORAGE_FULL_MESSAGE =
  'Storage is full: the browser refused to store more for Paperlight, so this change was not saved (nothing else was changed). Free disk space or remove papers you no longer need, then try again';

/** True when `error`, or any error it wraps (Dexie's inner, BulkError failures, cause), is a quota error. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** The error a failed write should reach the UI as: quota errors become a StorageFullError; others pass. */
export function storageFailure(error: unknown, blocked?: Error | null): unknown {
  if (error instanceof StorageFullError) return error;
  if (isQuotaError(error)) return new StorageFullError(STORAGE_FULL_MESSAGE, { cause: error });
  // A write that waited on an upgrade blocked by an old page gets the reason, not Dexie's bare "closed".
  if (blocked && (error as { name?: unknown } | null)?.name === 'DatabaseClosedError') return blocked;
  return error;
}
