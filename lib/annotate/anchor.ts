/**
 * Highlights that survive (issue #8): a selection is stored the W3C Web Annotation way, as a TextQuoteSelector
 * (exact text with CONTEXT_LENGTH characters of prefix and suffix) plus a TextPositionSelector hint, over the
 * page's reading text (`text-index.ts` says what that text is: the LaTeXML article, whitespace collapsed, math as
 * its TeX). Anchoring finds the quote again on a later visit or a later version of the paper, or says it cannot
 * (`match-quote.ts` has the rules and thresholds): the right place or none.
 *
 * Pure: every function takes the root to work in (a Document, the article, a fragment) and never reads globals.
 */
import { CONTEXT_LENGTH, matchQuote, type TextPosition, type TextQuote } from './match-quote';
import { TextIndex } from './text-index';

export type { TextPosition, TextQuote } from './match-quote';

/** What a highlight stores to find its text again. */
export interface HighlightSelector {
  quote: TextQuote;
  /** Where the quote was in the reading text when it was made; a hint, since versions shift text. */
  position: TextPosition;
  /** Id of the innermost LaTeXML section the highlight starts in (`S3.SS2`), for listing and linking. */
  section?: string;
}

export type AnchorResult =
  | { range: Range; how: 'exact' | 'prefix-suffix' | 'fuzzy'; score: number }
  | { orphan: true; reason: string };

/**
 * The selector for a range (usually the reader's selection). A boundary inside a formula takes the whole
 * formula; whitespace at the edges is dropped. Throws when the range holds no reading text (it lies outside the
 * article, or covers only whitespace), since there is nothing to store.
 */
export function describeRange(root: ParentNode, range: Range, index = TextIndex.build(root)): HighlightSelector {
  const { text } = index;
  let start = index.offsetOf(range.startContainer, range.startOffset, 'start');
  let end = index.offsetOf(range.endContainer, range.endOffset, 'end');
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (start >= end) {
    throw new Error('annotate: the selection holds no text of the paper (it is empty, whitespace, or outside the article)');
  }
  const section = index.sectionAt(start);
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
    ...(section === undefined ? {} : { section }),
  };
}

function anchorIn(index: TextIndex, selector: HighlightSelector): AnchorResult {
  const found = matchQuote(index.text, selector.quote, selector.position);
  if ('orphan' in found) return found;
  return { range: index.toRange(found.start, found.end), how: found.how, score: found.score };
}

/** Finds a stored highlight on the page under `root`, or says why it cannot. */
export function anchor(root: ParentNode, selector: HighlightSelector): AnchorResult {
  return anchorIn(TextIndex.build(root), selector);
}

/**
 * `anchor` for many highlights over one reading of the page (the text index is the costly part). Pass `index` when
 * the caller has read the page already (the content script times the two steps apart).
 */
export function anchorAll(root: ParentNode, selectors: readonly HighlightSelector[], index = TextIndex.build(root)): AnchorResult[] {
  return selectors.map((s) => anchorIn(index, s));
}

/** The selector as W3C Web Annotation selectors, for export (https://www.w3.org/TR/annotation-model/#selectors). */
export function toWebAnnotationSelectors(selector: HighlightSelector): [
  { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
  { type: 'TextPositionSelector'; start: number; end: number },
] {
  return [
    { type: 'TextQuoteSelector', ...selector.quote },
    { type: 'TextPositionSelector', ...selector.position },
  ];
}
