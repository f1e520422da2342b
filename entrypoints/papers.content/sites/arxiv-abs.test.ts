import { describe, expect, it } from 'vitest';
import { loadPage, loadSharedPage, parsePage } from '../../../test/fixtures/pages/load-page';
import { SKIP_NO_SHARED } from '../../../test/shared';
import { extract } from './arxiv-abs';

describe('arXiv abstract page', () => {
  it('prefers the citation meta (the title as submitted, TeX and all) and takes the version from og:url', () => {
    const doc = loadPage('arxiv-abs.html');
    const [ref, ...rest] = extract(doc, new URL('https://arxiv.org/abs/2402.00001'));
    expect(rest).toEqual([]);
    expect(ref).toMatchObject({
      id: '2402.00001',
      version: 3,
      title: 'Damped Newton Method with Near-Optimal Global $\\mathcal{O}\\left(k^{-3}\\right)$ Convergence Rate',
      authors: ['Slavomír Hanzely', 'Dmitry Kamzolov'],
    });
    expect(ref!.element).toBe(doc.querySelector('h1.title'));
  });

  it('takes the version from the URL when it names one', () => {
    const [ref] = extract(loadPage('arxiv-abs.html'), new URL('https://arxiv.org/abs/2402.00001v1'));
    expect(ref!.version).toBe(1);
  });

  it('reads an old-style id with its version, and authors from the meta in reading order', () => {
    const [ref] = extract(loadPage('arxiv-abs-old.html'), new URL('https://arxiv.org/abs/hep-th/9901001'));
    expect(ref).toMatchObject({ id: 'hep-th/9901001', version: 2, title: 'A Note on Old Identifiers', authors: ['Edward Witten', 'Juan Maldacena'] });
  });

  it('falls back to the h1 (MathJax read back to TeX) when the meta is missing', () => {
    const doc = parsePage(
      '<html><body><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>PanGu-<span class="MathJax_Preview"></span><span class="MathJax">π</span><script type="math/tex">\\pi</script>: Enhancing</h1></div></body></html>',
    );
    expect(extract(doc, new URL('https://arxiv.org/abs/2312.17276v2'))).toMatchObject([{ id: '2312.17276', version: 2, title: 'PanGu-$\\pi$: Enhancing' }]);
  });

  it('returns nothing for a page without an id', () => {
    expect(extract(parsePage('<html><body><h1 class="title">Hi</h1></body></html>'), new URL('https://arxiv.org/abs/'))).toEqual([]);
  });
});

describe('arXiv abstract page, real saved pages', () => {
  it('reads the 2026 markup (abs-2609.22268v1)', () => {
    const doc = loadSharedPage('arxiv-abs/abs-2609.22268v1-2026-09-transcribed.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    const refs = extract(doc, new URL('https://arxiv.org/abs/2609.22268'));
    expect(refs).toMatchObject([
      {
        id: '2609.22268',
        version: 1,
        title: 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains',
        authors: ['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay'],
      },
    ]);
    expect(refs[0]!.element.localName).toBe('h1');
  });

  it('reads a page saved with only its head (abs-1902.02534v2): meta only, element falls back', () => {
    const doc = loadSharedPage('arxiv-abs/abs-1902.02534v2-head-only-2023.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    const refs = extract(doc, new URL('https://arxiv.org/abs/1902.02534'));
    expect(refs).toMatchObject([
      {
        id: '1902.02534',
        version: 2,
        title: 'Crowdsourcing open citations with CROCI -- An analysis of the current status of open citations, and a proposal',
        authors: ['Ivan Heibi', 'Silvio Peroni', 'David Shotton'],
      },
    ]);
    expect(refs[0]!.element).toBeTruthy();
  });
});
