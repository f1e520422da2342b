/**
 * arXiv abstract pages, /abs/<id>[vN], new and old ids. The `citation_*` meta (Google Scholar's tags) carry the
 * id and the title as submitted (TeX and `--` included) in every markup since at least 2019, and survive pages
 * saved with only their head; the visible h1 is the fallback.
 */
import { arxivIdFromUrl, parseArxivId } from '../../../lib/identity/arxiv-id';
import type { PaperRef } from './index';
import { metaContent, pageElement, readableText, readingOrderName } from './page-text';

const sel = {
  /** `<meta name="citation_arxiv_id" content="2609.22268">`: abs-2609.22268v1 (2026), abs-1902.02534v2 (2023). */
  id: 'meta[name="citation_arxiv_id"]',
  title: 'meta[name="citation_title"]',
  author: 'meta[name="citation_author"]',
  /** `og:url` is the versioned URL of the version shown (`…/abs/1902.02534v2` while the path may have no version). */
  ogUrl: 'meta[property="og:url"]',
  /** `<h1 class="title mathjax"><span class="descriptor">Title:</span>…`: abs-2609.22268v1 (2026 markup). */
  heading: 'h1.title',
  label: '.descriptor',
  /** `div.authors > a`: abs-2609.22268v1. */
  authors: '.authors a',
} as const;

export function extract(root: ParentNode, url: URL): PaperRef[] {
  const fromUrl = arxivIdFromUrl(url);
  const fromMeta = parseArxivId(metaContent(root, sel.id) ?? '');
  const id = fromMeta?.id ?? fromUrl?.id;
  if (!id) return [];
  const ogUrl = metaContent(root, sel.ogUrl);
  const fromOg = ogUrl ? arxivIdFromUrl(ogUrl) : null;
  const version = (fromUrl?.id === id ? fromUrl.version : undefined) ?? (fromOg?.id === id ? fromOg.version : undefined) ?? null;

  const heading = root.querySelector(sel.heading);
  const title = metaContent(root, sel.title) ?? (heading ? readableText(heading, sel.label) : '');
  let authors = Array.from(root.querySelectorAll(sel.authors)).map((a) => readableText(a)).filter(Boolean);
  if (authors.length === 0) {
    authors = Array.from(root.querySelectorAll(sel.author))
      .map((m) => readingOrderName(m.getAttribute('content') ?? ''))
      .filter(Boolean);
  }
  const element = heading ?? pageElement(root);
  if (!element) return []; // no element at all to mark (the page's root was removed)
  return [{ id, version, title, ...(authors.length ? { authors } : {}), element }];
}
