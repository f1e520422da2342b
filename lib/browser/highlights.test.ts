import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { loadCorpus, PaperlightDB, USER_TABLES, userRevision } from './db';
import { addHighlight, appendToNote, assertOwnPaper, deleteHighlight, highlightsOf, pageArxivId, pageHighlights, restoreHighlight, setHighlightComment } from './highlights';
import { applyImportChanges, putNote, readSnapshot, removePapers, savePaper, searchDocs } from './library';
import type { HighlightSelector } from '../annotate/anchor';
import { READING_LIST_ID } from '../library/types';

let db: PaperlightDB;
let n = 0;
beforeEach(async () => {
  db = new PaperlightDB(`highlights-${n++}`);
  await loadCorpus(db, {
    version: 'v1',
    count: 1,
    papers: [{ id: 'c-2', title: 'Attention Is All You Need', abstract: 'The Transformer.', sources: [] }],
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const selector = (exact: string, start: number, section?: string): HighlightSelector => ({
  quote: { exact, prefix: 'before ', suffix: ' after' },
  position: { start, end: start + exact.length },
  ...(section ? { section } : {}),
});
const arxivPaper = { title: 'A Paper Only On arXiv', arxivId: '2601.00001', url: 'https://arxiv.org/abs/2601.00001' };

describe('highlights', () => {
  it('saving a highlight saves its unsaved paper to the Reading list, in one revision', async () => {
    const before = await userRevision(db);
    const { highlight, paper, revision } = await addHighlight(db, {
      paper: arxivPaper,
      selector: selector('scaled dot-product attention', 120, 'S3.SS2'),
      comment: '  the key idea  ',
      url: 'https://arxiv.org/html/2601.00001v1#S3',
    });
    expect(revision).toBe(before + 1);
    expect(paper.id).toBe('arxiv:2601.00001');
    expect(await db.papers.get('arxiv:2601.00001')).toMatchObject({ title: 'A Paper Only On arXiv' });
    expect(await db.memberships.get([READING_LIST_ID, paper.id])).toBeDefined();
    expect(highlight).toMatchObject({ paperId: paper.id, comment: 'the key idea', url: 'https://arxiv.org/html/2601.00001v1' });
    expect(highlight.id).toMatch(/^hl-/);
    expect(await highlightsOf(db, paper.id)).toEqual([highlight]);
  });

  it('a corpus paper is kept under its corpus id, and an already saved paper keeps its lists', async () => {
    await savePaper(db, { corpusId: 'c-2', title: 'Attention Is All You Need', arxivId: '1706.03762' });
    await db.memberships.delete([READING_LIST_ID, 'c-2']); // the reader took it off the Reading list
    const { paper } = await addHighlight(db, { paper: { corpusId: 'c-2', title: 'Attention is all you need (page title)', arxivId: '1706.03762' }, selector: selector('multi-head', 5), url: 'https://arxiv.org/abs/1706.03762' });
    expect(paper.id).toBe('c-2');
    expect(await db.memberships.where('paperId').equals('c-2').count()).toBe(0);
  });

  it('lists highlights in reading order (abstract page first, then by position), whatever the order made', async () => {
    const add = (exact: string, start: number, url: string) => addHighlight(db, { paper: arxivPaper, selector: selector(exact, start), url });
    await add('third', 900, 'https://arxiv.org/html/2601.00001v1');
    await add('second', 10, 'https://arxiv.org/html/2601.00001v1');
    await add('first', 500, 'https://arxiv.org/abs/2601.00001');
    expect((await highlightsOf(db, 'arxiv:2601.00001')).map((h) => h.selector.quote.exact)).toEqual(['first', 'second', 'third']);
  });

  it('edits and clears a comment, deletes, and removing the paper removes its highlights', async () => {
    const { highlight } = await addHighlight(db, { paper: arxivPaper, selector: selector('a quote', 1), url: 'https://arxiv.org/abs/2601.00001' });
    expect((await setHighlightComment(db, highlight.id, 'why it matters')).highlight.comment).toBe('why it matters');
    expect((await setHighlightComment(db, highlight.id, '   ')).highlight).not.toHaveProperty('comment');
    await expect(setHighlightComment(db, 'hl-nope', 'x')).rejects.toThrow('library: there is no highlight "hl-nope"');
    await deleteHighlight(db, highlight.id);
    expect(await db.highlights.count()).toBe(0);

    await addHighlight(db, { paper: arxivPaper, selector: selector('another', 1), url: 'https://arxiv.org/abs/2601.00001' });
    await removePapers(db, ['arxiv:2601.00001']);
    expect(await db.highlights.count()).toBe(0);
  });

  it('Undo puts a deleted highlight back as it was: same id, place, comment and times, in one revision', async () => {
    const url = 'https://arxiv.org/html/2601.00001v1';
    await addHighlight(db, { paper: arxivPaper, selector: selector('first', 10), url });
    const { highlight } = await addHighlight(db, { paper: arxivPaper, selector: selector('second', 500, 'S2'), comment: 'keep me', url });
    await addHighlight(db, { paper: arxivPaper, selector: selector('third', 900), url });
    await deleteHighlight(db, highlight.id);
    expect((await highlightsOf(db, highlight.paperId)).map((h) => h.selector.quote.exact)).toEqual(['first', 'third']);

    const before = await userRevision(db);
    const restored = await restoreHighlight(db, highlight);
    expect(restored.revision).toBe(before + 1);
    expect(restored.highlight).toEqual(highlight);
    expect(await db.highlights.get(highlight.id)).toEqual(highlight);
    expect((await highlightsOf(db, highlight.paperId)).map((h) => h.selector.quote.exact)).toEqual(['first', 'second', 'third']);
    // Search sees it again, comment included.
    expect((await searchDocs(db, [highlight.paperId]))[0]?.notes).toContain('keep me');
  });

  it('Undo is refused when the paper left the library meanwhile, and writes nothing', async () => {
    const { highlight } = await addHighlight(db, { paper: arxivPaper, selector: selector('a quote', 1), url: 'https://arxiv.org/abs/2601.00001' });
    await removePapers(db, [highlight.paperId]);
    const before = await userRevision(db);
    await expect(restoreHighlight(db, highlight)).rejects.toThrow('library: the highlight was not restored: its paper is no longer in the library');
    expect(await db.highlights.count()).toBe(0);
    expect(await userRevision(db)).toBe(before);
  });

  it('search reads highlighted text and comments as the paper\'s notes', async () => {
    await addHighlight(db, { paper: arxivPaper, selector: selector('sinusoidal positional encodings', 1), comment: 'compare with RoPE', url: 'https://arxiv.org/abs/2601.00001' });
    const [doc] = await searchDocs(db, ['arxiv:2601.00001']);
    expect(doc?.notes).toBe('sinusoidal positional encodings\ncompare with RoPE');
  });

  it('"Quote to note" appends to the latest note, or starts one', async () => {
    const { note: first, paper } = await appendToNote(db, arxivPaper, '> quoted\n\n— [§ S1](https://arxiv.org/html/2601.00001v1#S1)');
    expect(first.text).toBe('> quoted\n\n— [§ S1](https://arxiv.org/html/2601.00001v1#S1)');
    await putNote(db, paper.id, 'my own words\n', first.id);
    const { note } = await appendToNote(db, arxivPaper, '> second');
    expect(note.id).toBe(first.id);
    expect(note.text).toBe('my own words\n\n> second');
  });

  it('snapshots and imports carry highlights; an import without them still applies', async () => {
    const { highlight } = await addHighlight(db, { paper: arxivPaper, selector: selector('a quote', 1), url: 'https://arxiv.org/abs/2601.00001' });
    const snapshot = await readSnapshot(db);
    expect(snapshot.highlights).toEqual([highlight]);

    const other = new PaperlightDB(`highlights-import-${n++}`);
    const { highlights: _, ...without } = snapshot;
    await applyImportChanges(other, without, 0);
    expect(await other.highlights.count()).toBe(0);
    await applyImportChanges(other, snapshot, await userRevision(other));
    expect(await other.highlights.get(highlight.id)).toEqual(highlight);
    other.close();
    await other.delete();
  });

  it('a page may only touch its own paper\'s highlights', async () => {
    const { paper } = await addHighlight(db, { paper: arxivPaper, selector: selector('a quote', 1), url: 'https://arxiv.org/abs/2601.00001' });
    expect(pageArxivId('https://arxiv.org/html/2601.00001v2#S1')).toBe('2601.00001');
    await expect(assertOwnPaper(db, paper.id, 'https://arxiv.org/html/2601.00001v2')).resolves.toBeUndefined();
    await expect(assertOwnPaper(db, paper.id, 'https://arxiv.org/abs/2401.99999')).rejects.toThrow(/only read and change the highlights of its own paper/);
    await expect(assertOwnPaper(db, paper.id, 'https://huggingface.co/papers')).rejects.toThrow(/its own paper/);
    expect(await pageHighlights(db, paper.id, 'https://arxiv.org/abs/2601.00001')).toHaveLength(1);
    expect(await pageHighlights(db, 'arxiv:0000.00000', 'https://arxiv.org/abs/0000.00000')).toEqual([]);
    await expect(pageHighlights(db, paper.id, 'https://arxiv.org/abs/2401.99999')).rejects.toThrow(/its own paper/);
  });
});

describe('schema version 2', () => {
  it('opens a version-1 database with its rows intact and adds the highlights table', async () => {
    const name = `highlights-upgrade-${n++}`;
    const old = new Dexie(name);
    old.version(1).stores({ papers: 'id, corpusId, arxivId, status, *tags, addedAt, updatedAt', notes: 'id, paperId, updatedAt', meta: 'key' });
    await old.table('papers').add({ id: 'arxiv:1', title: 'Old', tags: [], addedAt: 1, updatedAt: 1 });
    old.close();
    const upgraded = new PaperlightDB(name);
    expect(await upgraded.papers.get('arxiv:1')).toMatchObject({ title: 'Old' });
    expect(await upgraded.highlights.count()).toBe(0);
    expect(USER_TABLES).toContain('highlights');
    upgraded.close();
    await upgraded.delete();
  });
});
