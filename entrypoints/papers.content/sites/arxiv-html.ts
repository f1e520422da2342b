/**
 * Full text as HTML: arxiv.org/html/<id>vN (LaTeXML, arXiv chrome) and ar5iv.labs.arxiv.org/html/<id>. The id
 * and version come from the URL; the page itself confirms them in the watermark (`arXiv:2608.30667v1 [cs.DS] …`)
 * and the "Back to abstract" / "View original on arXiv" links. The title is LaTeXML's h1, whose math is MathML
 * carrying its TeX. A failed conversion has no h1 and `<title>Untitled Document</title>`: the entry stays, titled ''.
 */
import { arxivIdFromUrl, parseArxivId, type ArxivId } from '../../../lib/identity/arxiv-id';
import type { PaperRef } from './index';
import { collapseWhitespace, linkedArxivId, pageElement, readableText } from './page-text';

const sel = {
  /** `h1.ltx_title.ltx_title_document`: ar5iv-1706.03762 ("Attention Is All You Need"). */
  heading: 'h1.ltx_title_document',
  /** Footnote marks and their text inside the title and author blocks (ar5iv-1706.03762 authors). */
  notes: '.ltx_note, .ltx_author_notes, .ltx_role_footnote',
  /** `span.ltx_personname`, one per author; affiliations follow a `<br>` inside it (LaTeXML). */
  author: '.ltx_authors .ltx_personname',
  /** `div#watermark-tr`: html-2608.30667v1 (2026 arXiv chrome). */
  watermark: '#watermark-tr',
  /** "Back to abstract" (arXiv chrome), "View original on arXiv" (ar5iv footer). */
  absLink: 'a[href*="/abs/"]',
  pageTitle: 'title',
} as const;

/** Text before the first `<br>` of an author block: the name without affiliation lines. */
function nameOf(personname: Element): string {
  const parts: Node[] = [];
  for (const child of Array.from(personname.childNodes)) {
    if (child.nodeType === 1 && (child as Element).localName === 'br') break;
    parts.push(child);
  }
  return collapseWhitespace(parts.map((n) => readableText(n, sel.notes)).join(' '));
}

function idOnPage(root: ParentNode, url: URL): ArxivId | null {
  const watermark = root.querySelector(sel.watermark);
  const fromWatermark = watermark ? parseArxivId(watermark.textContent ?? '') : null;
  if (fromWatermark) return fromWatermark;
  for (const a of Array.from(root.querySelectorAll(sel.absLink))) {
    const ref = linkedArxivId(a, url);
    if (ref) return ref;
  }
  return null;
}

export function extract(root: ParentNode, url: URL): PaperRef[] {
  const fromUrl = arxivIdFromUrl(url);
  const onPage = idOnPage(root, url);
  const ref = fromUrl ?? onPage;
  if (!ref) return [];
  const version = ref.version ?? (onPage?.id === ref.id ? onPage.version : undefined) ?? null;

  const heading = root.querySelector(sel.heading);
  let title = heading ? readableText(heading, sel.notes) : '';
  if (!title) {
    // `<title>[1706.03762] Attention Is All You Need</title>`; a failed conversion says "Untitled Document".
    const pageTitle = collapseWhitespace(root.querySelector(sel.pageTitle)?.textContent ?? '');
    title = /^untitled document$/i.test(pageTitle) ? '' : pageTitle.replace(/^\[[^\]]*\]\s*/, '');
  }
  const authors = Array.from(root.querySelectorAll(sel.author)).map(nameOf).filter(Boolean);
  const element = heading ?? pageElement(root);
  if (!element) return []; // no element at all to mark (the page's root was removed)
  return [{ id: ref.id, version, title, ...(authors.length ? { authors } : {}), element }];
}
