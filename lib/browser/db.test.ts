import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureCorpus, installedCorpus, loadCorpus, PaperlightDB } from './db';
import type { CorpusAsset, CorpusPaper } from '../corpus/types';
import type { SavedPaper } from '../library/types';

function paper(n: number): CorpusPaper {
  return { id: `c-${String(n).padStart(14, '0')}`, title: `Paper ${n}`, abstract: `Abstract of paper ${n}.`, sources: [{ file: 's.txt', line: n }] };
}
function asset(version: string, count: number, offset = 0): CorpusAsset {
  return { version, count, papers: Array.from({ length: count }, (_, i) => paper(i + offset)) };
}

let db: PaperlightDB;
let n = 0;
beforeEach(async () => {
  db = new PaperlightDB(`test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const userPaper: SavedPaper = {
  id: 'arxiv:2401.00001',
  arxivId: '2401.00001',
  title: 'A paper the user saved — with “quotes”, émojis 🎉 and a very long note',
  tags: ['to-cite', 'diffusion'],
  status: 'reading',
  statusAt: { reading: 1_700_000_000_000 },
  addedAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_001,
};

describe('loadCorpus', () => {
  it('installs every paper and records the version last', async () => {
    const result = await loadCorpus(db, asset('v1', 5000));
    expect(result).toMatchObject({ status: 'loaded', version: 'v1', count: 5000, previousVersion: null });
    expect(await db.corpus.count()).toBe(5000);
    expect(await installedCorpus(db)).toEqual({ version: 'v1', count: 5000 });
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await loadCorpus(db, asset('v1', 4500), (done, total) => {
      expect(total).toBe(4500);
      seen.push(done);
    });
    expect(seen).toEqual([0, 2000, 4000, 4500]); // 0 first: a load is under way before the first write
  });

  it('loading the same version twice adds nothing and writes nothing', async () => {
    await loadCorpus(db, asset('v1', 100));
    const before = await db.corpus.toArray();
    const again = await loadCorpus(db, asset('v1', 100));
    expect(again.status).toBe('unchanged');
    expect(await db.corpus.toArray()).toEqual(before);
  });

  it('a failure midway leaves the previous corpus exactly as it was', async () => {
    await loadCorpus(db, asset('v1', 3000));
    const before = await db.corpus.toArray();
    // The new asset's third chunk repeats an id: bulkAdd fails after two chunks were written in the transaction.
    const broken = asset('v2', 5000, 10_000);
    broken.papers[4500] = broken.papers[10]!;
    await expect(loadCorpus(db, broken)).rejects.toThrow();
    expect(await db.corpus.toArray()).toEqual(before);
    expect(await installedCorpus(db)).toEqual({ version: 'v1', count: 3000 });
  });

  it('a progress callback that throws (the worker dying) aborts the whole load', async () => {
    await loadCorpus(db, asset('v1', 10));
    await expect(
      loadCorpus(db, asset('v2', 5000, 100), (done) => {
        if (done >= 2000) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await db.corpus.count()).toBe(10);
    expect((await installedCorpus(db))?.version).toBe('v1');
  });

  it('a new corpus version replaces corpus rows and keeps user rows byte-identical', async () => {
    await loadCorpus(db, asset('v1', 50));
    await db.papers.put(userPaper);
    await db.lists.put({ id: 'reading-list', name: 'Reading list', createdAt: 1, updatedAt: 1 });
    await db.memberships.put({ listId: 'reading-list', paperId: userPaper.id, addedAt: 2 });
    await db.tags.put({ name: 'diffusion', createdAt: 3 });
    await db.notes.put({ id: 'n1', paperId: userPaper.id, text: 'x'.repeat(10_000), createdAt: 4, updatedAt: 5 });
    const snapshot = async () =>
      JSON.stringify([await db.papers.toArray(), await db.lists.toArray(), await db.memberships.toArray(), await db.tags.toArray(), await db.notes.toArray()]);
    const before = await snapshot();

    const result = await loadCorpus(db, asset('v2', 70, 1000));
    expect(result).toMatchObject({ status: 'loaded', previousVersion: 'v1', count: 70 });
    expect(await db.corpus.count()).toBe(70);
    expect(await db.corpus.get(paper(0).id)).toBeUndefined();
    expect(await snapshot()).toBe(before);
  });
});

describe('ensureCorpus', () => {
  it('fetches only when the installed version differs from the bundled one', async () => {
    let fetches = 0;
    const fetchAsset = async () => {
      fetches++;
      return asset('v1', 20);
    };
    expect((await ensureCorpus(db, 'v1', fetchAsset)).status).toBe('loaded');
    expect((await ensureCorpus(db, 'v1', fetchAsset)).status).toBe('unchanged');
    expect(fetches).toBe(1);
  });

  it('refuses an asset whose version is not the one the build expects', async () => {
    await expect(ensureCorpus(db, 'v9', async () => asset('v1', 2))).rejects.toThrow(
      'corpus: the bundled asset is version v1, the build expected v9; rebuild the extension',
    );
    expect(await db.corpus.count()).toBe(0);
  });
});
