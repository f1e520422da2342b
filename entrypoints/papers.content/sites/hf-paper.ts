/**
 * A Hugging Face paper page, huggingface.co/papers/<arXiv id>: one paper, its id in the path, its title in the
 * page's only h1 (HF prints titles as plain text; KaTeX, if any, is read back to TeX by `readableText`).
 */
import { arxivIdFromUrl, type ArxivId } from '../../../lib/identity/arxiv-id';
import type { PaperRef } from './index';
import { metaContent, pageElement, readableText } from './page-text';

const sel = {
  /** `<h1 class="mb-2 text-2xl font-semibold …">`: hf-paper-2509.24002 (2025-10). */
  heading: 'h1',
  /** `og:title` is "Paper page - <title>": the fallback when the h1 is missing. */
  ogTitle: 'meta[property="og:title"]',
  /** `span.author` around each name (a link for HF users, a button otherwise), then ",": hf-paper-2509.24002. */
  author: '.author',
} as const;

/** The paper a huggingface.co URL is the page of (`/papers/2509.24002`), or null for lists and other pages. */
export function paperIdFromPath(url: URL): ArxivId | null {
  return /^\/papers\/[^/]+(?:\/[^/]+)?\/?$/.test(url.pathname) ? arxivIdFromUrl(url) : null;
}

export function extract(root: ParentNode, url: URL): PaperRef[] {
  const ref = paperIdFromPath(url);
  if (!ref) return [];
  const heading = root.querySelector(sel.heading);
  const title = (heading ? readableText(heading) : '') || (metaContent(root, sel.ogTitle) ?? '').replace(/^Paper page\s*-\s*/i, '').replace(/\s+/g, ' ');
  const authors = Array.from(root.querySelectorAll(sel.author))
    .map((el) => readableText(el).replace(/,$/, '').trim())
    .filter(Boolean);
  const element = heading ?? pageElement(root);
  if (!element) return []; // no element at all to mark (the page's root was removed)
  return [{ id: ref.id, version: ref.version ?? null, title, ...(authors.length ? { authors } : {}), element }];
}
