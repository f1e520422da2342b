/**
 * Any page: entries found from the links themselves. A link to an arXiv abstract/PDF/HTML page, a Hugging Face
 * paper page, alphaXiv or an arXiv DOI names a paper; the entry is the largest block around that link that links
 * to no other paper (a card, a list item, a table row). This is what the Hugging Face list adapter runs with its
 * own link filter, and the fallback for pages no adapter knows: it relies on nothing but hrefs and nesting, so
 * class names and whitespace can change freely.
 */
import type { ArxivId } from '../../../lib/identity/arxiv-id';
import type { PaperRef } from './index';
import { linkedArxivId, metaContent, pageElement, readableText } from './page-text';
import { parseArxivId } from '../../../lib/identity/arxiv-id';

const sel = {
  /** Every link; filtered by target, since no selector can say "href names a paper". */
  link: 'a[href]',
  /** Entry containers we prefer when one holds exactly one paper (HF daily cards are `<article>`, 2024–2025). */
  entry: 'article, li, tr',
  /** Where a card's title usually sits: `<h3><a href="/papers/<id>">` on huggingface.co/papers. */
  heading: 'h1, h2, h3, h4',
  /** A page about one paper that says so in its metadata (arXiv abs pages and mirrors that copy their head). */
  citationId: 'meta[name="citation_arxiv_id"]',
  citationTitle: 'meta[name="citation_title"]',
} as const;

/** Blocks never taken as one entry's container: they hold the whole page. */
const PAGE_LEVEL = new Set(['html', 'body', 'main']);

/** Link texts that are labels, not titles: `arXiv:2401.12345`, `pdf`, `[html]`, `12 comments`, a lone number. */
const LABEL_TEXT = /^(?:\[?(?:arxiv:\s*)?[\w./-]*\d{4}[\w./-]*\]?|\[?(?:pdf|html|ps|other|abs|abstract|code|comments?|\d[\d,.]*k?(?:\s+\w+)?)\]?)$/i;

export interface LinkedEntry {
  ref: ArxivId;
  links: Element[];
  container: Element;
}

/**
 * Groups the page's paper links into entries, in page order. `accept` picks which links count (the HF adapter
 * takes only `/papers/<id>` links, so a card's "View arXiv page" button cannot split it).
 */
export function groupPaperLinks(root: ParentNode, url: URL, accept: (a: Element, ref: ArxivId) => boolean = () => true): LinkedEntry[] {
  const linkIds = new Map<Element, string>();
  const refs: { a: Element; ref: ArxivId }[] = [];
  for (const a of Array.from(root.querySelectorAll(sel.link))) {
    const ref = linkedArxivId(a, url);
    if (!ref || !accept(a, ref)) continue;
    linkIds.set(a, ref.id);
    refs.push({ a, ref });
  }
  // Only the ids of links inside `el`: walks the links once per block asked about, cached per block.
  const idsWithin = new Map<Element, Set<string>>();
  const idsIn = (el: Element) => {
    let ids = idsWithin.get(el);
    if (!ids) {
      ids = new Set();
      for (const a of Array.from(el.querySelectorAll(sel.link))) {
        const id = linkIds.get(a);
        if (id) ids.add(id);
      }
      idsWithin.set(el, ids);
    }
    return ids;
  };
  const onlyThis = (el: Element, id: string) => {
    const ids = idsIn(el);
    return ids.size === 1 && ids.has(id);
  };

  const entries: LinkedEntry[] = [];
  const byContainer = new Map<Element, LinkedEntry>();
  for (const { a, ref } of refs) {
    let container: Element = a;
    const preferred = a.parentElement?.closest(sel.entry);
    if (preferred && onlyThis(preferred, ref.id) && !PAGE_LEVEL.has(preferred.localName)) {
      container = preferred;
    } else {
      for (let up = a.parentElement; up && !PAGE_LEVEL.has(up.localName) && onlyThis(up, ref.id); up = up.parentElement) container = up;
    }
    const known = byContainer.get(container);
    if (known) {
      known.links.push(a);
      if (ref.version !== undefined && known.ref.version === undefined) known.ref = ref;
      continue;
    }
    const entry = { ref, links: [a], container };
    byContainer.set(container, entry);
    entries.push(entry);
  }
  return entries;
}

/**
 * An entry's title: the text of its link inside a heading, else of its longest link that is not a label,
 * else of the first heading in the container; '' when there is none.
 */
export function titleOfEntry(entry: LinkedEntry): string {
  const texts = entry.links.map((a) => ({ a, text: readableText(a) })).filter(({ text }) => text && !LABEL_TEXT.test(text));
  const inHeading = texts.find(({ a }) => a.closest(sel.heading));
  if (inHeading) return inHeading.text;
  const longest = texts.sort((x, y) => y.text.length - x.text.length)[0];
  if (longest) return longest.text;
  const heading = entry.container.querySelector(sel.heading);
  return heading ? readableText(heading) : '';
}

/** Fallback adapter: one entry per block linking to one paper; or the page's own paper from its citation meta. */
export function extract(root: ParentNode, url: URL): PaperRef[] {
  const refs: PaperRef[] = groupPaperLinks(root, url).map((entry) => ({
    id: entry.ref.id,
    version: entry.ref.version ?? null,
    title: titleOfEntry(entry),
    element: entry.container,
  }));
  if (refs.length > 0) return refs;
  const cited = parseArxivId(metaContent(root, sel.citationId) ?? '');
  if (!cited) return [];
  const element = pageElement(root);
  if (!element) return []; // no element at all to mark (the page's root was removed)
  return [{ id: cited.id, version: cited.version ?? null, title: metaContent(root, sel.citationTitle) ?? '', element }];
}
