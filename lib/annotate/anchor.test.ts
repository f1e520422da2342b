import { describe, expect, it } from 'vitest';
import { loadAnnotateFixture, parseHtml, placeOf, selectText } from '../../test/fixtures/annotate/dom';
import { type AnchorResult, type HighlightSelector, anchor, anchorAll, describeRange, toWebAnnotationSelectors } from './anchor';
import { DISTINCTIVE_QUOTE_LENGTH, MIN_FUZZY_QUOTE_LENGTH, matchQuote } from './match-quote';
import { TextIndex } from './text-index';

const v1 = loadAnnotateFixture('paper-v1.html');
const v2 = loadAnnotateFixture('paper-v2.html');

/** The selector a reader's selection in paper v1 gives, from `from` to `to` inside the element with id `inside`. */
function highlightIn(doc: Document, inside: string, from: string, to?: string): HighlightSelector {
  return describeRange(doc, selectText(doc.getElementById(inside)!, from, to));
}

/** Where an anchoring landed: the id around its start and end, and the text it covers as the index reads it. */
function landing(doc: Document, result: AnchorResult) {
  if ('orphan' in result) return { orphan: true };
  const { range } = result;
  return {
    how: result.how,
    start: placeOf(range.startContainer),
    end: placeOf(range.endContainer),
    exact: describeRange(doc, range).quote.exact,
  };
}

describe('describeRange', () => {
  it('stores exact text with 32 characters of context, the position and the section', () => {
    const selector = highlightIn(v1, 'S2.SS2.p1', 'eight GPUs');
    expect(selector).toEqual({
      // The prefix reaches back over the heading into the equation number: the reading text has no structure.
      quote: { exact: 'eight GPUs', prefix: ' (1) 2.2 Training We trained on ', suffix: ' for three and a half days using' },
      position: { start: expect.any(Number), end: expect.any(Number) },
      section: 'S2.SS2',
    });
    expect(selector.quote.prefix).toHaveLength(32);
    expect(selector.quote.suffix).toHaveLength(32);
    expect(selector.position.end - selector.position.start).toBe('eight GPUs'.length);
  });

  it('reads a selection across inline math and a citation as TeX and citation text', () => {
    const selector = highlightIn(v1, 'S2.SS1.p1', 'divide each by', 'to obtain');
    expect(selector.quote.exact).toBe('divide each by \\sqrt{d_{k}}, and apply a softmax function [3] to obtain');
  });

  it('takes the whole formula when the selection starts inside it', () => {
    const math = v1.getElementById('S2.SS2.p1.m1')!;
    const range = v1.createRange();
    range.setStart(math.querySelector('mn')!.firstChild!, 0);
    range.setEnd(v1.getElementById('S2.SS2.p1')!.querySelector('p')!.lastChild!, 6);
    expect(describeRange(v1, range).quote.exact).toBe('\\beta_{1}=0.9. Each');
  });

  it('drops whitespace at the edges of the selection', () => {
    expect(highlightIn(v1, 'S1.p2', ' Unlike in the abstract, ').quote.exact).toBe('Unlike in the abstract,');
  });

  it('refuses a selection with no paper text in it', () => {
    const nav = v1.querySelector('nav')!;
    expect(() => describeRange(v1, selectText(nav, 'The model is trained'))).toThrow(/annotate: the selection holds no text of the paper/);
  });

  it('exports as W3C Web Annotation selectors', () => {
    const [quote, position] = toWebAnnotationSelectors(highlightIn(v1, 'S3.p1', 'interpretable models'));
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'interpretable models' });
    expect(position.type).toBe('TextPositionSelector');
  });
});

/**
 * Each highlight is made on v1, then anchored on v1 and v2. `v2` is where it must land there ('orphan' when the
 * text is gone): the paragraph id, and how.
 */
const cases: Array<{
  name: string;
  inside: string;
  from: string;
  to?: string;
  v2: { how: 'exact' | 'prefix-suffix' | 'fuzzy'; exact?: string } | 'orphan';
}> = [
  { name: 'a plain sentence', inside: 'S3.p1', from: 'Individual attention heads', to: 'different tasks.', v2: { how: 'exact' } },
  { name: 'the repeated sentence in S1.p1 (prefix/suffix decide)', inside: 'S1.p1', from: 'The model is trained end to end.', v2: { how: 'prefix-suffix' } },
  { name: 'the repeated sentence in S1.p2 (prefix/suffix decide)', inside: 'S1.p2', from: 'The model is trained end to end.', v2: { how: 'prefix-suffix' } },
  { name: 'the repeated sentence in the abstract', inside: 'abs.p1', from: 'The model is trained end to end.', v2: { how: 'prefix-suffix' } },
  { name: 'a short repeated word', inside: 'S2.SS1.p2', from: 'attention', v2: { how: 'prefix-suffix' } },
  { name: 'text across MathML (MathJax in v2) and a citation', inside: 'S2.SS1.p1', from: 'divide each by', to: 'to obtain', v2: { how: 'exact' } },
  { name: 'text ending in a formula whose annotation was re-spaced', inside: 'S2.SS1.p2', from: 'packed together', to: 'of size', v2: { how: 'exact' } },
  { name: 'text across whitespace that v2 reflowed and NBSP', inside: 'abs.p1', from: 'toy attention model.', to: 'It is small.', v2: { how: 'exact' } },
  {
    name: 'a lightly edited sentence (fuzzy)',
    inside: 'S2.SS2.p1',
    from: 'We trained on eight GPUs',
    to: 'Adam optimizer',
    v2: { how: 'fuzzy', exact: 'We trained on eight P100 GPUs for three and a half days using the Adam optimizer' },
  },
  { name: 'a rewritten sentence with a near-copy elsewhere (orphan, not the copy)', inside: 'S2.SS2.p2', from: 'Dropout of 0.1', to: 'each sub-layer', v2: 'orphan' },
  { name: 'a rewritten sentence, whole', inside: 'S2.SS2.p2', from: 'Dropout of 0.1', to: 'and normalized.', v2: 'orphan' },
  { name: 'a short phrase from a rewritten sentence', inside: 'S2.SS2.p2', from: 'Dropout', v2: 'orphan' },
];

describe.each(cases)('anchor: $name', ({ inside, from, to, v2: expected }) => {
  const selector = highlightIn(v1, inside, from, to);

  it('lands on its own text on the same page', () => {
    const result = anchor(v1, selector);
    expect(landing(v1, result)).toMatchObject({ start: inside, end: inside, exact: selector.quote.exact });
    expect('score' in result && result.score).toBe(1);
  });

  it(expected === 'orphan' ? 'is an orphan on v2, never a wrong place' : `lands in the same paragraph of v2`, () => {
    const result = anchor(v2, selector);
    if (expected === 'orphan') {
      expect(result).toEqual({ orphan: true, reason: expect.stringMatching(/^annotate: /) });
      return;
    }
    expect(landing(v2, result)).toEqual({ how: expected.how, start: inside, end: inside, exact: expected.exact ?? selector.quote.exact });
  });
});

describe('anchor, edge cases', () => {
  it('finds a 10,000-character selection, verbatim and with edits sprinkled through it', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `Sentence ${i} reports result ${(i * 7919) % 997} on split ${i % 7} of the benchmark suite.`);
    const page = (s: string[]) =>
      `<article class="ltx_document"><section id="S1" class="ltx_section">${s.map((t, i) => `<p id="p${i}" class="ltx_p">${t}</p>`).join('\n')}</section></article>`;
    const doc = parseHtml(page(sentences));
    const range = selectText(doc.getElementById('p2')!, 'Sentence 2');
    range.setEnd(doc.getElementById('p198')!.firstChild!, 8);
    const selector = describeRange(doc, range);
    expect(selector.quote.exact.length).toBeGreaterThanOrEqual(10_000);

    expect(landing(doc, anchor(doc, selector))).toMatchObject({ how: 'exact', start: 'p2', end: 'p198' });

    const edited = sentences.map((s, i) => (i % 20 === 5 ? s.replace('reports', 'shows') : s));
    const doc2 = parseHtml(page(['A new first paragraph.', ...edited]));
    expect(landing(doc2, anchor(doc2, selector))).toMatchObject({ how: 'fuzzy', start: 'p3', end: 'p199' });
  });

  it.each([
    ['shorter than MIN_FUZZY_QUOTE_LENGTH, not on the page', 'warmup steps', /too short to look for approximately/],
    ['short, on the page only in other surroundings', 'the query', /never where its surroundings match/],
  ])('orphans a quote %s', (_name, exact, reason) => {
    expect(exact.length).toBeLessThan(MIN_FUZZY_QUOTE_LENGTH);
    expect(anchor(v2, { quote: { exact, prefix: 'something else entirely and more', suffix: 'that no page here has in it at all' }, position: { start: 0, end: 0 } })).toEqual({
      orphan: true,
      reason: expect.stringMatching(reason),
    });
  });

  it('uses the position hint only to break ties between equally good places', () => {
    const text = 'x. The same words. y. The same words. z.';
    const quote = { exact: 'The same words.', prefix: '', suffix: '' };
    expect(matchQuote(text, quote, { start: 3, end: 18 })).toMatchObject({ start: 3, how: 'prefix-suffix' });
    expect(matchQuote(text, quote, { start: 22, end: 37 })).toMatchObject({ start: 22, how: 'prefix-suffix' });
  });

  it('accepts a distinctive quote moved to new surroundings, verbatim', () => {
    const exact = 'Individual attention heads clearly learn to perform different tasks.';
    expect(exact.length).toBeGreaterThanOrEqual(DISTINCTIVE_QUOTE_LENGTH);
    const result = matchQuote(`Totally new text around it. ${exact} And after.`, { exact, prefix: 'old context that is gone now..', suffix: ' old context after, gone too....' });
    expect(result).toMatchObject({ how: 'exact', start: 28 });
  });

  it('the search near the position hint lands where a whole-text search (no hint) lands', () => {
    const text = TextIndex.build(v2).text;
    for (const { inside, from, to } of cases) {
      const { quote, position } = highlightIn(v1, inside, from, to);
      const near = matchQuote(text, quote, position);
      const whole = matchQuote(text, quote);
      expect('orphan' in near ? 'orphan' : [near.start, near.end, near.how], inside).toEqual('orphan' in whole ? 'orphan' : [whole.start, whole.end, whole.how]);
    }
  });

  it('a stale position hint far from an edited quote still finds it (the whole text is searched)', () => {
    const sentence = 'We trained on eight GPUs for three and a half days using the Adam optimizer.';
    const filler = 'Unrelated words fill the page here. '.repeat(200);
    const text = `${filler}Before it. ${sentence.replace('eight GPUs', 'eight P100 GPUs')} After it. ${filler}`;
    const result = matchQuote(text, { exact: sentence, prefix: 'ere. Before it. ', suffix: ' After it. Unrelated' }, { start: 0, end: sentence.length });
    expect(result).toMatchObject({ how: 'fuzzy', start: text.indexOf('We trained') });
  });

  it('anchorAll answers like anchor, in order', () => {
    const selectors = cases.map(({ inside, from, to }) => highlightIn(v1, inside, from, to));
    const together = anchorAll(v2, selectors).map((r) => landing(v2, r));
    expect(together).toEqual(selectors.map((s) => landing(v2, anchor(v2, s))));
  });
});
