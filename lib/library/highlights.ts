/**
 * A highlight as the library keeps it (issue #8): the W3C-style selector that finds its text again on the paper's
 * page (lib/annotate), the reader's comment, and the page it was made on. Pure helpers that the background, the
 * formats and the pages share: reading order, the "jump to it" link, and the text search indexes.
 */
import type { HighlightSelector } from '../annotate/anchor';

export interface Highlight {
  /** `hl-<time>-<random>`. */
  id: string;
  /** The library key of the paper (it is saved when its first highlight is). */
  paperId: string;
  selector: HighlightSelector;
  /** The reader's comment; absent when there is none. */
  comment?: string;
  /** The page it was made on, without a fragment: where "jump to it" goes (arXiv HTML or abstract page). */
  url: string;
  createdAt: number;
  updatedAt: number;
}

/** The URL fragment the content script understands: scroll to that highlight once it is anchored. */
export const HIGHLIGHT_FRAGMENT = 'paperlight-highlight=';

/** Most characters a stored quote keeps (a 10,000-character selection fits; a whole paper does not). @default 20000 */
export const MAX_QUOTE_LENGTH = 20_000;
/** @default 10000 */
export const MAX_COMMENT_LENGTH = 10_000;

export function newHighlightId(now = Date.now()): string {
  return `hl-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Where a highlight's link goes: its page, with the fragment that makes the content script scroll to it. */
export function highlightLink(h: Pick<Highlight, 'id' | 'url'>): string {
  const url = new URL(h.url);
  url.hash = `${HIGHLIGHT_FRAGMENT}${h.id}`;
  return url.href;
}

/** The highlight id named by a page URL's fragment, if any. */
export function highlightIdFromHash(hash: string): string | null {
  const at = hash.indexOf(HIGHLIGHT_FRAGMENT);
  if (at === -1) return null;
  const id = decodeURIComponent(hash.slice(at + HIGHLIGHT_FRAGMENT.length)).trim();
  return id || null;
}

/**
 * Reading order: the order of the text in the paper (position hint), page by page (an abstract-page highlight and
 * an HTML one have separate texts, so they are grouped by page first), then by creation.
 */
export function inReadingOrder<T extends Pick<Highlight, 'url' | 'selector' | 'createdAt'>>(highlights: readonly T[]): T[] {
  return [...highlights].sort(
    (a, b) =>
      pageRank(a.url) - pageRank(b.url) ||
      (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) ||
      a.selector.position.start - b.selector.position.start ||
      a.createdAt - b.createdAt,
  );
}

/** The abstract page reads before the full text. */
function pageRank(url: string): number {
  return /\/abs\//.test(url) ? 0 : 1;
}

/** What search reads of a paper's highlights: each quote and its comment. */
export function highlightSearchText(highlights: readonly Pick<Highlight, 'selector' | 'comment'>[]): string {
  return highlights.map((h) => (h.comment ? `${h.selector.quote.exact}\n${h.comment}` : h.selector.quote.exact)).join('\n');
}

/**
 * The Markdown a "Quote to note" appends: the quote as a block quote, then a link to the nearest section anchor of
 * the page (or the page itself when the quote is in no section).
 */
export function quoteMarkdown(exact: string, pageUrl: string, section?: string): string {
  const url = new URL(pageUrl);
  url.hash = section ?? '';
  const quote = exact
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `${quote}\n\n— [${section ? `§ ${section}` : 'source'}](${url.href.replace(/[\s()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}
