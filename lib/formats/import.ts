/**
 * Import is all-or-nothing with a preview. `planImport` reads the whole input, validates every record and merges
 * it into a copy of the library; only if every record is good does it return the changes, with counts the user
 * confirms before the background writes them in one transaction. One broken record anywhere means an error that
 * names it (citation key or index, and its line) and no changes at all.
 */
import { hashHex } from '../corpus/key';
import { parseBackup } from './backup';
import { parseBibtex } from './bibtex';
import { recordsToSnapshot, type CitationRecord, type CorpusIdFor } from './citation-record';
import { parseCslJson } from './csl-json';
import { decodeInput, FormatError, oversizeBytes, tooLargeError, type ImportError } from './input';
import { applyImport, mergeIntoLibrary } from './merge';
import { parseRis } from './ris';
import type { LibrarySnapshot } from './snapshot';

export const IMPORT_FORMATS = ['backup', 'bibtex', 'csl-json', 'ris'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportPreview {
  format: ImportFormat;
  /** Papers that will be added. */
  new: number;
  /** Papers already in the library (merged: gaps filled, tags and notes added). */
  present: number;
  /** Always 0 in a plan that can be applied: an invalid record refuses the whole import. */
  invalid: 0;
  /** Papers listed twice in the input, counted once. */
  duplicatesInInput: number;
  /** Notes that will be added. */
  notes: number;
  /** Things the user may want to know that did not stop the import (an `@string` defined in another file). */
  warnings: string[];
  /** The list a citation file's papers go into (see PlanImportOptions.listName); absent for backups. */
  list?: string;
}

export type ImportPlan =
  | {
      ok: true;
      preview: ImportPreview;
      /**
       * The records to write: new ones and the merged versions of existing ones, never a deletion. `bulkPut` each
       * table in one transaction; `applyImport(existing, apply)` gives the resulting library.
       */
      apply: LibrarySnapshot;
    }
  | { ok: false; error: ImportError };

export interface PlanImportOptions {
  /** Time stamped on new records. @default Date.now() */
  now?: number;
  /**
   * Which corpus paper a citation is (BibTeX, CSL-JSON, RIS): a matched paper is kept under its corpus id, so it
   * meets the copy saved from a page on one record and is marked "in corpus". Backups carry their own ids.
   */
  corpusIdFor?: CorpusIdFor;
  /**
   * A citation file's papers (new and already present) go into this list, created unless one of that name exists,
   * so an import is visible as one thing in the library: the file's name, as Zotero names a collection.
   * Ignored for backups, which carry their own lists.
   */
  listName?: string;
}

/** Puts every paper of `snapshot` into a new list called `name` (merged by name with an existing one). */
function intoList(snapshot: LibrarySnapshot, name: string, now: number): void {
  const id = `list-import-${hashHex(`list:${name.toLowerCase()}`)}`;
  snapshot.lists.push({ id, name, createdAt: now, updatedAt: now });
  for (const paper of snapshot.papers) snapshot.memberships.push({ listId: id, paperId: paper.id, addedAt: now });
}

/** Which format a text is in, from its first non-blank characters; undefined when none fits. */
export function detectFormat(text: string): ImportFormat | undefined {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  const first = text[start];
  if (first === '{') {
    // An object is a backup when it says so (or has a `papers` table); otherwise it is a single CSL item.
    const head = text.slice(start, start + 4096);
    return /"format"\s*:\s*"paperlight-backup"/.test(head) || /"papers"\s*:/.test(text) ? 'backup' : 'csl-json';
  }
  if (first === '[') return 'csl-json';
  if (/^[ \t]*TY {2}-/m.test(text.slice(0, 65536))) return 'ris';
  if (/^[ \t]*@[a-zA-Z]+[ \t]*[{(]/m.test(text)) return 'bibtex';
  return undefined;
}

type Parsed = { ok: true; snapshot: LibrarySnapshot; warnings: string[] } | { ok: false; error: ImportError };

function fromRecords(
  result: { ok: true; records: CitationRecord[]; warnings?: string[] } | { ok: false; error: ImportError },
  format: ImportFormat,
  now: number,
  corpusIdFor?: CorpusIdFor,
): Parsed {
  if (!result.ok) return result;
  if (result.records.length === 0) {
    return { ok: false, error: { message: `${format}: no entries found; nothing to import.` } };
  }
  return { ok: true, snapshot: recordsToSnapshot(result.records, now, corpusIdFor), warnings: result.warnings ?? [] };
}

export function planImport(
  existing: LibrarySnapshot,
  input: string | Uint8Array,
  format: ImportFormat | 'auto' = 'auto',
  options: PlanImportOptions = {},
): ImportPlan {
  const now = options.now ?? Date.now();
  let text: string;
  if (typeof input === 'string') {
    const oversize = oversizeBytes(input);
    if (oversize !== undefined) return { ok: false, error: tooLargeError(oversize) };
    text = input.startsWith('\ufeff') ? input.slice(1) : input;
  } else {
    try {
      text = decodeInput(input);
    } catch (e) {
      if (e instanceof FormatError) return { ok: false, error: e.detail };
      throw e;
    }
  }

  const detected = format === 'auto' ? detectFormat(text) : format;
  if (!detected) {
    return {
      ok: false,
      error: {
        message:
          'import: this is not a format Paperlight reads. Use a Paperlight backup (.json), BibTeX (.bib), CSL-JSON (.json) or RIS (.ris).',
      },
    };
  }

  let parsed: Parsed;
  switch (detected) {
    case 'backup': {
      const result = parseBackup(text, existing);
      parsed = result.ok ? { ok: true, snapshot: result.snapshot, warnings: [] } : result;
      break;
    }
    case 'bibtex':
      parsed = fromRecords(parseBibtex(text), detected, now, options.corpusIdFor);
      break;
    case 'csl-json':
      parsed = fromRecords(parseCslJson(text), detected, now, options.corpusIdFor);
      break;
    case 'ris':
      parsed = fromRecords(parseRis(text), detected, now, options.corpusIdFor);
      break;
  }
  if (!parsed.ok) return parsed;

  const isBackup = detected === 'backup';
  const listName = isBackup ? undefined : options.listName?.trim().slice(0, 200);
  if (listName) intoList(parsed.snapshot, listName, now);
  const { apply, counts } = mergeIntoLibrary(existing, parsed.snapshot, {
    policy: isBackup ? 'newer-wins' : 'keep-existing',
    dedupeInput: !isBackup,
    now,
  });
  return {
    ok: true,
    preview: {
      format: detected,
      new: counts.newPapers,
      present: counts.presentPapers,
      ...(listName ? { list: listName } : {}),
      invalid: 0,
      duplicatesInInput: counts.duplicatesInInput,
      notes: counts.newNotes,
      warnings: parsed.warnings,
    },
    apply,
  };
}

/**
 * Reads a file on its own (into an empty library): what `npm run convert` does before exporting. Same code path
 * as an import, so a file converts exactly when it would import.
 */
export function readLibraryFile(
  input: string | Uint8Array,
  format: ImportFormat | 'auto' = 'auto',
  options: PlanImportOptions = {},
): { ok: true; snapshot: LibrarySnapshot; preview: ImportPreview } | { ok: false; error: ImportError } {
  const empty: LibrarySnapshot = { papers: [], lists: [], memberships: [], tags: [], notes: [] };
  const plan = planImport(empty, input, format, options);
  return plan.ok ? { ok: true, snapshot: applyImport(empty, plan.apply), preview: plan.preview } : plan;
}
