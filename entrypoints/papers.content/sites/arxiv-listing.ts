/**
 * arXiv listing pages: /list/<archive>/new, /recent, /pastweek, /<yymm>, /catchup. Each entry is a `<dt>` (the
 * id and format links) followed by its `<dd>` (title, authors, comments, subjects, and on /new the abstract).
 * 2023 markup puts one `<dl>` per section with `span.list-identifier` in the dt; the May 2024 markup has one
 * `dl#articles` holding `h3` day headings and `<a href="/abs/<id>" id="<id>">` directly in the dt. Both are read
 * the same way: every dt that links to an abstract is an entry.
 */
import type { PaperRef } from './index';
import { firstLinkedArxivId, itemsInside, lazyAbstract, lazyAuthors, readableText } from './page-text';

const sel = {
  /** Entry heads: arxiv.org/list/astro-ph/pastweek (2024-11, dl#articles) and list/cs/… 2023 (dl > dt). */
  entry: 'dt',
  /** The abstract link in the dt, `<a href="/abs/2411.14419" title="Abstract">`: both markups. */
  link: 'a[href]',
  /** `div.list-title.mathjax` in the dd, both markups; MathJax may have rendered into it (astro-ph pastweek). */
  title: '.list-title',
  /** `div.list-authors > a` in the dd, both markups: the div, then its links (see itemsInside). */
  authorList: '.list-authors',
  author: 'a',
  /** The abstract on /new pages: `<p class="mathjax">` after the subjects in `div.meta` (test/fixtures/pages/arxiv-list-2024.html). */
  abstract: 'p.mathjax',
  /** The "Title:" / "Authors:" labels inside those divs. */
  label: '.descriptor',
} as const;

export function extract(root: ParentNode, url: URL): PaperRef[] {
  const refs: PaperRef[] = [];
  for (const dt of Array.from(root.querySelectorAll(sel.entry))) {
    const ref = firstLinkedArxivId(dt.querySelectorAll(sel.link), url);
    if (!ref) continue;
    const next = dt.nextElementSibling;
    const dd = next?.localName === 'dd' ? next : null;
    const titleEl = dd?.querySelector(sel.title);
    const entry = {
      id: ref.id,
      version: ref.version ?? null,
      title: titleEl ? readableText(titleEl, sel.label) : '',
      element: dd ?? dt,
    };
    const withAuthors = lazyAuthors(entry, () => (dd ? itemsInside(dd, sel.authorList, sel.author).map((a) => readableText(a)).filter(Boolean) : []));
    refs.push(lazyAbstract(withAuthors, () => {
      const p = dd?.querySelector(sel.abstract);
      return p ? readableText(p) : '';
    }));
  }
  return refs;
}
