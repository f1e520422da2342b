/**
 * The drawing fallback (issue #8): where the CSS Custom Highlight API is missing, highlights are wrapped in <mark>
 * elements, and clearing them (the content script's abort) leaves the page's text exactly as it was. happy-dom has
 * no CSS.highlights, so this is the wrapping path; the API path is checked in Chromium (test/e2e/annotate.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange } from '@/lib/annotate/anchor';
import { loadAnnotateFixture, selectText } from '@/test/fixtures/annotate/dom';
import { createPainter, supportsCssHighlights } from './painter';

/** The article's text and its text nodes' data, in order: what a page script or copy/paste would see. */
function snapshot(doc: Document) {
  const data: string[] = [];
  const walker = doc.createTreeWalker(doc.querySelector('article')!, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) data.push((n as Text).data);
  return { text: doc.querySelector('article')!.textContent, data };
}

describe('painter without the CSS Custom Highlight API', () => {
  it('wraps each highlight in marks, focuses one, and clear() restores the page exactly', () => {
    const doc = loadAnnotateFixture('paper-v1.html');
    expect(supportsCssHighlights(doc.defaultView as unknown as Window & typeof globalThis)).toBe(false);
    const before = snapshot(doc);
    const selectors = [
      describeRange(doc, selectText(doc.getElementById('S3.p1')!, 'Individual attention heads', 'different tasks.')),
      describeRange(doc, selectText(doc.getElementById('S2.SS1.p1')!, 'divide each by', 'to obtain')),
      // Two highlights in one text node.
      describeRange(doc, selectText(doc.getElementById('S3.p1')!, 'Self-attention')),
    ];
    const ranges = new Map<string, Range>();
    anchorAll(doc, selectors).forEach((r, i) => {
      if ('range' in r) ranges.set(`h${i}`, r.range);
    });
    expect(ranges.size).toBe(3);

    const painter = createPainter(doc);
    expect(painter.mode).toBe('wrap');
    painter.draw(ranges);
    const marked = (id: string) =>
      [...doc.querySelectorAll(`mark[data-paperlight-highlight="${id}"]`)].map((m) => m.textContent).join('|');
    expect(marked('h0')).toBe('Individual attention heads clearly learn to perform different tasks.');
    // Text around the formula and the citation is wrapped piece by piece; the formula itself is left alone.
    expect(marked('h1')).toBe('divide each by |, and apply a softmax function |[|3|]| to obtain');
    expect(doc.querySelectorAll('math mark')).toHaveLength(0);
    expect(marked('h2')).toBe('Self-attention');
    expect(doc.querySelector('article')!.textContent).toBe(before.text); // wrapping adds elements, never text

    painter.focus('h2');
    expect([...doc.querySelectorAll('mark.paperlight-focus')].map((m) => m.textContent)).toEqual(['Self-attention']);
    expect(doc.querySelectorAll('style[data-paperlight-highlight-style]')).toHaveLength(1);

    painter.clear();
    expect(doc.querySelectorAll('mark')).toHaveLength(0);
    expect(doc.querySelectorAll('style[data-paperlight-highlight-style]')).toHaveLength(0);
    expect(snapshot(doc)).toEqual(before);
  });
});
