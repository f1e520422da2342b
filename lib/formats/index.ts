/**
 * Paperlight's export and import formats (issue #5). Pure: no DOM, no browser APIs, no Dexie; the library page
 * reads the tables into a LibrarySnapshot, calls these, and hands an import plan's `apply` to the background.
 */
export { emptySnapshot, selectList, type FormatPaper, type LibrarySnapshot } from './snapshot';
export { decodeInput, FormatError, MAX_INPUT_BYTES, type ImportError } from './input';
export { EXPORT_FILE_TYPES, EXPORT_FORMATS, exportSnapshot, isExportFormat, type ExportFormat, type ExportOptions } from './export';
export {
  detectFormat,
  IMPORT_FORMATS,
  planImport,
  readLibraryFile,
  type ImportFormat,
  type ImportPlan,
  type ImportPreview,
  type PlanImportOptions,
} from './import';
export { applyImport } from './merge';
export { BACKUP_FORMAT, BACKUP_VERSION, exportBackup, type Backup } from './backup';
export { exportBibtex, type BibtexExportOptions } from './bibtex';
export { exportCslJson, toCslItems, type CslItem } from './csl-json';
export { exportRis } from './ris';
export { exportMarkdown } from './markdown';
export { exportCsv, CSV_COLUMNS } from './csv';
export { citationKeys } from './citation-key';
