import { describe, expect, it } from 'vitest';
import { loadPage, loadSharedPage } from '../../../test/fixtures/pages/load-page';
import { SKIP_NO_SHARED } from '../../../test/shared';
import { extract } from './arxiv-html';

describe('arXiv HTML full text', () => {
  const doc = loadPage('arxiv-html.html');

  it('reads id and version from the URL, the title from LaTeXML’s h1 with its MathML as TeX, without footnotes', () => {
    const refs = extract(doc, new URL('https://arxiv.org/html/2312.17276v1'));
    expect(refs).toMatchObject([
      {
        id: '2312.17276',
        version: 1,
        title: 'PanGu-$\\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation',
        authors: ['Yunhe Wang', 'Hanting Chen'],
      },
    ]);
    expect(refs[0]!.element).toBe(doc.querySelector('h1'));
  });

  it('finds the id on the page (watermark) when the URL has none', () => {
    expect(extract(doc, new URL('https://arxiv.org/html/'))).toMatchObject([{ id: '2312.17276', version: 1 }]);
  });
});

describe('arXiv HTML full text, real saved pages', () => {
  it('reads ar5iv (1706.03762)', () => {
    const doc = loadSharedPage('arxiv-html/ar5iv-1706.03762-attention.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    const [ref, ...rest] = extract(doc, new URL('https://ar5iv.labs.arxiv.org/html/1706.03762'));
    expect(rest).toEqual([]);
    expect(ref).toMatchObject({ id: '1706.03762', version: null, title: 'Attention Is All You Need' });
    expect(ref!.authors?.slice(0, 3)).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    expect(ref!.authors).toHaveLength(8);
  });

  it('keeps the entry of a failed conversion (html-2608.30667v1), titled ""', () => {
    const doc = loadSharedPage('arxiv-html/html-2608.30667v1-conversion-failed.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    expect(extract(doc, new URL('https://arxiv.org/html/2608.30667v1'))).toMatchObject([{ id: '2608.30667', version: 1, title: '' }]);
  });
});
