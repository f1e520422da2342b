import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, PaperlightDB } from '../browser/db';
import { addTags, addToList, createList, loadLookupIndex, loadPageMarks, lookupPapers, putNote, savePaper, setStatus, type PageRef } from '../browser/library';
import { TitleMatcher } from '../identity/title-matcher';
import { resolveLocally, type PageContext } from './page-context';

const corpus = [
  { id: 'c-1', title: 'Scaling Laws for Neural Language Models', abstract: '', sources: [] },
  { id: 'c-2', title: 'Scaling Laws for Neural Machine Translation', abstract: '', sources: [] },
  { id: 'c-3', title: 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation', abstract: '', sources: [] },
  { id: 'c-4', title: 'Attention Is All You Need', abstract: '', sources: [] },
];
const matcher = new TitleMatcher(corpus);
const match = (title: string) => matcher.match(title)?.id ?? null;

let db: PaperlightDB;
let n = 0;
beforeEach(async () => {
  db = new PaperlightDB(`page-context-${n++}`);
  await loadCorpus(db, { version: 'v1', count: corpus.length, papers: corpus });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function context(): Promise<PageContext> {
  return { ...(await loadPageMarks(db, await loadLookupIndex(db))), titles: Object.fromEntries(matcher.exactKeys()) };
}

describe('resolveLocally', () => {
  it('agrees with the background on every entry it settles, and leaves only fuzzy candidates to it', async () => {
    // A library in every state a mark can show: saved by id, a saved corpus paper, a remembered id, tags, lists, notes.
    await savePaper(db, { arxivId: '2401.00001', title: 'Only On A Page' });
    await setStatus(db, ['arxiv:2401.00001'], 'reading');
    await addTags(db, ['arxiv:2401.00001'], ['rl']);
    await putNote(db, 'arxiv:2401.00001', 'why');
    await savePaper(db, { corpusId: 'c-4', title: 'Attention Is All You Need' });
    const list = await createList(db, 'Transformers');
    await addToList(db, ['c-4'], list.list.id);
    await lookupPapers(db, await loadLookupIndex(db), [{ id: '2001.08361', title: 'Scaling Laws for Neural Language Models' }], match);

    const refs: PageRef[] = [
      { id: '2401.00001', title: 'Only On A Page' }, // saved, by id
      { id: '2001.08361', title: '' }, // remembered corpus paper, by id, no title (a pdf page)
      { id: null, title: 'Attention is all you need' }, // saved corpus paper, by exact title
      { id: '2401.04081', title: 'PanGu-$\\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation' }, // TeX, exact
      { id: null, title: 'Scaling Laws for Neural Machine Translations' }, // near: the background's fuzzy matcher decides
      { id: '2402.00002', title: 'Short Unknown' }, // too short to match fuzzily: no paper
      { id: '2402.00003', title: 'A Long Title That Names No Paper Of The Corpus At All' }, // long: the background decides
    ];
    const ctx = await context();
    const resolved = refs.map((ref) => resolveLocally(ctx, ref));
    expect(resolved.map((r) => r.by)).toEqual(['id', 'id', 'title', 'title', 'background', 'id', 'background']);
    const truth = await lookupPapers(db, await loadLookupIndex(db), refs, match);
    resolved.forEach((r, i) => {
      if (r.mark) expect(r.mark, `entry ${i}`).toEqual(truth[i]);
    });
    expect(truth[4]!.paperId).toBe('c-2');
    expect(truth[6]!.paperId).toBeNull();
  });

  it('sends every title to the background when the context carries no titles (a corpus too large to send)', async () => {
    const ctx = await loadPageMarks(db, await loadLookupIndex(db));
    expect(resolveLocally(ctx, { id: null, title: 'Attention Is All You Need' }).by).toBe('background');
  });

  it('follows writes: a paper saved after the context was read is only known from a new context', async () => {
    const before = await context();
    await savePaper(db, { arxivId: '2403.00001', title: 'Saved Later' });
    expect(resolveLocally(before, { id: '2403.00001', title: 'Saved Later' }).mark?.saved).toBe(false);
    expect(resolveLocally(await context(), { id: '2403.00001', title: 'Saved Later' }).mark).toMatchObject({ saved: true, lists: ['Reading list'] });
  });
});
