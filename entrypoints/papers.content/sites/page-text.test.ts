import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePage } from '../../../test/fixtures/pages/load-page';
import { collapseWhitespace, itemsInside, linkedArxivId, readableText, readingOrderName } from './page-text';

describe('collapseWhitespace', () => {
  it('is replace(/\\s+/g, " ").trim() on any text', () => {
    // Mostly whitespace of every kind (space, tab, newline, NBSP, ideographic and thin spaces, line separator).
    const chars = fc.constantFrom(' ', ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2009', '\u2028', '\ufeff', 'a', 'b', 'é', '$');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (list) => {
        const text = list.join('');
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('itemsInside', () => {
  it('finds what the descendant selector finds, once each and in document order, with several or nested containers', () => {
    const doc = parsePage(
      '<div id="r"><p class="c"><a id="1"></a><span class="c"><a id="2"></a></span></p><a id="x"></a><p class="c"><a id="3"></a></p></div>',
    );
    const root = doc.getElementById('r')!;
    const ids = (els: Element[]) => els.map((e) => e.id);
    expect(ids(itemsInside(root, '.c', 'a'))).toEqual(ids(Array.from(root.querySelectorAll('.c a'))));
    expect(ids(itemsInside(root, '.c', 'a'))).toEqual(['1', '2', '3']);
    expect(itemsInside(root, '.none', 'a')).toEqual([]);
  });
});

const textOf = (html: string, skip?: string) => readableText(parsePage(`<html><body><div id="t">${html}</div></body></html>`).querySelector('#t')!, skip);

describe('readableText', () => {
  it.each([
    ['plain, <b>bold</b>\n   and   wrapped', 'plain, bold and wrapped'],
    ['<span class="descriptor">Title:</span> Kept', 'Kept', '.descriptor'],
    // MathJax 2 after it ran: preview and output dropped, the TeX script given back.
    ['S<span class="MathJax_Preview">S²</span><span class="MathJax" id="MathJax-Element-1-Frame"><nobr>²</nobr></span><script type="math/tex" id="MathJax-Element-1">^{2}</script>FT', 'S$^{2}$FT'],
    ['<div class="MathJax_Display">x</div><script type="math/tex; mode=display">x^2</script>', '$x^2$'],
    // The same page saved without its scripts: the rendered output is all there is.
    ['S<span class="MathJax_Preview"></span><span class="MathJax" id="MathJax-Element-1-Frame"><nobr>²</nobr></span>FT', 'S²FT'],
    ['PanGu-<span class="MathJax"><span class="math">π</span><span class="MJX_Assistive_MathML"><math><mi>π</mi></math></span></span>', 'PanGu-π'],
    // MathJax 3: no TeX in the page; its assistive MathML is read.
    ['PanGu-<mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML"><mjx-math>π</mjx-math><mjx-assistive-mml><math><mi>π</mi></math></mjx-assistive-mml></mjx-container>', 'PanGu-π'],
    // KaTeX: the MathML half carries the TeX annotation; the HTML half is dropped.
    ['<span class="katex"><span class="katex-mathml"><math><semantics><mi>ε</mi><annotation encoding="application/x-tex">\\epsilon</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">ε</span></span>-greedy', '$\\epsilon$-greedy'],
    // LaTeXML MathML with alttext only.
    ['CO<math alttext="{}_{2}"><msub><mi></mi><mn>2</mn></msub></math>', 'CO${}_{2}$'],
    ['a<br>b', 'a b'],
    ['zero\u200bwidth\u2061 gone', 'zerowidth gone'],
    ['<script>alert(1)</script><style>p{}</style>kept', 'kept'],
    ['&lt;img src=x onerror=alert(1)&gt;', '<img src=x onerror=alert(1)>'],
  ])('%j → %j', (html, expected, skip?: string) => {
    expect(textOf(html, skip)).toBe(expected);
  });
});

describe('linkedArxivId', () => {
  const base = new URL('https://arxiv.org/list/cs/new');
  it.each([
    ['<a href="/abs/2401.12345">x</a>', '2401.12345'],
    ['<a href="../../abs/hep-th/9901001v2">x</a>', 'hep-th/9901001'],
    ['<a href="https://huggingface.co/papers/2401.12345">x</a>', '2401.12345'],
    ['<a href="/list/cs/new">x</a>', null],
    ['<a>no href</a>', null],
    ['<a href="http://[bad">x</a>', null],
  ])('%s → %s', (html, id) => {
    const a = parsePage(`<html><body>${html}</body></html>`).querySelector('a')!;
    expect(linkedArxivId(a, base)?.id ?? null).toBe(id);
  });
});

describe('readingOrderName', () => {
  it.each([
    ['Vaswani, Ashish', 'Ashish Vaswani'],
    ['Upadhyay, Manas V.', 'Manas V. Upadhyay'],
    ['Plato', 'Plato'],
  ])('%s → %s', (name, expected) => {
    expect(readingOrderName(name)).toBe(expected);
  });
});
