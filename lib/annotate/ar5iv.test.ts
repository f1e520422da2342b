/**
 * The real ar5iv page of "Attention Is All You Need" (../shared/fixtures/pages/arxiv-html, LaTeXML 0.7.5, 142
 * formulas with invisible operators): highlights made on it re-anchor on it, and on a perturbed copy (whitespace
 * collapsed, NBSP for spaces, one highlighted sentence edited, one rewritten).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml, placeOf, selectText } from '../../test/fixtures/annotate/dom';
import { SKIP_NO_SHARED, sharedPath } from '../../test/shared';
import { type HighlightSelector, anchor, anchorAll, describeRange } from './anchor';

const path = sharedPath('fixtures', 'pages', 'arxiv-html', 'ar5iv-1706.03762-attention.html');
const html = path ? readFileSync(path, 'utf8') : undefined;

/** Highlights as a reader would make them: start and end phrase inside the `p.ltx_p` with that id. */
const highlights = [
  { inside: 'S1.p1.1', from: 'Recurrent neural networks, long short-term memory', to: 'transduction problems such as language modeling and machine translation' },
  // Across inline math: "…sequence of hidden states h_{t}, as a function of the previous hidden state h_{t-1} and…"
  { inside: 'S1.p2.1', from: 'they generate a sequence of hidden states', to: 'and the input for position' },
  { inside: 'S3.SS2.SSS1.p1.1', from: 'We call our particular attention', to: 'Scaled Dot-Product Attention' },
  { inside: 'S3.SS2.SSS2.p2.1', from: 'Multi-head attention allows the model', to: 'different positions.' },
  // Edited in the perturbed copy (a light edit: fuzzy) and rewritten there (orphan).
  { inside: 'S6.SS1.p1.1', from: 'On the WMT 2014 English-to-German translation task', to: 'by more than' },
  { inside: 'S7.p1.1', from: 'In this work, we presented the Transformer', to: 'multi-headed self-attention.' },
] as const;

function perturb(page: string): string {
  return page
    .replace(/>\s+</g, '><') // whitespace between tags gone
    .replace(/(\S) {2,}(\S)/g, '$1 $2')
    .replace('On the WMT 2014 English-to-German translation task', 'On the WMT 2014 English–German translation task')
    .replace('In this work, we presented the Transformer', 'This paper introduced the Transformer')
    .replace('replacing the recurrent layers most commonly used in encoder-decoder architectures with multi-headed self-attention', 'which swaps recurrence in encoder-decoder models for multi-headed attention over all positions')
    .replace('Multi-head attention allows the model', 'Multi-head attention\u00a0allows  the model');
}

describe('ar5iv 1706.03762 (real page)', () => {
  it('re-anchors highlights on the same page and on a perturbed copy', () => {
    if (!html) {
      console.log(`ar5iv anchoring: ${SKIP_NO_SHARED}`);
      return;
    }
    const page = parseHtml(html);
    const selectors: HighlightSelector[] = highlights.map(({ inside, from, to }) => describeRange(page, selectText(page.getElementById(inside)!, from, to)));
    expect(selectors[1]!.quote.exact).toMatch(/hidden states h_\{t\}, as a function of the previous hidden state h_\{t-1\} and the input for position/);
    expect(selectors.map((s) => s.section)).toEqual(['S1', 'S1', 'S3.SS2.SSS1', 'S3.SS2.SSS2', 'S6.SS1', 'S7']);

    for (const [i, result] of anchorAll(page, selectors).entries()) {
      expect(result, highlights[i]!.inside).toMatchObject({ how: 'exact', score: 1 });
      if ('range' in result) expect(placeOf(result.range.startContainer)).toBe(highlights[i]!.inside);
    }

    const copy = parseHtml(perturb(html));
    const expected = ['exact', 'exact', 'exact', 'exact', 'fuzzy', 'orphan'];
    for (const [i, result] of anchorAll(copy, selectors).entries()) {
      const { inside } = highlights[i]!;
      if (expected[i] === 'orphan') {
        expect(result, inside).toMatchObject({ orphan: true });
        continue;
      }
      expect(result, inside).toMatchObject({ how: expected[i] });
      if ('range' in result) {
        // On a page that moved, the right place is the same paragraph, start to end.
        expect([placeOf(result.range.startContainer), placeOf(result.range.endContainer)], inside).toEqual([inside, inside]);
      }
    }
    // One at a time gives the same answers as together.
    expect(anchor(copy, selectors[4]!)).toMatchObject({ how: 'fuzzy' });
  });
});
