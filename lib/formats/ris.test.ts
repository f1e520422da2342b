import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportRis, parseRis } from './ris';
import { snapshotArb } from './testing/arbitraries';
import { emptySnapshot, type FormatPaper, type LibrarySnapshot } from './snapshot';

const attention: FormatPaper = {
  id: 'arxiv:1706.03762',
  arxivId: '1706.03762',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Jean de la Fontaine', 'OpenAI'],
  year: 2017,
  url: 'https://arxiv.org/abs/1706.03762',
  doi: '10.48550/arXiv.1706.03762',
  tags: ['transformers', 'nlp'],
  addedAt: 1,
  updatedAt: 1,
};
const library = (papers: FormatPaper[], notes: LibrarySnapshot['notes'] = []): LibrarySnapshot => ({ ...emptySnapshot(), papers, notes });
const note = (text: string) => ({ id: `n-${text.length}`, paperId: attention.id, text, createdAt: 1, updatedAt: 1 });

describe('exportRis', () => {
  it('writes one tag per line, CRLF, UNPB for a preprint, ending each record with ER', () => {
    expect(exportRis(library([attention], [note('two\nlines')]))).toBe(
      [
        'TY  - UNPB',
        'ID  - vaswani2017attention',
        'TI  - Attention Is All You Need',
        'AU  - Vaswani, Ashish',
        'AU  - de la Fontaine, Jean',
        'AU  - OpenAI',
        'PY  - 2017',
        'M1  - arXiv:1706.03762',
        'DO  - 10.48550/arXiv.1706.03762',
        'UR  - https://arxiv.org/abs/1706.03762',
        'KW  - transformers',
        'KW  - nlp',
        'N1  - two lines',
        'ER  -',
        '',
      ].join('\r\n'),
    );
  });

  it('is read by an independent parser (citation.js) with the same title, authors, year, DOI, URL and keywords', () => {
    const papers: FormatPaper[] = [attention, { ...attention, id: 'j', arxivId: undefined, journal: 'Nature', title: 'Deep learning — 100% & <more>', doi: '10.1038/nature14539' }];
    const items = plugins.input.chain(exportRis(library(papers)), { forceType: '@ris/file', generateGraph: false });
    expect(items.map((i) => i.title)).toEqual(papers.map((p) => p.title));
    expect(items.map((i) => i.type)).toEqual(['manuscript', 'article-journal']);
    expect(items[0]).toMatchObject({
      author: [{ family: 'Vaswani', given: 'Ashish' }, { family: 'de la Fontaine', given: 'Jean' }, { family: 'OpenAI' }],
      issued: { 'date-parts': [[2017]] },
      DOI: '10.48550/arXiv.1706.03762',
      URL: 'https://arxiv.org/abs/1706.03762',
      keyword: 'transformers,nlp',
    });
    expect(items[1]).toMatchObject({ 'container-title': 'Nature', DOI: '10.1038/nature14539' });
  });

  it('cannot be tricked into a forged tag by a note that contains one', () => {
    const ris = exportRis(library([attention], [note('harmless\nTI  - Forged title\nER  - ')]));
    const items = plugins.input.chain(ris, { forceType: '@ris/file', generateGraph: false });
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toBe('Attention Is All You Need');
  });

  it('always exports something citation.js and parseRis read back, whatever the text', () => {
    fc.assert(
      fc.property(snapshotArb({ uniqueArxiv: true }, 3), (snapshot) => {
        const ris = exportRis(snapshot);
        const result = parseRis(ris);
        if (snapshot.papers.length === 0) return;
        expect(result).toMatchObject({ ok: true });
        if (result.ok) expect(result.records.map((r) => r.arxiv?.id)).toEqual(snapshot.papers.map((p) => p.arxivId));
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseRis', () => {
  const endnote = [
    'TY  - JOUR',
    'TI  - Denoising Diffusion Probabilistic Models',
    'AU  - Ho, Jonathan',
    'AU  - Jain, Ajay',
    'PY  - 2020',
    'UR  - https://arxiv.org/abs/2006.11239v2',
    'JO  - arXiv preprint arXiv:2006.11239',
    'KW  - diffusion; generative models',
    'KW  - Deep Learning',
    'N1  - first note',
    'N1  - second note',
    'AB  - We present high quality image synthesis results.',
    'ER  - ',
    '',
    'TY  - CONF',
    'T1  - Old-style title tag',
    'A1  - Doe, J.',
    'Y1  - 1999///',
    'ER  - ',
  ].join('\n');

  it('reads records: title, authors, year, arXiv id from the URL, keywords, notes, abstract', () => {
    expect(parseRis(endnote)).toEqual({
      ok: true,
      records: [
        {
          title: 'Denoising Diffusion Probabilistic Models',
          authors: ['Jonathan Ho', 'Ajay Jain'],
          year: 2020,
          url: 'https://arxiv.org/abs/2006.11239v2',
          arxiv: { id: '2006.11239', version: 2 },
          keywords: ['diffusion', 'generative models', 'Deep Learning'],
          notes: ['first note', 'second note'],
          abstract: 'We present high quality image synthesis results.',
        },
        { title: 'Old-style title tag', authors: ['J. Doe'], year: 1999, keywords: [], notes: [] },
      ],
    });
  });

  it('reads a Zotero 7 preprint (TY PREP, which citation.js does not map) with its authors, and HTML notes as text', () => {
    const zotero = ['TY  - PREP', 'TI  - DDPM', 'AU  - Ho, Jonathan', 'AU  - Jain, Ajay', 'PY  - 2020', 'N1  - <p>Comment: 24 pages &amp; more</p>', 'ER  - ', ''].join('\r\n');
    expect(parseRis(zotero)).toEqual({
      ok: true,
      records: [{ title: 'DDPM', authors: ['Jonathan Ho', 'Ajay Jain'], year: 2020, keywords: [], notes: ['Comment: 24 pages & more'] }],
    });
  });

  it.each([
    [
      'a record with no ER before the next',
      'TY  - JOUR\nTI  - A\nER  - \n\nTY  - JOUR\nID  - second\nTI  - B\nTY  - JOUR\nTI  - C\nER  - \n',
      { entry: 'second', line: 5, message: 'ris: line 5: record "second" has no "ER  - " before the next record at line 8. Nothing was imported; close the record and import again.' },
    ],
    [
      'a truncated file',
      'TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nTI  - B',
      { entry: '#2', line: 4, message: 'ris: line 4: record "#2" has no "ER  - " line: the file looks truncated. Nothing was imported.' },
    ],
    [
      'text outside a record',
      'TY  - JOUR\nTI  - A\nER  - \nstray words\n',
      { entry: '#2', line: 4, message: 'ris: line 4: "stray words" is outside a record; every record starts with "TY  - " and ends with "ER  - ". Nothing was imported.' },
    ],
    [
      'a record without a title',
      'TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nAU  - Doe, J.\nER  - \n',
      { entry: '#2', line: 4, message: 'ris: line 4: record "#2" has no title (TI or T1). Nothing was imported; fix that record and import again.' },
    ],
  ])('refuses %s, naming the record and its line', (_name, text, error) => {
    expect(parseRis(text)).toEqual({ ok: false, error });
  });
});
