/**
 * Hugging Face paper lists: the daily page (/papers, /papers/date/…, /papers/week/…, /papers/month/…,
 * /papers/trending), search results (/papers?q=…, /search/full-text?type=paper) and any other HF page that
 * lists papers. A card is whatever block holds links to one `/papers/<id>` (an `<article>` on the daily pages
 * of 2024–2025) and its title is the link inside its heading. Anchored on hrefs, not on HF's utility classes.
 */
import type { PaperRef } from './index';
import { groupPaperLinks, titleOfEntry } from './paper-links';
import { linkTarget } from './page-text';

const sel = {
  /** Links to `/papers/<id>` (and `/papers/<id>#community`), relative or absolute: test/fixtures/pages/hf-daily.html. */
  paperPath: /^\/papers\/[^/]+(?:\/\d{7})?\/?$/,
} as const;

export function extract(root: ParentNode, url: URL): PaperRef[] {
  // Only HF's own paper links make a card: an "arXiv" button or a link in a comment must not split or add one.
  const onHfPaperPage = (a: Element) => {
    const target = linkTarget(a, url);
    return !!target && target.hostname.replace(/^www\./, '') === 'huggingface.co' && sel.paperPath.test(target.pathname);
  };
  return groupPaperLinks(root, url, onHfPaperPage).map((entry) => ({
    id: entry.ref.id,
    version: entry.ref.version ?? null,
    title: titleOfEntry(entry),
    element: entry.container,
  }));
}
