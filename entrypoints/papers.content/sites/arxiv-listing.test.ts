import { describe, expect, it } from 'vitest';
import { loadPage, loadSharedPage } from '../../../test/fixtures/pages/load-page';
import { SKIP_NO_SHARED } from '../../../test/shared';
import { extract } from './arxiv-listing';

describe('arXiv listing, 2023 markup (dl per section, span.list-identifier)', () => {
  const url = new URL('https://arxiv.org/list/cs.LG/new');
  const doc = loadPage('arxiv-list-2023.html');
  const refs = extract(doc, url);

  it('reads every entry across sections, in page order', () => {
    expect(refs.map((r) => [r.id, r.version])).toEqual([
      ['2312.17276', null],
      ['2401.00002', null],
      ['hep-th/9901001', null],
    ]);
  });

  it.each([
    [0, 'PanGu-$\\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation'],
    [2, 'Scaling Laws for Neural Machine Translation'],
  ])('entry %i has the title %j, label dropped and line wrap joined', (i, title) => {
    expect(refs[i]!.title).toBe(title);
  });

  it('reads authors and puts the entry element on the dd', () => {
    expect(refs[0]!.authors).toEqual(['Yunhe Wang', 'Hanting Chen']);
    expect(refs.every((r) => r.element.localName === 'dd')).toBe(true);
  });

  it('reads the abstract a /new page shows, and none where it shows none', () => {
    expect(refs[0]!.abstract).toBe('The trend of large language models (LLMs) is to increase the scale of both model size and dataset.');
    expect(refs[2]!.abstract).toBeUndefined();
  });

  it('keeps a hostile title as inert text', () => {
    const images = doc.querySelectorAll('img').length;
    expect(refs[1]!.title).toBe('<img src=x onerror=alert(1)> & Friends: Escaping Titles');
    expect(doc.querySelectorAll('img').length).toBe(images);
  });
});

describe('arXiv listing, May 2024 markup (dl#articles, h3 day headings)', () => {
  const refs = extract(loadPage('arxiv-list-2024.html'), new URL('https://arxiv.org/list/cs.LG/pastweek'));

  it('reads ids and the version a link names', () => {
    expect(refs.map((r) => [r.id, r.version])).toEqual([
      ['2412.08946', null],
      ['2411.17501', 2],
      ['2411.00001', null],
    ]);
  });

  it('gives back the TeX of a title MathJax already rendered, and leaves raw TeX alone', () => {
    expect(refs[0]!.title).toBe('S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity');
    expect(refs[1]!.title).toBe('Inference Scaling $\\scriptsize\\mathtt{F}$Laws: The Limits of LLM Resampling with Imperfect Verifiers');
  });

  it('reads authors without a label', () => {
    expect(refs[0]!.authors).toEqual(['Xinyu Yang', 'Jianan Leng']);
    expect(refs[2]!.authors).toBeUndefined();
  });
});

describe('arXiv listing, empty month', () => {
  it('has no entries', () => {
    expect(extract(loadPage('arxiv-list-empty.html'), new URL('https://arxiv.org/list/cs/9101'))).toEqual([]);
  });
});

describe('arXiv listing, real saved pages', () => {
  it('reads all 397 entries of astro-ph pastweek (browser-saved after MathJax ran)', () => {
    const doc = loadSharedPage('arxiv-list/list-astro-ph-pastweek-show1000-2024-11-browser-saved-mathjax.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    const refs = extract(doc, new URL('https://arxiv.org/list/astro-ph/pastweek?show=1000'));
    expect(refs).toHaveLength(397);
    expect(new Set(refs.map((r) => r.id)).size).toBe(397);
    expect(refs.every((r) => r.id && /^\d{4}\.\d{5}$/.test(r.id) && r.title.length > 10)).toBe(true);
    expect(refs[0]).toMatchObject({ id: '2411.14419', version: null, title: 'Combining summary statistics with simulation-based inference for the 21 cm signal from the Epoch of Reionization' });
    expect(refs[0]!.authors).toEqual(['Benoit Semelin', 'Romain Mériot', 'Ashutosh Mishra', 'David Cornu']);
    // The 25 titles MathJax rendered come back as TeX, without the glyphs it drew.
    const withMath = refs.filter((r) => r.title.includes('$'));
    expect(withMath).toHaveLength(25);
    expect(refs.find((r) => r.id === '2411.14273')!.title).toBe('Examining the evolution of the Supersoft X-ray Source RX J$0513.9-6951$');
    expect(refs.find((r) => r.id === '2411.14271')!.title).toBe(
      'The properties of the interstellar medium in dusty, star-forming galaxies at $z \\sim 2-4$: The shape of the CO spectral line energy distributions',
    );
    expect(refs.some((r) => /Title:|−|∼/.test(r.title))).toBe(false);
  });

  it('reads no entries from the empty January 1991 month', () => {
    const doc = loadSharedPage('arxiv-list/list-cs-9101-empty-2023.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    expect(extract(doc, new URL('https://arxiv.org/list/cs/9101'))).toEqual([]);
  });
});
