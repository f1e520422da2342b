/**
 * One entry point for every export format, shared by the library page and `npm run convert`, so what the team
 * checks from the command line is byte-for-byte what the extension writes.
 */
import { exportBackup } from './backup';
import { exportBibtex } from './bibtex';
import { exportCslJson } from './csl-json';
import { exportCsv } from './csv';
import { exportMarkdown } from './markdown';
import { exportRis } from './ris';
import type { LibrarySnapshot } from './snapshot';

export const EXPORT_FORMATS = ['bibtex', 'csl-json', 'ris', 'markdown', 'csv', 'backup'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File name extension and media type for a download of each format. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mediaType: string }> = {
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex' },
  'csl-json': { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems' },
  markdown: { extension: 'md', mediaType: 'text/markdown' },
  csv: { extension: 'csv', mediaType: 'text/csv' },
  backup: { extension: 'json', mediaType: 'application/json' },
};

export interface ExportOptions {
  /** Backup timestamp. @default Date.now() */
  now?: number;
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function exportSnapshot(snapshot: LibrarySnapshot, format: ExportFormat, options: ExportOptions = {}): string {
  switch (format) {
    case 'bibtex':
      return exportBibtex(snapshot);
    case 'csl-json':
      return exportCslJson(snapshot);
    case 'ris':
      return exportRis(snapshot);
    case 'markdown':
      return exportMarkdown(snapshot);
    case 'csv':
      return exportCsv(snapshot);
    case 'backup':
      return exportBackup(snapshot, options);
  }
}
