/**
 * The full JSON backup: every table, every field, exactly. Written with JSON.stringify and read with JSON.parse
 * plus the validation below (no schema library: the shape is ours, small, and the checks need to say which
 * record and which field is wrong in words a user can act on).
 */
import { READING_STATUSES, normalizeTag, type ListMembership, type Note, type PaperList, type Tag } from '../library/types';
import type { ImportError } from './input';
import { describeJsonSyntaxError, recordLine, scanJson, type JsonScan } from './json-locate';
import type { FormatPaper, LibrarySnapshot } from './snapshot';
import type { Highlight } from '../library/highlights';
import { normalizeInterests } from '../triage/interests';
import type { Interests } from '../triage/types';

export const BACKUP_FORMAT = 'paperlight-backup';
export const BACKUP_VERSION = 1;

export interface Backup extends LibrarySnapshot {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, for the person who opens the file; importing does not read it. */
  exportedAt: string;
}

export interface BackupExportOptions {
  /** When the backup is taken. @default Date.now() */
  now?: number;
}

export function exportBackup(snapshot: LibrarySnapshot, options: BackupExportOptions = {}): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
    papers: snapshot.papers,
    lists: snapshot.lists,
    memberships: snapshot.memberships,
    tags: snapshot.tags,
    notes: snapshot.notes,
    // Left out when empty, so a library without highlights backs up byte-identically to before they existed.
    ...(snapshot.highlights?.length ? { highlights: snapshot.highlights } : {}),
  };
  if (snapshot.interests) backup.interests = snapshot.interests;
  // One field per line: a person can read and diff it, and an import error's line number points somewhere useful.
  return JSON.stringify(backup, null, 1) + '\n';
}

export type BackupParseResult = { ok: true; snapshot: LibrarySnapshot } | { ok: false; error: ImportError };

/** Thrown inside validation, caught at the top: keeps every check a one-liner. */
class Invalid extends Error {
  constructor(
    readonly record: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(record: string, ok: boolean, problem: string): asserts ok {
  if (!ok) throw new Invalid(record, problem);
}

function requireString(record: string, o: Json, field: string, nonEmpty = false): string {
  const v = o[field];
  check(record, typeof v === 'string' && (!nonEmpty || v.trim().length > 0), `"${field}" must be a ${nonEmpty ? 'non-empty ' : ''}string`);
  return v;
}

function requireTime(record: string, o: Json, field: string): number {
  const v = o[field];
  check(record, typeof v === 'number' && Number.isFinite(v), `"${field}" must be a time in milliseconds`);
  return v;
}

function optional(record: string, o: Json, field: string, ok: (v: unknown) => boolean, what: string): void {
  if (o[field] !== undefined) check(record, ok(o[field]), `"${field}", when present, must be ${what}`);
}

const isString = (v: unknown) => typeof v === 'string';
const isInteger = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

function records(backup: Json, table: keyof LibrarySnapshot): Json[] {
  const value = backup[table];
  if (value === undefined) return []; // an empty table may be left out by hand-made files
  check(table, Array.isArray(value), `"${table}" must be an array`);
  value.forEach((r, i) => check(`${table}[${i}]`, isObject(r), 'must be an object'));
  return value as Json[];
}

function validatePaper(o: Json, record: string): FormatPaper {
  requireString(record, o, 'id', true);
  requireString(record, o, 'title', true);
  check(record, Array.isArray(o.tags) && o.tags.every(isString), '"tags" must be an array of strings');
  requireTime(record, o, 'addedAt');
  requireTime(record, o, 'updatedAt');
  for (const field of ['corpusId', 'arxivId', 'abstract', 'url', 'primaryClass', 'doi', 'journal']) {
    optional(record, o, field, isString, 'a string');
  }
  optional(record, o, 'arxivVersion', isInteger, 'an integer');
  optional(record, o, 'year', isInteger, 'an integer');
  optional(record, o, 'authors', (v) => Array.isArray(v) && v.every(isString), 'an array of strings');
  optional(record, o, 'status', (v) => READING_STATUSES.includes(v as never), `one of ${READING_STATUSES.join(', ')}`);
  optional(
    record,
    o,
    'statusAt',
    (v) => isObject(v) && Object.entries(v).every(([k, t]) => READING_STATUSES.includes(k as never) && typeof t === 'number'),
    'an object from status to time',
  );
  // Unknown fields are kept: a backup from a newer minor release may carry fields this one does not show yet.
  return { ...(o as unknown as FormatPaper), tags: [...new Set((o.tags as string[]).map(normalizeTag).filter((t) => t.length > 0))] };
}

/**
 * Reads and validates a backup. References (a note's paper, a membership's list) may point into the backup or
 * into `existing`, the library it is restored into.
 */
export function parseBackup(text: string, existing: LibrarySnapshot): BackupParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: describeJsonSyntaxError(text, 'backup', (e as Error).message) };
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) {
    return { ok: false, error: { message: `backup: this JSON is not a Paperlight backup (it has no "format": "${BACKUP_FORMAT}"). Nothing was imported.`, line: 1 } };
  }
  if (parsed.version !== BACKUP_VERSION) {
    const newer = typeof parsed.version === 'number' && parsed.version > BACKUP_VERSION;
    return {
      ok: false,
      error: {
        line: 1,
        message: newer
          ? `backup: version ${parsed.version} was written by a newer Paperlight; this one reads version ${BACKUP_VERSION}. Nothing was imported; update the extension and import again.`
          : `backup: unknown backup version ${JSON.stringify(parsed.version)}; this Paperlight reads version ${BACKUP_VERSION}. Nothing was imported.`,
      },
    };
  }
  let scan: JsonScan | undefined;
  try {
    return { ok: true, snapshot: validate(parsed, existing) };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    scan ??= scanJson(text);
    const line = recordLine(text, e.record, scan);
    return {
      ok: false,
      error: {
        entry: e.record,
        ...(line === undefined ? {} : { line }),
        message: `backup: ${e.record}${line === undefined ? '' : ` (line ${line})`}: ${e.problem}. Nothing was imported; repair the file or export it again.`,
      },
    };
  }
}

function validate(backup: Json, existing: LibrarySnapshot): LibrarySnapshot {
  const unique = (table: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      check(`${table}[${i}]`, !seen.has(id), `id ${JSON.stringify(id)} appears twice`);
      seen.add(id);
    });
  };
  const papers = records(backup, 'papers').map((o, i) => validatePaper(o, `papers[${i}]`));
  unique('papers', papers.map((p) => p.id));
  const lists: PaperList[] = records(backup, 'lists').map((o, i) => {
    const record = `lists[${i}]`;
    requireString(record, o, 'id', true);
    requireString(record, o, 'name', true);
    requireTime(record, o, 'createdAt');
    requireTime(record, o, 'updatedAt');
    return o as unknown as PaperList;
  });
  unique('lists', lists.map((l) => l.id));
  const paperIds = new Set([...papers.map((p) => p.id), ...existing.papers.map((p) => p.id)]);
  const listIds = new Set([...lists.map((l) => l.id), ...existing.lists.map((l) => l.id)]);
  const memberships: ListMembership[] = records(backup, 'memberships').map((o, i) => {
    const record = `memberships[${i}]`;
    const listId = requireString(record, o, 'listId', true);
    const paperId = requireString(record, o, 'paperId', true);
    requireTime(record, o, 'addedAt');
    check(record, listIds.has(listId), `list ${JSON.stringify(listId)} is neither in the backup nor in this library`);
    check(record, paperIds.has(paperId), `paper ${JSON.stringify(paperId)} is neither in the backup nor in this library`);
    return o as unknown as ListMembership;
  });
  const tags: Tag[] = records(backup, 'tags').map((o, i) => {
    const record = `tags[${i}]`;
    const name = normalizeTag(requireString(record, o, 'name', true));
    check(record, name.length > 0, '"name" has no letters or digits');
    requireTime(record, o, 'createdAt');
    return { ...(o as unknown as Tag), name };
  });
  const notes: Note[] = records(backup, 'notes').map((o, i) => {
    const record = `notes[${i}]`;
    requireString(record, o, 'id', true);
    const paperId = requireString(record, o, 'paperId', true);
    requireString(record, o, 'text');
    requireTime(record, o, 'createdAt');
    requireTime(record, o, 'updatedAt');
    check(record, paperIds.has(paperId), `paper ${JSON.stringify(paperId)} is neither in the backup nor in this library`);
    return o as unknown as Note;
  });
  unique('notes', notes.map((n) => n.id));
  // Highlights (issue #8): optional, so backups written before them still import.
  const highlights: Highlight[] = records(backup, 'highlights').map((o, i) => {
    const record = `highlights[${i}]`;
    requireString(record, o, 'id', true);
    const paperId = requireString(record, o, 'paperId', true);
    requireString(record, o, 'url', true);
    requireTime(record, o, 'createdAt');
    requireTime(record, o, 'updatedAt');
    optional(record, o, 'comment', isString, 'a string');
    const selector = o.selector;
    check(record, isObject(selector) && isObject(selector.quote) && isObject(selector.position), '"selector" must have a "quote" and a "position"');
    const quote = selector.quote as Json;
    const position = selector.position as Json;
    check(record, typeof quote.exact === 'string' && quote.exact.length > 0, '"selector.quote.exact" must be a non-empty string');
    check(record, isString(quote.prefix) && isString(quote.suffix), '"selector.quote" needs "prefix" and "suffix" strings');
    check(record, isInteger(position.start) && isInteger(position.end), '"selector.position" needs integer "start" and "end"');
    check(record, paperIds.has(paperId), `paper ${JSON.stringify(paperId)} is neither in the backup nor in this library`);
    return o as unknown as Highlight;
  });
  unique('highlights', highlights.map((h) => h.id));
  const snapshot: LibrarySnapshot = { papers, lists, memberships, tags, notes, ...(highlights.length ? { highlights } : {}) };
  // Optional: a backup written before interests existed imports as before.
  if (backup.interests !== undefined) snapshot.interests = validateInterests(backup.interests);
  return snapshot;
}

function validateInterests(value: unknown): Interests {
  const record = 'interests';
  check(record, isObject(value), 'must be an object');
  for (const field of ['keywords', 'authors'] as const) {
    optional(record, value, field, (v) => Array.isArray(v) && v.every(isString), 'an array of strings');
  }
  optional(record, value, 'likeMyLibrary', (v) => typeof v === 'boolean', 'true or false');
  return normalizeInterests(value as Partial<Interests>);
}
