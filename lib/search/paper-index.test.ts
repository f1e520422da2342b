import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build';
import { corpusToDocs } from './corpus';
import { PaperIndex } from './paper-index';
import { analyze } from './tokenize';
import type { SearchDoc, SearchHit } from './types';

const titles = (hits: SearchHit[]) => hits.map((h) => h.title);

/** A small library where every paper differs from the others in one way the tests probe. */
function library(): SearchDoc[] {
  return [
    { id: 'a', title: 'Scaling Laws for Neural Language Models', abstract: 'We study power laws of loss against compute and model size.', year: 2020, inCorpus: true },
    { id: 'b', title: 'Language Models are Few-Shot Learners', abstract: 'Scaling up language models improves few-shot performance.', year: 2020, saved: true, status: 'read', tags: ['gpt'], lists: ['reading-list', 'Reading list'], addedAt: 100 },
    { id: 'c', title: 'Attention Is All You Need', abstract: 'The Transformer, based solely on attention mechanisms.', year: 2017, saved: true, status: 'to-read', tags: ['transformers', 'classic'], addedAt: 300, authors: ['Ashish Vaswani', 'Noam Shazeer'] },
    { id: 'd', title: 'Light Schrödinger Bridge', abstract: 'A simple solver for Schrödinger bridges.', year: 2024, inCorpus: true },
    { id: 'e', title: 'u-μP: The Unit-Scaled Maximal Update Parametrization', abstract: 'Combines muP with unit scaling.', inCorpus: true },
    { id: 'f', title: 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation', abstract: 'Nonlinearity for language models.', year: 2023, saved: true, status: 'reading', addedAt: 200, notes: 'Check the augmented shortcut idea.' },
    { id: 'g', title: 'Pre-training Graph Transformers', abstract: 'A graph model pretrained on molecules.', year: 2022, inCorpus: true },
  ];
}

describe('PaperIndex', () => {
  let index: PaperIndex;
  beforeAll(() => {
    index = PaperIndex.build(library());
  });

  it('knows its papers', () => {
    expect(index.size).toBe(7);
    expect(index.has('a')).toBe(true);
    expect(index.has('zz')).toBe(false);
  });

  it.each([
    ['attention is all you need', 'Attention Is All You Need'],
    ['schrodinger bridge', 'Light Schrödinger Bridge'],
    ['muP', 'u-μP: The Unit-Scaled Maximal Update Parametrization'],
    ['μP', 'u-μP: The Unit-Scaled Maximal Update Parametrization'],
    ['pangu pi', 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation'],
    ['PanGu-π', 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation'],
    ['schrod', 'Light Schrödinger Bridge'],
    ['scalng lwas', 'Scaling Laws for Neural Language Models'],
    ['nonlinearty compensaton', 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation'],
    ['vaswani', 'Attention Is All You Need'],
    ['shortcut', 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation'],
    ['pretraining graph', 'Pre-training Graph Transformers'],
    ['pre-trained graph', 'Pre-training Graph Transformers'],
  ])('finds %j first', (query, title) => {
    expect(index.search(query).hits[0]?.title).toBe(title);
  });

  it('matches the last word as a prefix only while it is being typed', () => {
    expect(titles(index.search('schrod').hits)).toEqual(['Light Schrödinger Bridge']);
    expect(index.search('schrod ').total).toBe(0);
  });

  it('returns the papers holding every word when there are any', () => {
    // a and b hold both words; e holds only "scaling", f only "language".
    const result = index.search('language scaling');
    expect(result.hits.map((h) => h.id).sort()).toEqual(['a', 'b']);
    expect(result.total).toBe(2);
  });

  it('falls back to papers holding some words, most words first, when none holds all', () => {
    // d holds "schrodinger" and "bridge"; c "transformer"; g "transformers"; none holds all three words.
    const result = index.search('schrodinger bridge transformer');
    expect(result.hits[0]!.id).toBe('d');
    expect(result.hits.map((h) => h.id).sort()).toEqual(['c', 'd', 'g']);
    expect(result.total).toBe(3);
  });

  it('requires phrases word for word', () => {
    expect(titles(index.search('"language models"').hits).sort()).toEqual(['Language Models are Few-Shot Learners', 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation', 'Scaling Laws for Neural Language Models']);
    expect(titles(index.search('"models language"').hits)).toEqual([]);
    expect(titles(index.search('"unit-scaled maximal upd').hits)).toEqual(['u-μP: The Unit-Scaled Maximal Update Parametrization']);
  });

  it('checks phrases in rank order and estimates the total when too many papers hold their words', () => {
    const docs: SearchDoc[] = Array.from({ length: 1200 }, (_, i) => ({
      id: `p${i}`,
      title: `Paper ${i}`,
      // A third hold "alpha beta" in a row; all hold both words.
      abstract: i % 3 === 0 ? `The alpha beta method, case ${i}.` : `Beta first, then alpha, case ${i}.`,
    }));
    const big = PaperIndex.build(docs);
    const result = big.search('"alpha beta"', { limit: 10 });
    expect(result.hits).toHaveLength(10);
    for (const hit of result.hits) expect(Number(hit.id.slice(1)) % 3).toBe(0);
    expect(result.estimated).toBe(true);
    expect(result.total).toBeGreaterThan(300);
    expect(result.total).toBeLessThan(500);
    // Few enough candidates: every one is checked and the total is exact.
    const narrow = big.search('"alpha beta" 999', { limit: 10 });
    expect(narrow).toMatchObject({ total: 1, hits: [{ id: 'p999' }] });
    expect(narrow.estimated).toBeUndefined();
  });

  it('leaves out excluded words and phrases', () => {
    expect(titles(index.search('language -scaling').hits)).not.toContain('Scaling Laws for Neural Language Models');
    expect(titles(index.search('language -"few-shot"').hits)).not.toContain('Language Models are Few-Shot Learners');
    expect(titles(index.search('language -"few-shot"').hits)).toContain('Scaling Laws for Neural Language Models');
  });

  it.each([
    ['tag:gpt', ['b']],
    ['-tag:gpt is:saved', ['c', 'f']],
    ['list:"Reading List"', ['b']],
    ['list:reading-list', ['b']],
    ['status:read', ['b']],
    ['status:read status:reading', ['b', 'f']],
    ['-status:read is:saved', ['c', 'f']],
    ['year:2020', ['a', 'b']],
    ['year:2021..2023', ['f', 'g']],
    ['year:2023..', ['d', 'f']],
    ['year:2017 year:2024', ['c', 'd']],
    ['is:corpus', ['a', 'd', 'e', 'g']],
    ['-is:corpus', ['b', 'c', 'f']],
    ['is:saved tag:gpt tag:classic', []],
    ['language is:saved', ['b', 'f']],
    ['language year:..2021', ['a', 'b']],
  ])('filters %j', (query, ids) => {
    const result = index.search(query);
    expect(result.hits.map((h) => h.id).sort()).toEqual(ids);
    expect(result.total).toBe(ids.length);
  });

  it('lists filter-only queries newest saved first', () => {
    expect(index.search('is:saved').hits.map((h) => h.id)).toEqual(['c', 'f', 'b']);
    // Without save dates: newest year first, then by title.
    expect(index.search('is:corpus').hits.map((h) => h.id)).toEqual(['d', 'g', 'a', 'e']);
    expect(index.search('').total).toBe(0);
  });

  it('carries what the popup shows', () => {
    const [hit] = index.search('attention').hits;
    expect(hit).toMatchObject({ id: 'c', year: 2017, saved: true, status: 'to-read', tags: ['transformers', 'classic'] });
    expect(hit!.title.slice(...hit!.titleMatches[0]!)).toBe('Attention');
  });

  it('never throws, whatever is typed', () => {
    const garbage = ['a'.repeat(10_000), '"""', '-', 'tag: is: year:', 'שלום עולם', '🎉🧪', '\ud800', 'x'.repeat(50) + ' ' + 'y-'.repeat(500)];
    for (const query of garbage) expect(() => index.search(query)).not.toThrow();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (query) => {
        const result = index.search(query, { limit: 3 });
        expect(result.hits.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PaperIndex edits', () => {
  it('reflects upserts and discards in searches and filters', () => {
    const index = PaperIndex.build(library());
    expect(index.search('tag:favourite').total).toBe(0);
    const doc = library().find((d) => d.id === 'd')!;
    index.upsert({ ...doc, saved: true, tags: ['favourite'], notes: 'entropic optimal transport baseline', status: 'reading' });
    expect(index.size).toBe(7);
    expect(index.search('tag:favourite').hits.map((h) => h.id)).toEqual(['d']);
    expect(index.search('entropic').hits.map((h) => h.id)).toEqual(['d']);
    expect(index.search('status:reading').hits.map((h) => h.id).sort()).toEqual(['d', 'f']);
    expect(titles(index.search('schrodinger').hits)).toEqual(['Light Schrödinger Bridge']);

    index.upsert({ ...doc, title: 'Heavy Schrödinger Bridge' });
    expect(titles(index.search('schrodinger').hits)).toEqual(['Heavy Schrödinger Bridge']);
    expect(index.search('entropic').total).toBe(0);

    index.discard('d');
    index.discard('not-there');
    expect(index.has('d')).toBe(false);
    expect(index.size).toBe(6);
    expect(index.search('schrodinger').total).toBe(0);
    expect(index.related('d')).toEqual([]);
  });

  it('stays right across compaction after many edits', () => {
    const docs = corpusToDocs(buildCorpus().asset.papers);
    const index = PaperIndex.build(docs);
    // Replace then discard most papers: enough dead postings to trigger compaction at least once.
    for (const doc of docs.slice(0, 500)) index.upsert({ ...doc, tags: ['edited'] });
    for (const doc of docs.slice(50, 600)) index.discard(doc.id);
    expect(index.size).toBe(docs.length - 550);
    expect(index.search('tag:edited').total).toBe(50);
    for (const doc of [...docs.slice(0, 50), ...docs.slice(600)]) expect(index.search(`"${doc.title}"`).hits.map((h) => h.id)).toContain(doc.id);
    expect(index.search(`"${docs[300]!.title}"`).hits.map((h) => h.id)).not.toContain(docs[300]!.id);
  });
});

describe('PaperIndex serialisation', () => {
  const queries = ['scaling laws', 'poseid', 'nueral operator', '"mixture of experts"', 'muP', 'language -scaling year:2024', 'is:corpus'];

  it('restores an index that answers exactly as the original', () => {
    const docs = corpusToDocs(buildCorpus().asset.papers);
    const original = PaperIndex.build(docs);
    original.upsert({ ...docs[0]!, saved: true, tags: ['genomics'], notes: 'long context DNA' });
    original.discard(docs[1]!.id);
    const restored = PaperIndex.fromJSON(original.toJSON());
    expect(restored.size).toBe(original.size);
    for (const query of [...queries, 'tag:genomics', 'dna context']) expect(restored.search(query)).toEqual(original.search(query));
    expect(restored.related(docs[5]!.id)).toEqual(original.related(docs[5]!.id));
    expect(restored.toJSON()).toBe(original.toJSON());
  });

  it.each([
    ['not JSON', '{', 'search: the serialised index is not JSON; rebuild it from the papers'],
    ['another format', '{"format":"x"}', 'search: the serialised index is not paperlight-search-index version 1; rebuild it from the papers'],
    ['missing parts', '{"format":"paperlight-search-index","version":1}', 'search: the serialised index lacks docs, terms or postings; rebuild it from the papers'],
  ])('refuses %s, saying what to do', (_name, json, message) => {
    expect(() => PaperIndex.fromJSON(json)).toThrow(message);
  });
});

describe('related', () => {
  it('finds papers sharing distinctive terms, never the paper itself', () => {
    const docs = corpusToDocs(buildCorpus().asset.papers);
    const index = PaperIndex.build(docs);
    const paper = docs.find((d) => d.title === 'Scaling Laws for Neural Language Models')!;
    const related = index.related(paper.id);
    expect(related).toHaveLength(5);
    expect(related.map((h) => h.id)).not.toContain(paper.id);
    expect(related.filter((h) => /scal/i.test(h.title)).length).toBeGreaterThanOrEqual(3);
    const scores = related.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(index.related(paper.id, 2)).toEqual(related.slice(0, 2));
  });
});

describe('highlights', () => {
  it('mark words that match the query, in titles and snippets', () => {
    const index = PaperIndex.build(corpusToDocs(buildCorpus().asset.papers));
    for (const query of ['scaling laws', 'neural operator', 'gaussian process', 'schrodinger', 'muP', 'diffusion models', 'low rank adaptation']) {
      const wanted = new Set<string>();
      analyze(query, (term, _kind, _s, _e, stop) => {
        if (!stop) wanted.add(term);
      });
      const typed = [...wanted].at(-1)!;
      for (const hit of index.search(query, { limit: 10 }).hits) {
        const ranges = [...hit.titleMatches.map((r) => hit.title.slice(...r)), ...hit.snippetMatches.map((r) => hit.snippet.slice(...r))];
        expect(ranges.length).toBeGreaterThan(0);
        for (const text of ranges) {
          const terms: string[] = [];
          analyze(text, (term) => {
            terms.push(term);
          });
          // Each highlighted span holds a query word (or a completion of the word being typed).
          expect(terms.some((t) => wanted.has(t) || t.startsWith(typed)), `${query}: ${text}`).toBe(true);
        }
      }
    }
  });
});

describe('title check', () => {
  const index = PaperIndex.build(
    [
      'Recurrent Batch Normalization',
      'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
      'Scaling Laws for Neural Language Models',
      'Scaling Laws for Neural Language Models in Low-Resource Settings',
      'Neural Scaling Laws for Language Models',
      'A Hidden Markov Model for de Novo Peptide Sequencing',
      'Peptide Sequencing Via Protein Language Models',
    ].map((title, i) => ({ id: `t${i}`, title, abstract: '' })),
  );

  it.each([
    ['scaling laws for neural language models', 'Scaling Laws for Neural Language Models'], // the exact title
    ['neural scaling laws language models', 'Neural Scaling Laws for Language Models'], // the same words in order
    ['batch normalization', 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift'], // its name
    ['peptide sequen', 'Peptide Sequencing Via Protein Language Models'], // typed from its start
  ])('ranks %j first', (query, title) => {
    expect(index.search(query).hits[0]?.title).toBe(title);
  });
});
