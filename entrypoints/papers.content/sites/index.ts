/**
 * The site adapters and the router that picks one for a URL. Pure: each adapter reads the page it is given
 * (`extract(root, url)`) and returns the paper entries on it in page order; none touches `document`, `browser.*`
 * or the network, and none changes the page. The content script (index.ts beside this folder) mounts the UI.
 */
import { extract as extractArxivAbs } from './arxiv-abs';
import { extract as extractArxivHtml } from './arxiv-html';
import { extract as extractArxivListing } from './arxiv-listing';
import { extract as extractArxivSearch } from './arxiv-search';
import { extract as extractHfPaper, paperIdFromPath } from './hf-paper';
import { extract as extractHfPapers } from './hf-papers';
import { extract as extractPaperLinks } from './paper-links';

/** One paper entry on a page. */
export interface PaperRef {
  /** arXiv id without version (`2401.12345`, `hep-th/9901001`), or null when the entry names none. */
  id: string | null;
  /** The version the page shows (`/abs/2401.12345v2` → 2); null when the page names none (the latest). */
  version: number | null;
  /**
   * The title as the page writes it, whitespace collapsed, rendered math given back as `$TeX$` (so it is ready
   * for `normalizeTitle`). Plain text: render it with `textContent` or Preact, never as HTML. '' when the page
   * shows no title (a failed HTML conversion).
   */
  title: string;
  /** Author names in page order, when the page lists them. */
  authors?: string[];
  /** The abstract as plain text, when the listing shows it (arXiv /new, arXiv search); read lazily, for triage. */
  abstract?: string;
  /**
   * Where a badge goes. On a list, the entry's container (the listing's `<dd>`, a search `<li>`, a card); on a
   * page about one paper, its title heading (or the body when there is none).
   */
  element: Element;
}

export interface SiteAdapter {
  /** Names the adapter in logs and the `npm run page` output on stderr. */
  name: string;
  matches(url: URL): boolean;
  extract(root: ParentNode, url: URL): PaperRef[];
}

const onArxiv = (url: URL) => /^(?:www\.|export\.|browse\.)?arxiv\.org$/i.test(url.hostname);
const onAr5iv = (url: URL) => /^(?:ar5iv\.labs\.arxiv\.org|ar5iv\.org)$/i.test(url.hostname);
const onHuggingFace = (url: URL) => /^(?:www\.)?huggingface\.co$/i.test(url.hostname);

/**
 * In order: the first whose `matches` holds wins. URL shapes from the pages that prove them (see
 * ../shared/fixtures/pages/SOURCES.md and test/fixtures/pages).
 */
export const ADAPTERS: readonly SiteAdapter[] = [
  // /list/astro-ph/pastweek, /list/cs.LG/new, /list/cs/recent, /list/cs/9101 (month), /list/hep-th/2401;
  // /catchup/… and author pages /a/<name> use the same dl/dt/dd markup.
  { name: 'arxiv-listing', matches: (u) => onArxiv(u) && /^\/(?:list|catchup|a)\//.test(u.pathname), extract: extractArxivListing },
  // /abs/2401.12345, /abs/2401.12345v2, /abs/hep-th/9901001v1
  { name: 'arxiv-abs', matches: (u) => onArxiv(u) && u.pathname.startsWith('/abs/'), extract: extractArxivAbs },
  // /search/?query=…&searchtype=all, /search/advanced?…, /search/cs?…
  { name: 'arxiv-search', matches: (u) => onArxiv(u) && /^\/search(?:\/|$)/.test(u.pathname), extract: extractArxivSearch },
  // arxiv.org/html/2410.00260v1, ar5iv.labs.arxiv.org/html/1706.03762
  {
    name: 'arxiv-html',
    matches: (u) => (onArxiv(u) && u.pathname.startsWith('/html/')) || (onAr5iv(u) && /^\/(?:html|abs)\//.test(u.pathname)),
    extract: extractArxivHtml,
  },
  // huggingface.co/papers/2509.24002
  { name: 'hf-paper', matches: (u) => onHuggingFace(u) && paperIdFromPath(u) !== null, extract: extractHfPaper },
  // huggingface.co/papers, /papers/date/…, /papers/week/…, /papers/month/…, /papers/trending, /papers?q=…,
  // /search/full-text?…&type=paper, and any other Hugging Face page listing papers (collections, profiles).
  { name: 'hf-papers', matches: (u) => onHuggingFace(u), extract: extractHfPapers },
];

/** Pages no adapter claims: entries read from links to papers alone (see paper-links.ts). */
export const FALLBACK_ADAPTER: SiteAdapter = { name: 'paper-links', matches: () => true, extract: extractPaperLinks };

/** The adapter for `url`, or null when none knows the page (the caller may use FALLBACK_ADAPTER). */
export function pickAdapter(url: URL): SiteAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}
