/**
 * The reader's settings, in extension storage (shared by the library page, which edits them, and the content
 * script, which reads them). WXT's storage items give each a typed key and a default.
 */
import { storage } from 'wxt/utils/storage';

/** Keyboard triage (j/k/s/r/n/?) on arXiv and Hugging Face listings. @default true */
export const triageKeysSetting = storage.defineItem<boolean>('local:triageKeys', { fallback: true });
