import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanDoi, cleanLine, cleanMultiline, recordsToSnapshot } from './citation-record';
import { exportCslJson, parseCslJson, toCslItems } from './csl-json';
import { snapshotArb } from './testing/arbitraries';
import { emptySnapshot, notesByPaper, type FormatPaper, type LibrarySnapshot } from './snapshot';

const attention: FormatPaper = {
  id: 'arxiv:1706.03762',
  arxivId: '1706.03762',
  arxivVersion: 5,
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Jean de la Fontaine', 'Google Brain Team, Inc.'],
  year: 2017,
  primaryClass: 'cs.CL',
  url: 'https://arxiv.org/abs/1706.03762',
  tags: ['transformers', 'attention'],
  addedAt: 1,
  updatedAt: 1,
};
const library = (papers: FormatPaper[], notes: LibrarySnapshot['notes'] = []): LibrarySnapshot => ({ ...emptySnapshot(), papers, notes });

describe('exportCslJson', () => {
  it('writes a preprint as Zotero does: type article, number arXiv:id, publisher arXiv', () => {
    const [item] = toCslItems(library([attention], [{ id: 'n', paperId: attention.id, text: 'read §3', createdAt: 1, updatedAt: 1 }]));
    expect(item).toEqual({
      id: 'vaswani2017attention',
      type: 'article',
      'citation-key': 'vaswani2017attention',
      title: 'Attention Is All You Need',
      author: [
        { given: 'Ashish', family: 'Vaswani' },
        { given: 'Noam', family: 'Shazeer' },
        { given: 'Jean', 'non-dropping-particle': 'de la', family: 'Fontaine' },
        { literal: 'Google Brain Team, Inc.' },
      ],
      issued: { 'date-parts': [[2017]] },
      number: 'arXiv:1706.03762v5',
      publisher: 'arXiv',
      URL: 'https://arxiv.org/abs/1706.03762',
      keyword: 'transformers, attention',
      annote: 'read §3',
      custom: { primaryClass: 'cs.CL' },
    });
  });

  it('is rendered by an independent CSL processor (citation.js) as a proper APA reference', () => {
    const items = JSON.parse(exportCslJson(library([{ ...attention, authors: ['Ashish Vaswani', 'Noam Shazeer'] }]))) as unknown[];
    // citation.js re-validates the items on input; then citeproc formats them.
    const cite = new Cite(plugins.input.chain(items, { forceType: '@csl/list+object' }));
    expect(cite.format('bibliography', { template: 'apa', format: 'text' }).trim()).toBe(
      'Vaswani, A., & Shazeer, N. (2017). Attention Is All You Need (arXiv:1706.03762v5). arXiv. https://arxiv.org/abs/1706.03762',
    );
  });
});

function cslView(snapshot: LibrarySnapshot) {
  const notes = notesByPaper(snapshot.notes);
  return snapshot.papers.map((p: FormatPaper) => ({
    title: cleanLine(p.title),
    authors: (p.authors ?? []).map(cleanLine).filter((a) => a.length > 0),
    year: p.year,
    arxivId: p.arxivId,
    arxivVersion: p.arxivId ? p.arxivVersion : undefined,
    primaryClass: p.primaryClass,
    doi: cleanDoi(p.doi),
    url: p.url?.trim(),
    journal: p.journal,
    abstract: cleanMultiline(p.abstract ?? '') || undefined,
    tags: [...p.tags].sort(),
    notes: [
      ...new Map(
        (notes.get(p.id) ?? [])
          .map((n) => cleanMultiline(n.text))
          .filter((t) => t.length > 0)
          .map((t) => [t.replace(/\s+/g, ' '), t]),
      ).values(),
    ],
  }));
}

describe('CSL-JSON round trip (export → import → same data)', () => {
  it('keeps hostile titles, names, abstracts and notes (10,000-character ones too)', () => {
    fc.assert(
      fc.property(snapshotArb({ uniqueArxiv: true }, 4), (snapshot) => {
        const parsed = parseCslJson(exportCslJson(snapshot));
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(cslView(recordsToSnapshot(parsed.records, 0))).toEqual(cslView(snapshot));
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseCslJson', () => {
  it('reads a Zotero preprint: arXiv id from number, Zotero\'s "arXiv:… [cs]" note is not a reading note', () => {
    const zotero = [
      {
        id: 'http://zotero.org/users/1/items/ABC',
        type: 'article',
        title: 'Attention Is All You Need',
        publisher: 'arXiv',
        number: 'arXiv:1706.03762',
        DOI: '10.48550/arXiv.1706.03762',
        note: 'arXiv:1706.03762 [cs]',
        author: [{ family: 'Vaswani', given: 'Ashish' }, { literal: 'The Team' }],
        issued: { 'date-parts': [['2017', 6, 12]] },
        keyword: 'Computer Science - Computation and Language; Computer Science - Machine Learning',
      },
    ];
    expect(parseCslJson(JSON.stringify(zotero))).toEqual({
      ok: true,
      records: [
        {
          title: 'Attention Is All You Need',
          authors: ['Ashish Vaswani', 'The Team'],
          year: 2017,
          doi: '10.48550/arXiv.1706.03762',
          arxiv: { id: '1706.03762' },
          keywords: ['Computer Science - Computation and Language', 'Computer Science - Machine Learning'],
          notes: [],
        },
      ],
    });
  });

  it('accepts a single item object', () => {
    expect(parseCslJson('{"title": "One", "issued": {"raw": "March 2020"}}')).toMatchObject({ ok: true, records: [{ title: 'One', year: 2020 }] });
  });

  it.each([
    ['no title', '[\n  {"id": "a", "title": "Fine"},\n  {"id": "b"}\n]', 'b', 3, 'csl-json: item "b" (line 3): "title" must be a non-empty string. Nothing was imported; fix that item and import again.'],
    ['authors not a list', '[{"title": "T", "author": "Someone"}]', '[0]', 1, 'csl-json: item "[0]" (line 1): "author" must be an array. Nothing was imported; fix that item and import again.'],
    ['a number for an item', '[\n{"title": "T"},\n42]', '[1]', 3, 'csl-json: item "[1]" (line 3): must be an object. Nothing was imported; fix that item and import again.'],
  ])('refuses an invalid item (%s), naming it and its line', (_name, text, entry, line, message) => {
    expect(parseCslJson(text)).toEqual({ ok: false, error: { entry, line, message } });
  });

  it('refuses truncated JSON, naming the item the file ends in', () => {
    const text = exportCslJson(library([attention, { ...attention, id: 'b', arxivId: '1810.04805', title: 'BERT' }]));
    const cut = text.slice(0, text.indexOf('"BERT"') + 3);
    const result = parseCslJson(cut);
    const secondItemLine = text.slice(0, text.indexOf('  {', text.indexOf('"BERT"') - 200)).split('\n').length;
    expect(result).toMatchObject({ ok: false, error: { entry: '[1]', line: secondItemLine } });
    if (!result.ok) {
      expect(result.error.message).toMatch(
        new RegExp(`^csl-json: \\[1\\] \\(line ${secondItemLine}\\): not valid JSON: the file ends inside a string \\(it looks truncated\\) at line \\d+, column \\d+\\. Nothing was imported`),
      );
    }
  });
});
