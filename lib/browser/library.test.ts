import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, PaperlightDB, userRevision } from './db';
import {
  addTags,
  addToList,
  createList,
  deleteList,
  putNote,
  removeFromList,
  removePapers,
  removeTags,
  restoreList,
  savePaper,
  searchDocs,
  lookupPapers,
  loadLookupIndex,
  applyImportChanges,
  snapshotAtRevision,
  readSnapshot,
  setStatus,
  suggestTags,
} from './library';
import { READING_LIST_ID } from '../library/types';
import { planImport } from '../formats/import';

let db: PaperlightDB;
let n = 0;
beforeEach(async () => {
  db = new PaperlightDB(`library-${n++}`);
  await loadCorpus(db, {
    version: 'v1',
    count: 2,
    papers: [
      { id: 'c-1', title: 'Scaling Laws for Neural Language Models', abstract: 'We study empirical scaling laws.', sources: [], published: { year: 2020, month: 1, day: 23 } },
      { id: 'c-2', title: 'Attention Is All You Need', abstract: 'The Transformer.', sources: [] },
    ],
  });
});
afterEach(async () => {
  await db.delete();
});

describe('saving', () => {
  it('saves a corpus paper under its corpus id into the Reading list, once', async () => {
    const first = await savePaper(db, { corpusId: 'c-1', title: 'Scaling Laws for Neural Language Models' });
    await savePaper(db, { corpusId: 'c-1', title: 'Scaling Laws for Neural Language Models' });
    expect(first.paper.id).toBe('c-1');
    expect(await db.papers.count()).toBe(1);
    expect(await db.memberships.toArray()).toEqual([{ listId: READING_LIST_ID, paperId: 'c-1', addedAt: expect.any(Number) }]);
    expect((await db.lists.get(READING_LIST_ID))?.name).toBe('Reading list');
  });

  it('saves a page paper under its arXiv id and fills, never overwrites, what it knew', async () => {
    await savePaper(db, { arxivId: '2401.00001', arxivVersion: 1, title: 'A Paper', authors: ['Ada Lovelace'] });
    await savePaper(db, { arxivId: '2401.00001', arxivVersion: 3, title: 'A Paper (renamed)', abstract: 'Now known.' });
    const paper = await db.papers.get('arxiv:2401.00001');
    expect(paper).toMatchObject({ title: 'A Paper', authors: ['Ada Lovelace'], abstract: 'Now known.', arxivVersion: 3 });
  });

  it('refuses a paper without a title and writes nothing', async () => {
    const before = await userRevision(db);
    await expect(savePaper(db, { title: '  ' })).rejects.toThrow('library: a paper needs a title to be saved');
    expect(await userRevision(db)).toBe(before);
  });

  it('every write bumps the user revision', async () => {
    const a = await savePaper(db, { corpusId: 'c-2', title: 'Attention Is All You Need' });
    const b = await setStatus(db, ['c-2'], 'reading');
    expect(b.revision).toBe(a.revision + 1);
    expect(b.changed).toEqual(['c-2']);
  });
});

describe('status, tags, notes', () => {
  beforeEach(async () => {
    await savePaper(db, { corpusId: 'c-1', title: 'Scaling Laws for Neural Language Models' });
  });

  it('records when each status was set, and clears', async () => {
    await setStatus(db, ['c-1'], 'reading');
    await setStatus(db, ['c-1'], 'read');
    const paper = (await db.papers.get('c-1'))!;
    expect(paper.status).toBe('read');
    expect(Object.keys(paper.statusAt!).sort()).toEqual(['read', 'reading']);
    await setStatus(db, ['c-1'], null);
    expect((await db.papers.get('c-1'))!.status).toBeUndefined();
  });

  it('a status on an unsaved paper fails and changes nothing', async () => {
    await expect(setStatus(db, ['c-1', 'c-2'], 'read')).rejects.toThrow('library: paper "c-2" is not saved');
    expect((await db.papers.get('c-1'))!.status).toBeUndefined();
  });

  it('normalises tags, keeps them unique, and suggests them', async () => {
    await addTags(db, ['c-1'], ['  Scaling Laws ', '#LLM', 'llm', '']);
    expect((await db.papers.get('c-1'))!.tags).toEqual(['scaling-laws', 'llm']);
    await addTags(db, ['c-1'], ['theory']);
    expect(await suggestTags(db, 'sc')).toEqual(['scaling-laws']);
    expect(await suggestTags(db, 'l')).toEqual(['llm', 'scaling-laws']);
    await removeTags(db, ['c-1'], ['LLM']);
    expect((await db.papers.get('c-1'))!.tags).toEqual(['scaling-laws', 'theory']);
  });

  it('creates, edits and deletes a note', async () => {
    const { note } = await putNote(db, 'c-1', 'First thought');
    const edited = await putNote(db, 'c-1', 'First thought, revised', note!.id);
    expect(edited.note).toMatchObject({ id: note!.id, text: 'First thought, revised', createdAt: note!.createdAt });
    await putNote(db, 'c-1', '', note!.id);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('lists', () => {
  it('creates, fills, deletes with undo', async () => {
    await savePaper(db, { corpusId: 'c-1', title: 'Scaling Laws for Neural Language Models' });
    const { list } = await createList(db, '  Thesis   related ');
    expect(list.name).toBe('Thesis related');
    await expect(createList(db, 'Thesis related')).rejects.toThrow('exists already');
    await addToList(db, ['c-1'], list.id);
    const { deleted } = await deleteList(db, list.id);
    expect(await db.lists.get(list.id)).toBeUndefined();
    expect(await db.memberships.where('listId').equals(list.id).count()).toBe(0);
    await restoreList(db, deleted);
    expect(await db.memberships.where('listId').equals(list.id).count()).toBe(1);
    await removeFromList(db, ['c-1'], list.id);
    expect(await db.memberships.where('listId').equals(list.id).count()).toBe(0);
  });

  it('never deletes the Reading list', async () => {
    await expect(deleteList(db, READING_LIST_ID)).rejects.toThrow('the Reading list cannot be deleted');
  });

  it('removing a paper removes its memberships and notes', async () => {
    await savePaper(db, { corpusId: 'c-1', title: 'x' });
    await putNote(db, 'c-1', 'note');
    await removePapers(db, ['c-1']);
    expect(await db.papers.count()).toBe(0);
    expect(await db.memberships.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('searchDocs', () => {
  it('merges a saved corpus paper with its state, lists and notes', async () => {
    await savePaper(db, { corpusId: 'c-1', title: 'Scaling Laws for Neural Language Models' });
    await setStatus(db, ['c-1'], 'to-read');
    await addTags(db, ['c-1'], ['llm']);
    await putNote(db, 'c-1', 'compare with Chinchilla');
    await savePaper(db, { arxivId: '2401.00001', title: 'Only On A Page', authors: ['A. Author'], year: 2024 });
    const docs = await searchDocs(db);
    expect(docs).toHaveLength(3);
    expect(docs.find((d) => d.id === 'c-1')).toMatchObject({
      inCorpus: true,
      saved: true,
      status: 'to-read',
      tags: ['llm'],
      year: 2020,
      notes: 'compare with Chinchilla',
      lists: [READING_LIST_ID, 'Reading list'],
    });
    expect(docs.find((d) => d.id === 'arxiv:2401.00001')).toMatchObject({ saved: true, authors: ['A. Author'], year: 2024 });
    expect(docs.find((d) => d.id === 'c-2')).toEqual({ id: 'c-2', title: 'Attention Is All You Need', abstract: 'The Transformer.', inCorpus: true });
    expect(await searchDocs(db, ['c-1'])).toHaveLength(1);
  });
});

describe('lookupPapers', () => {
  const matchTitle = (title: string) => (title.toLowerCase().startsWith('scaling laws for neural language') ? 'c-1' : null);

  it('marks corpus papers by title, unknown papers as nothing, and remembers ids seen with a title', async () => {
    const marks = await lookupPapers(
      db,
      await loadLookupIndex(db),
      [
        { id: '2001.08361', title: 'Scaling Laws for Neural Language Models' },
        { id: '2401.99999', title: 'Something Else Entirely' },
        { id: null, title: 'Scaling laws for neural language models' },
      ],
      matchTitle,
    );
    expect(marks.map((m) => [m.paperId, m.inCorpus, m.saved])).toEqual([
      ['c-1', true, false],
      [null, false, false],
      ['c-1', true, false],
    ]);
    expect(await db.identities.get('2001.08361')).toMatchObject({ paperId: 'c-1' });
    expect((await loadLookupIndex(db)).arxivOf.get('c-1')).toBe('2001.08361');
    // Next time the id alone is enough: on a pdf or html page with no usable title.
    const [byId] = await lookupPapers(db, await loadLookupIndex(db), [{ id: '2001.08361', title: '' }], () => null);
    expect(byId!.paperId).toBe('c-1');
  });

  it('shows the saved state: status, tags, lists, notes', async () => {
    await savePaper(db, { arxivId: '2401.00001', title: 'Only On A Page' });
    await setStatus(db, ['arxiv:2401.00001'], 'reading');
    await addTags(db, ['arxiv:2401.00001'], ['rl']);
    await putNote(db, 'arxiv:2401.00001', 'hmm');
    const [mark] = await lookupPapers(db, await loadLookupIndex(db), [{ id: '2401.00001', title: 'Only On A Page' }], () => null);
    expect(mark).toEqual({ paperId: 'arxiv:2401.00001', inCorpus: false, saved: true, status: 'reading', tags: ['rl'], lists: ['Reading list'], noteCount: 1 });
  });
});

describe('applyImportChanges', () => {
  const bib = '@misc{vaswani2017attention, title = {Attention Is All You Need}, author = {Vaswani, Ashish and Shazeer, Noam}, year = {2017}, eprint = {1706.03762}, archivePrefix = {arXiv}}\n';

  it('writes a plan made at the current revision, once; planning again finds it present', async () => {
    const { snapshot, revision } = await snapshotAtRevision(db);
    const plan = planImport(snapshot, bib);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.preview).toMatchObject({ new: 1, present: 0, invalid: 0 });
    const result = await applyImportChanges(db, plan.apply, revision);
    expect(result.changed).toContain('arxiv:1706.03762');
    expect(await db.papers.get('arxiv:1706.03762')).toMatchObject({ title: 'Attention Is All You Need', arxivId: '1706.03762' });
    const again = planImport((await snapshotAtRevision(db)).snapshot, bib);
    expect(again).toMatchObject({ ok: true, preview: { new: 0, present: 1 } });
  });

  it('refuses a plan made before another write, and writes nothing', async () => {
    const { snapshot, revision } = await snapshotAtRevision(db);
    const plan = planImport(snapshot, bib);
    if (!plan.ok) throw new Error(plan.error.message);
    await savePaper(db, { corpusId: 'c-2', title: 'Attention Is All You Need' });
    const before = JSON.stringify(await readSnapshot(db));
    await expect(applyImportChanges(db, plan.apply, revision)).rejects.toThrow('the library changed since this import was previewed');
    expect(JSON.stringify(await readSnapshot(db))).toBe(before);
  });
});

describe('saving a corpus paper from a page', () => {
  it('keeps the corpus title and abstract, not the page\'s TeX', async () => {
    const { paper } = await savePaper(db, { corpusId: 'c-1', arxivId: '2001.08361', title: 'Scaling $\\mathrm{Laws}$ for Neural Language Models' });
    expect(paper).toMatchObject({ id: 'c-1', arxivId: '2001.08361', title: 'Scaling Laws for Neural Language Models', abstract: 'We study empirical scaling laws.', year: 2020 });
  });
});

describe('one key per paper, however it arrives', () => {
  it('a paper imported from BibTeX, then saved from a page without an arXiv id, stays one record', async () => {
    const bib = '@inproceedings{w, title = {A workshop paper -- without an arXiv id}, author = {Doe, Jane}, year = {2023}}\n';
    const { snapshot, revision } = await snapshotAtRevision(db);
    const plan = planImport(snapshot, bib);
    if (!plan.ok) throw new Error(plan.error.message);
    await applyImportChanges(db, plan.apply, revision);
    const { paper } = await savePaper(db, { title: 'A Workshop Paper: Without An arXiv Id', url: 'https://huggingface.co/papers/x' });
    expect(await db.papers.count()).toBe(1);
    expect(paper.id).toBe(plan.apply.papers[0]!.id);
    expect(paper.url).toBe('https://huggingface.co/papers/x');
  });
});
