import { describe, expect, it } from 'vitest';
import { loadPage, loadSharedPage } from '../../../test/fixtures/pages/load-page';
import { SKIP_NO_SHARED } from '../../../test/shared';
import { extract } from './arxiv-search';

describe('arXiv search results', () => {
  const doc = loadPage('arxiv-search.html');
  const refs = extract(doc, new URL('https://arxiv.org/search/?query=scaling+laws&searchtype=all'));

  it('reads one entry per li.arxiv-result, in order', () => {
    expect(refs.map((r) => r.id)).toEqual(['2001.08361', '2512.00001', '2512.00002']);
    expect(refs.every((r) => r.element.localName === 'li' && r.version === null)).toBe(true);
  });

  it.each([
    [0, 'Scaling Laws for Neural Language Models'],
    [2, 'Transfer Learning for Emulating Ocean Climate Variability across $CO_2$ forcing'],
  ])('result %i is titled %j (search-hit highlights joined back)', (i, title) => {
    expect(refs[i]!.title).toBe(title);
  });

  it('reads authors', () => {
    expect(refs[0]!.authors).toEqual(['Jared Kaplan', 'Sam McCandlish']);
  });
});

describe('arXiv search results, real saved page', () => {
  it('reads all 200 results (search-abstract-distributed-systems-200)', () => {
    const doc = loadSharedPage('arxiv-search/search-abstract-distributed-systems-200-2025-12.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    const refs = extract(doc, new URL('https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&size=200'));
    expect(refs).toHaveLength(200);
    expect(refs.every((r) => /^2512\.\d{5}$/.test(r.id ?? '') && r.title.length > 5)).toBe(true);
    expect(refs[0]).toMatchObject({ id: '2512.03003', title: 'The role of the top Yukawa coupling in triple Higgs production at the LHC', authors: ['Luca Panizzi'] });
    expect(refs.find((r) => r.id === '2512.02407')!.title).toBe('Non-diagonal DVCS with spinless hadron-to-two-hadron transition $γ^* π\\to γππ$');
  });
});

describe('arXiv search results: abstracts', () => {
  it('reads the full abstract without its "Less" link (search-abstract-distributed-systems-200)', () => {
    const doc = loadSharedPage('arxiv-search/search-abstract-distributed-systems-200-2025-12.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    const refs = extract(doc, new URL('https://arxiv.org/search/?query=distributed+systems&searchtype=abstract'));
    expect(refs[0]!.abstract).toMatch(/^In this letter I quantify the effects of varying the top Yukawa coupling/);
    expect(refs[0]!.abstract).not.toMatch(/Less$/);
    expect(refs.filter((r) => (r.abstract?.length ?? 0) > 100)).toHaveLength(200);
  });

  it('has none where the page shows none', () => {
    const refs = extract(loadPage('arxiv-search.html'), new URL('https://arxiv.org/search/?query=scaling+laws&searchtype=all'));
    expect(refs[0]!.abstract).toBeUndefined();
  });
});
