/**
 * Hugging Face paper lists: the daily page (/papers, /papers/date/…, /papers/week/…, /papers/month/…,
 * /papers/trending), search results (/papers?q=…, /search/full-text?type=paper) and any other HF page that
 * lists papers. A card is whatever block holds links to one `/papers/<id>` (an `<article>` on the daily pages
 * of 2024–2025) and its title is the link inside its heading. Anchored on hrefs, not on HF's utility classes.
 */
import type { PaperRef } from './index';
import { groupPaperLinks, titleOfEntry } from './paper-links';
import { collapseWhitespace, lazyAbstract, lazyAuthors, linkTarget } from './page-text';

const sel = {
  /** Links to `/papers/<id>` (and `/papers/<id>#community`), relative or absolute: test/fixtures/pages/hf-daily.html. */
  paperPath: /^\/papers\/[^/]+(?:\/\d{7})?\/?$/,
  /**
   * The daily/weekly/monthly pages' hydration blob: `data-props` holds JSON `{ dailyPapers: [{ paper: { id, title,
   * summary, authors: [{ name }] … } }] }`. The cards show only a title and a few avatars; the blob has every card's
   * abstract and authors, which triage scores. Shape as several independent readers of these pages describe it;
   * test/fixtures/pages/hf-daily.html carries a small one.
   */
  dailyPapers: '[data-target="DailyPapers"][data-props]',
} as const;

interface CardText {
  summary?: string;
  authors?: string[];
}

/**
 * arXiv id → abstract and authors from the hydration blob, or an empty map when the page has none or it is not the
 * shape above. Read leniently: a field of the wrong type is skipped, never thrown on (the page's markup is not ours).
 */
function readDailyPapers(root: ParentNode): Map<string, CardText> {
  const byId = new Map<string, CardText>();
  const props = root.querySelector(sel.dailyPapers)?.getAttribute('data-props');
  if (!props) return byId;
  let data: unknown;
  try {
    data = JSON.parse(props);
  } catch {
    return byId;
  }
  const items = (data as { dailyPapers?: unknown } | null)?.dailyPapers;
  if (!Array.isArray(items)) return byId;
  for (const item of items) {
    const paper = (item as { paper?: unknown } | null)?.paper as { id?: unknown; summary?: unknown; authors?: unknown } | null | undefined;
    if (!paper || typeof paper.id !== 'string') continue;
    const text: CardText = {};
    if (typeof paper.summary === 'string') text.summary = collapseWhitespace(paper.summary);
    if (Array.isArray(paper.authors)) {
      text.authors = paper.authors
        .map((a) => (a as { name?: unknown } | null)?.name)
        .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
        .map((n) => n.trim());
    }
    byId.set(paper.id, text);
  }
  return byId;
}

export function extract(root: ParentNode, url: URL): PaperRef[] {
  // Only HF's own paper links make a card: an "arXiv" button or a link in a comment must not split or add one.
  const onHfPaperPage = (a: Element) => {
    const target = linkTarget(a, url);
    return !!target && target.hostname.replace(/^www\./, '') === 'huggingface.co' && sel.paperPath.test(target.pathname);
  };
  // Parsed on first use: the marks go out before triage reads abstracts and authors (page-triage.ts).
  let blob: Map<string, CardText> | undefined;
  const card = (id: string | null) => (id === null ? undefined : (blob ??= readDailyPapers(root)).get(id));
  return groupPaperLinks(root, url, onHfPaperPage).map((entry) => {
    const ref = {
      id: entry.ref.id,
      version: entry.ref.version ?? null,
      title: titleOfEntry(entry),
      element: entry.container,
    };
    return lazyAbstract(
      lazyAuthors(ref, () => card(ref.id)?.authors ?? []),
      () => card(ref.id)?.summary ?? '',
    );
  });
}
