/**
 * arXiv search results, /search/?query=… and /search/advanced: one `li.arxiv-result` per paper, holding the
 * `arXiv:<id>` link to /abs/<id>, the title (raw TeX when it has any: MathJax runs later) and the authors.
 */
import type { PaperRef } from './index';
import { firstLinkedArxivId, itemsInside, lazyAbstract, lazyAuthors, readableText } from './page-text';

const sel = {
  /** search-abstract-distributed-systems-200 (2025-12, search v0.5.6): 200 of these. */
  result: 'li.arxiv-result',
  /** `p.list-title > a[href=".../abs/2512.03003"]` then pdf/ps/other links: the first that names a paper wins. */
  link: 'a[href]',
  /** `p.title.is-5.mathjax`. */
  title: 'p.title',
  /** `span.abstract-full` in `p.abstract` (hidden until "More"), whose "△ Less" link is not text. */
  abstract: 'span.abstract-full',
  abstractControls: 'a',
  /** `p.authors > a`, after a "Authors:" span: the paragraph, then its links (see itemsInside). */
  authorList: 'p.authors',
  author: 'a',
} as const;

export function extract(root: ParentNode, url: URL): PaperRef[] {
  const refs: PaperRef[] = [];
  for (const li of Array.from(root.querySelectorAll(sel.result))) {
    const ref = firstLinkedArxivId(li.querySelectorAll(sel.link), url);
    if (!ref) continue;
    const titleEl = li.querySelector(sel.title);
    const entry = { id: ref.id, version: ref.version ?? null, title: titleEl ? readableText(titleEl) : '', element: li };
    const withAuthors = lazyAuthors(entry, () => itemsInside(li, sel.authorList, sel.author).map((a) => readableText(a)).filter(Boolean));
    refs.push(lazyAbstract(withAuthors, () => {
      const full = li.querySelector(sel.abstract);
      return full ? readableText(full, sel.abstractControls) : '';
    }));
  }
  return refs;
}
