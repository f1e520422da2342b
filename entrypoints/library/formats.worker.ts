/**
 * The formats run here, off the library page's main thread: a 5,000-entry BibTeX file takes tens of seconds to
 * parse, and neither the page (its main thread must never block for more than 200 ms) nor the background (the
 * service worker answers the popup) should do that work. Comlink gives the page typed calls into this worker.
 */
import { expose } from 'comlink';
import { EXPORT_FILE_TYPES, exportSnapshot, type ExportFormat } from '@/lib/formats/export';
import { planImport, type ImportPlan } from '@/lib/formats/import';
import { selectList, type LibrarySnapshot } from '@/lib/formats/snapshot';
import type { CorpusIdFor } from '@/lib/formats/citation-record';
import type { CorpusAsset } from '@/lib/corpus/types';
import { TitleMatcher } from '@/lib/identity/title-matcher';

/**
 * Imported citations are matched to the bundled corpus by title (the guarded matcher the page marks use), read
 * from the extension's own corpus.json on the first import: ~50 ms for 626 papers, once per library page.
 */
let corpusMatcher: Promise<CorpusIdFor | undefined> | undefined;
function corpusIdFor(): Promise<CorpusIdFor | undefined> {
  corpusMatcher ??= fetch(new URL('/corpus.json', self.location.href))
    .then((res) => (res.ok ? (res.json() as Promise<CorpusAsset>) : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then((asset) => {
      const matcher = new TitleMatcher(asset.papers);
      return (record: { title: string }) => matcher.match(record.title)?.id;
    })
    // Without the corpus an import still works; its papers are just not linked to corpus papers.
    .catch(() => undefined);
  return corpusMatcher;
}

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
  /** `fileName` names the list a citation file's papers go into (its name without the extension). */
  async plan(snapshot: LibrarySnapshot, bytes: Uint8Array, fileName: string): Promise<ImportPlan> {
    const listName = fileName.replace(/\.[^.]+$/, '') || fileName;
    return planImport(snapshot, bytes, 'auto', { corpusIdFor: await corpusIdFor(), listName });
  },
};

export type FormatsWorker = typeof formats;

expose(formats);
