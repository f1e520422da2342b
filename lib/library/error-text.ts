/**
 * What to show a reader for a failure: the error's own message (the background's errors are written as sentences
 * for the reader, e.g. STORAGE_FULL_MESSAGE), or the thrown value as text when it is not an Error.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
