/**
 * Finds a stored quote (W3C TextQuoteSelector: exact + prefix + suffix) in a page's reading text, with the
 * TextPositionSelector as a hint. Pure string logic; `anchor.ts` maps the answer back to the DOM.
 *
 * The rule is "the right place or no place": a highlight shown on the wrong sentence is worse than one listed as
 * orphaned, because the reader trusts it. So every answer needs evidence besides the quote being somewhere:
 *
 * 1. Exact: the quote occurs verbatim. One occurrence stands on its own if the quote is distinctive (at least
 *    DISTINCTIVE_QUOTE_LENGTH characters); a shorter one ("the model") also needs its surroundings to agree
 *    (prefix and suffix each ≥ MIN_CONTEXT_SIMILARITY similar). Several occurrences: prefix and suffix pick one ('prefix-suffix').
 * 2. Fuzzy, unless a verbatim occurrence sits in exactly its old surroundings (near the position hint first, see
 *    NEAR_HINT_WINDOW): the quote with at most MAX_FUZZY_ERROR_RATE of
 *    its length in edits (bit-parallel search, `approximate-search.ts`), for quotes of MIN_FUZZY_QUOTE_LENGTH or
 *    more, and again only where the surroundings agree — except for a long passage (LONG_QUOTE_LENGTH) nearly
 *    intact (≤ LONG_QUOTE_ERROR_RATE edits), which is its own evidence. Papers repeat their sentences with small
 *    changes (abstract vs introduction, "the encoder stack" vs "the decoder stack"), so an edited quote without its
 *    context is not trusted.
 * 3. Between candidates: the higher score wins; scores within TIE_MARGIN are a tie, and the position hint breaks
 *    it (the nearer one). Otherwise: orphan, with the reason.
 *
 * score = (quote similarity + context similarity) / 2, in [0, 1]; quote similarity = 1 − edits / quote length,
 * context similarity = mean of the prefix's and the suffix's 1 − edits / length.
 */
import { boundedEditDistance } from '../identity/edit-distance';
import { findApproximate } from './approximate-search';
import { normalizeReadingText } from './text-index';

/** W3C Web Annotation TextQuoteSelector, without the `type` (https://www.w3.org/TR/annotation-model/#text-quote-selector). */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: offsets into the reading text (UTF-16 code units), end exclusive. */
export interface TextPosition {
  start: number;
  end: number;
}

export type QuoteMatch =
  | { start: number; end: number; how: 'exact' | 'prefix-suffix' | 'fuzzy'; score: number }
  | { orphan: true; reason: string };

/** Characters of prefix and suffix stored with a quote (the W3C model leaves it open; Hypothesis uses 32). @default 32 */
export const CONTEXT_LENGTH = 32;
/** An exact quote this long or longer is accepted without agreeing surroundings. @default 32 */
export const DISTINCTIVE_QUOTE_LENGTH = 32;
/**
 * Where the quote alone is not evidence enough, its surroundings must be at least this similar to the text around
 * the candidate (1 − edits / length): both prefix and suffix for a quote shorter than DISTINCTIVE_QUOTE_LENGTH
 * (in the v2 fixture a rewritten sentence's opening word survives in a new paragraph with its old suffix), their
 * mean for a longer one.
 * @default 0.5
 */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** Quotes shorter than this are only found verbatim: a 10-character quote with 2 edits is another phrase. @default 16 */
export const MIN_FUZZY_QUOTE_LENGTH = 16;
/** Most edits a fuzzy match may have, as a share of the quote's length. @default 0.2 */
export const MAX_FUZZY_ERROR_RATE = 0.2;
/** A fuzzy match at least this long and within LONG_QUOTE_ERROR_RATE needs no agreeing context. @default 256 */
export const LONG_QUOTE_LENGTH = 256;
/** @default 0.1 */
export const LONG_QUOTE_ERROR_RATE = 0.1;
/** Scores closer than this are a tie, broken by distance to the position hint. @default 0.02 */
export const TIE_MARGIN = 0.02;
/** Context similarity given to an empty stored prefix/suffix (quote at the very start/end) when the candidate is not there. */
const EMPTY_CONTEXT_ELSEWHERE = 0.5;
/** Fuzzy candidates looked at (fewest edits first). */
const MAX_FUZZY_CANDIDATES = 50;
/**
 * The fuzzy search looks first within this many characters (or the quote's length, if longer) of the position
 * hint, and takes a light edit (≤ NEAR_HINT_ERROR_RATE) or a verbatim occurrence found there in agreeing
 * surroundings without scanning the whole paper; anything else scans the whole text as before. Measured in Chromium on the ar5iv Transformer page,
 * 200 highlights with 30 edited: the whole-text scans were 310 of 379 ms (npm run bench -- annotate-page).
 * @default 2000
 */
export const NEAR_HINT_WINDOW = 2_000;
/** @default 0.1 */
export const NEAR_HINT_ERROR_RATE = 0.1;

interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
  /** Mean of the prefix's and the suffix's similarity: part of the score. */
  contextSimilarity: number;
  /** What MIN_CONTEXT_SIMILARITY gates: the worse side for a short quote, the mean for a distinctive one. */
  contextAgreement: number;
  score: number;
}

/** Normalises a stored quote the way the reading text is, so quotes from older builds or by hand still match. */
export function normalizeQuote(quote: TextQuote): TextQuote {
  return {
    exact: normalizeReadingText(quote.exact).trim(),
    prefix: normalizeReadingText(quote.prefix),
    suffix: normalizeReadingText(quote.suffix),
  };
}

function similarity(stored: string, actual: string): number {
  const longer = Math.max(stored.length, actual.length);
  if (longer === 0) return 1;
  return 1 - boundedEditDistance(stored, actual, longer) / longer;
}

function contextSimilarities(text: string, start: number, end: number, quote: TextQuote): [number, number] {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  // Prefix and suffix meet the quote at one end; compare them from that end so an insertion far from the quote
  // costs what it costs, no more (the slices have the stored lengths, so an edit shifts at most a few characters).
  const prefixSimilarity = quote.prefix === '' ? (start === 0 ? 1 : EMPTY_CONTEXT_ELSEWHERE) : similarity(quote.prefix, before);
  const suffixSimilarity = quote.suffix === '' ? (end >= text.length ? 1 : EMPTY_CONTEXT_ELSEWHERE) : similarity(quote.suffix, after);
  return [prefixSimilarity, suffixSimilarity];
}

function candidate(text: string, start: number, end: number, errors: number, quote: TextQuote): Candidate {
  const quoteSimilarity = 1 - errors / quote.exact.length;
  const [prefixSimilarity, suffixSimilarity] = contextSimilarities(text, start, end, quote);
  const ctx = (prefixSimilarity + suffixSimilarity) / 2;
  // A short quote is identified by its surroundings, so both must agree: one agreeing side is not enough, since a
  // rewritten sentence often keeps one (the fixture's "Dropout" keeps its old suffix in a new paragraph). A
  // distinctive quote says much by itself, and a heading or equation removed on one side should not orphan it.
  const contextAgreement = quote.exact.length >= DISTINCTIVE_QUOTE_LENGTH ? ctx : Math.min(prefixSimilarity, suffixSimilarity);
  return { start, end, quoteSimilarity, contextSimilarity: ctx, contextAgreement, score: (quoteSimilarity + ctx) / 2 };
}

/** Best first: higher score, and within TIE_MARGIN the one nearer the hint. */
function pickBest(candidates: Candidate[], hint: TextPosition | undefined): Candidate | undefined {
  const distance = (c: Candidate) => (hint ? Math.abs(c.start - hint.start) : 0);
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best || c.score > best.score + TIE_MARGIN || (c.score >= best.score - TIE_MARGIN && distance(c) < distance(best))) {
      best = c;
    }
  }
  return best;
}

function allOccurrences(text: string, exact: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) at.push(i);
  return at;
}

/** Where `quote` is in `text`, or why it cannot be placed. See the module comment for the rules. */
export function matchQuote(text: string, stored: TextQuote, hint?: TextPosition): QuoteMatch {
  const quote = normalizeQuote(stored);
  const { exact } = quote;
  if (exact === '') return { orphan: true, reason: 'annotate: the stored quote is empty' };

  // Fast path for a page that has not changed: the quote and its whole context are where they were.
  if (hint && text.startsWith(exact, hint.start)) {
    const c = candidate(text, hint.start, hint.start + exact.length, 0, quote);
    if (c.contextSimilarity === 1) return { start: c.start, end: c.end, how: 'exact', score: 1 };
  }

  const exactCandidates = allOccurrences(text, exact).map((at) => candidate(text, at, at + exact.length, 0, quote));
  // A verbatim occurrence counts if its surroundings agree, or if the quote is distinctive enough alone.
  const candidates = exactCandidates.filter(
    (c) => c.contextAgreement >= MIN_CONTEXT_SIMILARITY || exact.length >= DISTINCTIVE_QUOTE_LENGTH,
  );
  // Unless one sits in exactly its old surroundings, an edited copy may be the real place: the sentence was
  // reworded where it stands, and a verbatim twin elsewhere (or a short phrase in half-similar context) is not it.
  const settled = candidates.some((c) => c.contextSimilarity === 1);
  if (!settled && exact.length >= MIN_FUZZY_QUOTE_LENGTH) {
    const maxErrors = Math.floor(exact.length * MAX_FUZZY_ERROR_RATE);
    const fuzzy = (from: number, to: number): Candidate[] => {
      const found: Candidate[] = [];
      for (const m of findApproximate(from === 0 && to === text.length ? text : text.slice(from, to), exact, maxErrors, MAX_FUZZY_CANDIDATES)) {
        if (m.errors === 0) continue; // already judged as an exact candidate
        const c = candidate(text, from + m.start, from + m.end, m.errors, quote);
        const standsAlone = exact.length >= LONG_QUOTE_LENGTH && c.quoteSimilarity >= 1 - LONG_QUOTE_ERROR_RATE;
        if (standsAlone || c.contextAgreement >= MIN_CONTEXT_SIMILARITY) found.push(c);
      }
      return found;
    };
    // Near the hint first: a sentence edited where it stands is the common case, and its place is found without
    // reading the whole paper. Only a light edit in agreeing surroundings settles it there.
    const reach = Math.max(NEAR_HINT_WINDOW, exact.length) + maxErrors;
    const [from, to] = hint ? [Math.max(0, hint.start - reach), Math.min(text.length, hint.end + reach)] : [0, 0];
    const near = hint ? fuzzy(from, to) : [];
    // Settled near the hint by a light edit, or by a verbatim occurrence there, in agreeing surroundings (a page
    // re-spaced around a quote leaves its context a little different, and that alone is no reason to read it all).
    const nearSettles = [...near, ...candidates].some(
      (c) => c.start >= from && c.end <= to && c.quoteSimilarity >= 1 - NEAR_HINT_ERROR_RATE && c.contextAgreement >= MIN_CONTEXT_SIMILARITY,
    );
    candidates.push(...(nearSettles ? near : fuzzy(0, text.length)));
  }
  const found = pickBest(candidates, hint);
  if (found) {
    const how = found.quoteSimilarity < 1 ? 'fuzzy' : exactCandidates.length === 1 ? 'exact' : 'prefix-suffix';
    return { start: found.start, end: found.end, how, score: found.score };
  }
  if (exactCandidates.length > 0) {
    return {
      orphan: true,
      reason: `annotate: the quote occurs ${exactCandidates.length} time(s) but never where its surroundings match (too short to trust alone)`,
    };
  }
  return {
    orphan: true,
    reason:
      exact.length < MIN_FUZZY_QUOTE_LENGTH
        ? `annotate: the quote is not on the page, and at ${exact.length} characters it is too short to look for approximately`
        : `annotate: no passage within ${Math.round(MAX_FUZZY_ERROR_RATE * 100)}% edits of the quote sits in matching surroundings`,
  };
}
