import { describe, expect, it } from 'vitest';
import { loadAnnotateFixture, parseHtml, selectText } from '../../test/fixtures/annotate/dom';
import { TextIndex, normalizeReadingText, readingRoot } from './text-index';

const textOf = (body: string) => TextIndex.build(parseHtml(`<!DOCTYPE html><html><body>${body}</body></html>`)).text;

describe('TextIndex text', () => {
  it.each([
    ['collapses whitespace and NBSP', '<article><p>a  b\n\t c&nbsp;&nbsp;d</p></article>', 'a b c d '],
    ['drops invisible characters', '<article><p>zero\u200bwidth soft\u00adhyphen</p></article>', 'zerowidth softhyphen '],
    ['puts a space at block edges', '<article><p>one</p><p>two</p><div>three</div></article>', 'one two three '],
    ['keeps inline elements glued', '<article><p>in<b>line</b><a>d</a></p></article>', 'inlined '],
    [
      'reads math as its alttext, not its MathML or annotation',
      '<article><p>by <math alttext="\\sqrt{d_{k}}"><semantics><msqrt><msub><mi>d</mi><mi>k</mi></msub></msqrt><annotation encoding="application/x-tex">\\sqrt{d_{k}}</annotation></semantics></math>, then</p></article>',
      'by \\sqrt{d_{k}}, then ',
    ],
    [
      'falls back to the TeX annotation without alttext',
      '<article><p><math><semantics><mi>Q</mi><annotation encoding="application/x-tex">Q_{1}</annotation></semantics></math></p></article>',
      'Q_{1} ',
    ],
    [
      'falls back to the visible MathML, without invisible operators',
      '<article><p><math><mrow><mi>a</mi><mo>\u2062</mo><mi>b</mi></mrow></math></p></article>',
      'ab ',
    ],
    [
      'reads MathJax 3 output as the TeX of its assistive MathML',
      '<article><p>x <mjx-container class="MathJax"><mjx-math><mjx-mi>d</mjx-mi></mjx-math><mjx-assistive-mml><math alttext="d_{k}"><mi>d</mi></math></mjx-assistive-mml></mjx-container> y</p></article>',
      'x d_{k} y ',
    ],
    [
      'reads MathJax 2 output as its TeX script once',
      '<article><p>x <span class="MathJax_Preview">d</span><span class="MathJax"><span>d k</span></span><script type="math/tex">d_{k}</script> y</p></article>',
      'x d_{k} y ',
    ],
    ['skips scripts and styles', '<article><p>a<script>var x = 1</script><style>p{}</style> b</p></article>', 'a b '],
    ['reads only the article, not the chrome', '<nav>Menu</nav><article class="ltx_document"><p>paper</p></article><footer>Foot</footer>', 'paper '],
  ])('%s', (_name, body, expected) => {
    expect(textOf(body)).toBe(expected);
  });

  it('picks article.ltx_document over other articles and the page content', () => {
    const doc = parseHtml(
      '<body><div class="ltx_page_content"><article id="other">x</article><article id="paper" class="ltx_document">y</article></div></body>',
    );
    expect((readingRoot(doc) as Element).id).toBe('paper');
  });

  it('reads an arXiv abstract page from #abs, not its whole <main> with the sidebar', () => {
    const doc = parseHtml('<body><main><div id="abs"><h1>T</h1><blockquote class="abstract">A.</blockquote></div><div class="extra-services">Download PDF</div></main></body>');
    expect((readingRoot(doc) as Element).id).toBe('abs');
  });

  it('normalises strings the way it reads the page', () => {
    expect(normalizeReadingText('a\u00a0 b\u200b\nc')).toBe('a b c');
  });
});

describe('TextIndex offsets and ranges', () => {
  const doc = loadAnnotateFixture('paper-v1.html');
  const index = TextIndex.build(doc);

  it('maps every word-bounded slice to a range and back to the same offsets', () => {
    const { text } = index;
    // Words with TeX in them may cut a formula, which a range cannot: that case has its own test below.
    const boundaries = [...text.matchAll(/\S+/g)]
      .filter((m) => !/[\\{}_^]/.test(m[0]))
      .map((m) => [m.index, m.index + m[0].length] as const);
    // Every 7th word to every 13th word after it: slices within a node, across inline elements, math, blocks.
    for (let i = 0; i < boundaries.length; i += 7) {
      for (let j = i; j < boundaries.length; j += 13) {
        const start = boundaries[i]![0];
        const end = boundaries[j]![1];
        const range = index.toRange(start, end);
        const back = [index.offsetOf(range.startContainer, range.startOffset, 'start'), index.offsetOf(range.endContainer, range.endOffset, 'end')];
        expect(back, `"${text.slice(start, end)}"`).toEqual([start, end]);
      }
    }
  });

  it('widens a boundary inside a formula to the whole formula', () => {
    const math = doc.getElementById('S2.SS1.p1.m1')!;
    const mi = math.querySelector('mi')!.firstChild!;
    const tex = '\\sqrt{d_{k}}';
    const at = index.text.indexOf(tex);
    expect(index.offsetOf(mi, 0, 'start')).toBe(at);
    expect(index.offsetOf(mi, 1, 'end')).toBe(at + tex.length);
    const annotation = math.querySelector('annotation')!.firstChild!;
    expect(index.offsetOf(annotation, 3, 'end')).toBe(at + tex.length);
  });

  it('maps points outside the article to its ends', () => {
    const nav = doc.querySelector('nav')!;
    const footer = doc.querySelector('footer')!;
    expect(index.offsetOf(nav.firstChild!, 0, 'start')).toBe(0);
    expect(index.offsetOf(footer, 0, 'end')).toBe(index.text.length);
  });

  it.each([
    ['Recurrent models', 'S1'],
    ['We compute the dot', 'S2.SS1'],
    ['Dropout of 0.1', 'S2.SS2'],
    ['We study a toy', undefined],
  ])('says "%s" is in section %s', (phrase, section) => {
    const range = selectText(doc.querySelector('article')!, phrase);
    expect(index.sectionAt(index.offsetOf(range.startContainer, range.startOffset, 'start'))).toBe(section);
  });
});
