import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus, PaperlightDB, userRevision } from './db';
import { getInterests, likePaper, setInterests, watchAuthor } from './interests';
import { applyImportChanges, readSnapshot, savePaper, snapshotAtRevision } from './library';
import { planImport } from '../formats/import';
import { exportBackup } from '../formats/backup';
import { TriageService } from './triage-service';

let db: PaperlightDB;
let n = 0;
beforeEach(async () => {
  db = new PaperlightDB(`interests-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('interests in the meta table', () => {
  it('are the defaults until set, then what was set (cleaned), with the revision bumped', async () => {
    expect(await getInterests(db)).toEqual({ keywords: [], authors: [], likeMyLibrary: true });
    const before = await userRevision(db);
    const { interests, revision } = await setInterests(db, { keywords: [' diffusion ', 'Diffusion'], authors: ['Yann LeCun'], likeMyLibrary: false });
    expect(interests).toEqual({ keywords: ['diffusion'], authors: ['Yann LeCun'], likeMyLibrary: false });
    expect(revision).toBe(before + 1);
    expect(await getInterests(db)).toEqual(interests);
  });

  it('watchAuthor adds a name once, in whatever form it comes', async () => {
    await watchAuthor(db, 'John Smith');
    await watchAuthor(db, 'Smith, John');
    expect((await getInterests(db)).authors).toEqual(['John Smith']);
  });

  it('likePaper saves the paper and turns "like my library" back on', async () => {
    await setInterests(db, { likeMyLibrary: false });
    const result = await likePaper(db, { title: 'Mamba: Linear-Time Sequence Modeling', arxivId: '2312.00752' });
    expect(result.interests.likeMyLibrary).toBe(true);
    expect(await db.papers.get(result.paperId)).toMatchObject({ title: 'Mamba: Linear-Time Sequence Modeling' });
  });

  it('go into the backup and come back from it', async () => {
    await setInterests(db, { keywords: ['SLAM'], authors: ['Fei-Fei Li'], likeMyLibrary: true });
    const text = exportBackup(await readSnapshot(db));
    const other = new PaperlightDB(`interests-other-${n++}`);
    await other.open();
    const { snapshot, revision } = await snapshotAtRevision(other);
    const plan = planImport(snapshot, text, 'backup');
    expect(plan.ok).toBe(true);
    if (plan.ok) await applyImportChanges(other, plan.apply, revision);
    expect(await getInterests(other)).toEqual({ keywords: ['SLAM'], authors: ['Fei-Fei Li'], likeMyLibrary: true });
    other.close();
    await other.delete();
  });
});

describe('TriageService', () => {
  it('scores against the current interests, rebuilding the profile only when the revision moves', async () => {
    const triage = new TriageService(db);
    const entries = [{ title: 'Diffusion Models Beat GANs' }, { title: 'Legged Locomotion' }];
    const empty = await triage.score(entries);
    expect(empty.emptyProfile).toBe(true);
    expect(empty.results.map((r) => r.highlighted)).toEqual([false, false]);
    const first = await triage.profile();
    expect(await triage.profile()).toBe(first);

    await setInterests(db, { keywords: ['diffusion'], likeMyLibrary: false });
    const scored = await triage.score(entries);
    expect(await triage.profile()).not.toBe(first);
    expect(scored.results.map((r) => r.highlighted)).toEqual([true, false]);
    expect(scored.results[0]!.reasons).toEqual([{ kind: 'keyword', keyword: 'diffusion', field: 'title', points: 3 }]);
  });

  it('reads the corpus once per corpus version, not once per rebuild (every library write rebuilds)', async () => {
    const corpus = [
      { id: 'c-1', title: 'Denoising Diffusion Probabilistic Models', abstract: 'Diffusion models for images.', sources: [] },
      { id: 'c-2', title: 'Attention Is All You Need', abstract: 'The Transformer.', sources: [] },
    ];
    await loadCorpus(db, { version: 'v1', count: 2, papers: corpus });
    const reads = vi.spyOn(db.corpus, 'toArray');
    const triage = new TriageService(db);
    const entries = [{ title: 'Improved Denoising Diffusion Probabilistic Models' }];
    const before = await triage.score(entries);
    await savePaper(db, { arxivId: '2401.00001', title: 'Legged Locomotion in the Wild' });
    const after = await triage.score(entries);
    expect(reads).toHaveBeenCalledTimes(1);
    // The rebuilt profile learned the saved paper: the entry now resembles the library, not the starter corpus.
    expect(before.results[0]!.reasons.map((r) => r.kind === 'similar' && r.starter)).toEqual([true]);
    expect(after.results[0]!.reasons.some((r) => r.kind === 'similar' && r.starter)).toBe(false);

    await loadCorpus(db, { version: 'v2', count: 1, papers: corpus.slice(0, 1) });
    await triage.score(entries);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
