/**
 * The formats run here, off the library page's main thread: a 5,000-entry BibTeX file takes tens of seconds to
 * parse, and neither the page (its main thread must never block for more than 200 ms) nor the background (the
 * service worker answers the popup) should do that work. Comlink gives the page typed calls into this worker.
 */
import { expose } from 'comlink';
import { EXPORT_FILE_TYPES, exportSnapshot, type ExportFormat } from '@/lib/formats/export';
import { planImport, type ImportPlan } from '@/lib/formats/import';
import { selectList, type LibrarySnapshot } from '@/lib/formats/snapshot';

export interface ExportedFile {
  text: string;
  extension: string;
  mediaType: string;
  count: number;
}

const formats = {
  exportFile(snapshot: LibrarySnapshot, format: ExportFormat, listId?: string): ExportedFile {
    const chosen = listId ? selectList(snapshot, listId) : snapshot;
    const type = EXPORT_FILE_TYPES[format];
    return { text: exportSnapshot(chosen, format), extension: type.extension, mediaType: type.mediaType, count: chosen.papers.length };
  },
  plan(snapshot: LibrarySnapshot, bytes: Uint8Array): ImportPlan {
    return planImport(snapshot, bytes);
  },
};

export type FormatsWorker = typeof formats;

expose(formats);
