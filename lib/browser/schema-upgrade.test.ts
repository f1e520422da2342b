/**
 * Promise 3 of issue 9: a profile written by every schema version we shipped opens with the current PaperlightDB
 * (whatever version it declares now) with nothing lost, and an open connection never makes an upgrade hang.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseBlockedError, PaperlightDB } from './db';

/** Version 1's stores exactly as they shipped (lib/browser/db.ts at the first release). Never edit. */
const V1_STORES = {
  corpus: 'id',
  corpusMeta: 'key',
  meta: 'key',
  searchIndex: 'key',
  identities: 'arxivId, paperId',
  papers: 'id, corpusId, arxivId, status, *tags, addedAt, updatedAt',
  lists: 'id, name',
  memberships: '[listId+paperId], listId, paperId',
  tags: 'name',
  notes: 'id, paperId, updatedAt',
};

/** Version 2's stores exactly as they shipped: version 1's plus highlights (issue #8). Never edit. */
const V2_STORES = { ...V1_STORES, highlights: 'id, paperId, updatedAt' };

/** Every shipped schema with the profile it wrote. A version(3) that ships adds its row here. */
const SHIPPED = [
  { version: 1, stores: V1_STORES, fixture: 'v1-library.json' },
  { version: 2, stores: V2_STORES, fixture: 'v2-library.json' },
];

type Fixture = { version: number; tables: Record<string, Record<string, unknown>[]> };
const load = (file: string): Fixture => JSON.parse(readFileSync(new URL(`../../test/fixtures/db/${file}`, import.meta.url), 'utf8')) as Fixture;

let names: string[] = [];
let n = 0;
const freshName = () => {
  const name = `upgrade-${n++}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names) await Dexie.delete(name);
  names = [];
});

/** Writes a fixture through a Dexie instance that knows only that shipped version's schema, then closes it. */
async function writeShipped(name: string, version: number, stores: Record<string, string>, fixture: Fixture) {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema upgrades', () => {
  it.each(SHIPPED)('a profile written by version $version opens with the current schema, every row intact', async ({ version, stores, fixture: file }) => {
    const fixture = load(file);
    expect(fixture.version).toBe(version);
    const name = freshName();
    await writeShipped(name, version, stores, fixture);

    const db = new PaperlightDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(version);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      expect(rows.length, `${table} has rows in the fixture`).toBeGreaterThan(0);
      const stored = await db.table(table).toArray();
      // Sorted by primary key on both sides: an upgrade may add fields or tables, never drop or change a row.
      const keyPath = db.table(table).schema.primKey.keyPath!;
      const key = (row: Record<string, unknown>) => JSON.stringify(Dexie.getByKeyPath(row, keyPath as string));
      const want = [...rows].sort((a, b) => key(a).localeCompare(key(b)));
      const got = [...stored].sort((a, b) => key(a).localeCompare(key(b)));
      expect(got.length, table).toBe(want.length);
      got.forEach((row, i) => expect(row, `${table} row ${i}`).toMatchObject(want[i]!));
    }
    // The indexes the app queries by still answer after the upgrade.
    expect(await db.papers.where('tags').equals('diffusion').count()).toBe(2);
    expect((await db.memberships.where('listId').equals('list-m3x9k2-a1b2c3').toArray()).map((m) => m.paperId).sort()).toEqual([
      'c-3f1a2b4c5d6e',
      'u-5e6f7a8b9c0d',
    ]);
    expect(await db.notes.where('paperId').equals('c-3f1a2b4c5d6e').count()).toBe(2);
    if (fixture.tables.highlights) expect(await db.highlights.where('paperId').equals('c-3f1a2b4c5d6e').count()).toBe(fixture.tables.highlights.length);
    db.close();
  });

  it.each(SHIPPED)('the version $version fixture covers every table that version had, and each is still declared', ({ stores, fixture }) => {
    const db = new PaperlightDB(freshName());
    expect(Object.keys(load(fixture).tables).sort()).toEqual(Object.keys(stores).sort());
    // Every shipped table is still declared: a version that drops one must say where its rows went.
    for (const table of Object.keys(stores)) expect(db.tables.map((t) => t.name)).toContain(table);
  });

  it('the newest shipped schema is the current one (a new version adds its SHIPPED row and fixture)', () => {
    const db = new PaperlightDB(freshName());
    const newest = SHIPPED[SHIPPED.length - 1]!;
    expect(newest.version).toBe(db.verno);
    expect(Object.keys(newest.stores).sort()).toEqual(db.tables.map((t) => t.name).sort());
  });
});

describe('versionchange and blocked', () => {
  it('a connection open at the current version closes for a newer one and says so, instead of blocking it', async () => {
    const name = freshName();
    const outdated = vi.fn();
    const page = new PaperlightDB(name, { onOutdated: outdated });
    await page.open();
    await page.papers.put({ id: 'u-1', title: 'Kept', tags: [], addedAt: 1, updatedAt: 1 });

    // The "updated worker": the same stores one version higher.
    const newer = new Dexie(name);
    newer.version(page.verno + 1).stores({ ...V1_STORES, extra: 'id' });
    await expect(Promise.race([newer.open().then(() => 'opened'), sleep(2_000).then(() => 'hung')])).resolves.toBe('opened');

    expect(outdated).toHaveBeenCalledWith({ newVersion: (page.verno + 1) * 10 });
    expect(page.outdated).toEqual({ newVersion: (page.verno + 1) * 10 });
    expect(page.isOpen()).toBe(false);
    expect(await newer.table('papers').get('u-1')).toMatchObject({ title: 'Kept' });
    newer.close();
  });

  it('deleting the database (clearing site data) closes the open connection too', async () => {
    const name = freshName();
    const page = new PaperlightDB(name);
    await page.open();
    await expect(Promise.race([Dexie.delete(name).then(() => 'deleted'), sleep(2_000).then(() => 'hung')])).resolves.toBe('deleted');
    expect(page.outdated).toEqual({ newVersion: null });
  });

  it('an older connection that never closes makes the upgrade fail with a DatabaseBlockedError, not hang', async () => {
    const name = freshName();
    // A connection at native version 1 that ignores versionchange (no handler closes it), like a stuck page.
    const stuck = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const db = new PaperlightDB(name, { blockedTimeoutMs: 200 });
    const started = Date.now();
    const error = await db.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeTruthy();
    expect(db.blockedError).toBeInstanceOf(DatabaseBlockedError);
    expect(db.blockedError?.message).toMatch(/^database: the upgrade from version 0\.1 is blocked by another open Paperlight page or tab; close or reload it/);

    // Once the old connection goes, the next query opens and upgrades.
    stuck.close();
    await sleep(50); // the cancelled open request settles once the old connection is gone
    await db.papers.put({ id: 'u-2', title: 'After', tags: [], addedAt: 1, updatedAt: 1 });
    expect(await db.papers.count()).toBe(1);
    db.close();
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
