/**
 * Reading text and links out of a page without changing it. Every adapter reads titles through `readableText`,
 * so math comes back the same way everywhere: as the TeX source between `$…$`, which is how arXiv writes titles
 * and what `normalizeTitle` expects. Nothing here writes to the DOM.
 */
import { arxivIdFromUrl, type ArxivId } from '../../../lib/identity/arxiv-id';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Never text a reader sees. */
const SILENT_TAGS = new Set(['style', 'noscript', 'template', 'svg', 'select', 'textarea', 'iframe', 'object']);

function classesOf(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

/** The TeX of a MathML `<math>`: its x-tex annotation (LaTeXML, MathJax 3 assistive MathML), else `alttext`. */
function texOfMathMl(math: Element): string | null {
  for (const annotation of Array.from(math.getElementsByTagName('annotation'))) {
    if (/tex/i.test(annotation.getAttribute('encoding') ?? '')) return annotation.textContent ?? '';
  }
  return math.getAttribute('alttext');
}

function firstDescendant(el: Element, localName: string): Element | null {
  return el.getElementsByTagName(localName)[0] ?? null;
}

/** Whether a MathJax 2 `<script type="math/tex">` follows `el` among its MathJax siblings (preview, output, script). */
function texScriptFollows(el: Element): boolean {
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.localName === 'script') return /^math\/tex/i.test(next.getAttribute('type') ?? '');
    if (!classesOf(next).some((c) => c === 'MathJax' || c.startsWith('MathJax_'))) return false;
  }
  return false;
}

function collect(node: Node, skip: ReadonlySet<Element> | undefined, out: string[]): void {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    out.push((node as CharacterData).data);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as Element;
  const tag = el.localName.toLowerCase();
  if (skip?.has(el)) return;
  if (tag === 'script') {
    // MathJax 2 keeps the source in `<script type="math/tex">` beside what it rendered (arxiv list pages, astro-ph
    // pastweek 2024-11 saved after MathJax ran); any other script is code.
    if (/^math\/tex/i.test(el.getAttribute('type') ?? '')) out.push(`$${el.textContent ?? ''}$`);
    return;
  }
  if (SILENT_TAGS.has(tag)) return;
  if (tag === 'br') {
    out.push(' ');
    return;
  }
  if (tag === 'math') {
    const tex = texOfMathMl(el);
    out.push(tex !== null ? `$${tex}$` : (el.textContent ?? ''));
    return;
  }
  if (tag === 'mjx-container') {
    // MathJax 3 keeps no TeX in the page; its assistive MathML is the closest thing to a source.
    const math = firstDescendant(el, 'math');
    if (math) collect(math, skip, out);
    return;
  }
  // Most elements have no class a math renderer sets: one substring test spares them the split.
  const cls = el.getAttribute('class');
  if (!cls || !/MathJax|katex/.test(cls)) {
    for (let child = el.firstChild; child; child = child.nextSibling) collect(child, skip, out);
    return;
  }
  const classes = classesOf(el);
  // MathJax 2 output and preview (`MathJax`, `MathJax_Preview`, `MathJax_Display`, `MathJax_SVG`, …): the glyphs
  // it drew; the script beside them holds the TeX. A page saved without its scripts keeps only the output: then
  // its assistive MathML, or failing that the glyphs, are the best text left.
  if (classes.some((c) => c === 'MathJax' || c.startsWith('MathJax_'))) {
    if (classes.includes('MathJax_Preview') || texScriptFollows(el)) return;
    const math = firstDescendant(el, 'math');
    if (math) collect(math, skip, out);
    else out.push(el.textContent ?? '');
    return;
  }
  if (classes.includes('katex')) {
    const math = firstDescendant(el, 'math');
    if (math) collect(math, skip, out);
    return;
  }
  for (let child = el.firstChild; child; child = child.nextSibling) collect(child, skip, out);
}

/**
 * What a reader sees as the text of `node`, whitespace collapsed, with rendered math (MathJax 2 and 3, KaTeX,
 * MathML) given back as `$TeX$`. `skip` is a selector for labels inside the element (`.descriptor` "Title:").
 */
export function readableText(node: Node, skip?: string): string {
  const out: string[] = [];
  // The labels to leave out, found once (one selector match per title rather than one per element in it).
  let skipped: Set<Element> | undefined;
  if (skip) {
    if (node.nodeType === ELEMENT_NODE && (node as Element).matches(skip)) return '';
    if ('querySelectorAll' in node) skipped = new Set((node as ParentNode).querySelectorAll(skip));
  }
  collect(node, skipped, out);
  return collapseWhitespace(out.join('').replace(/[\u200b-\u200d\u2060-\u2064\ufeff]/g, ''));
}

/**
 * `text.replace(/\s+/g, ' ').trim()`, matching only the runs that change: a lone space, most of a text's
 * whitespace, is left alone instead of replaced by itself (a third of reading a 1,000-abstract listing went there).
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/ \s+|[^\S ]\s*/g, ' ').trim();
}

/**
 * The elements matching `item` inside the elements matching `container` under `root`, in document order: what
 * `root.querySelectorAll(`${container} ${item}`)` gives, found container first. Chromium matched the descendant
 * selector ten times slower, once per entry of a 1,000-entry listing (17 ms against 1.5 ms).
 */
export function itemsInside(root: ParentNode, container: string, item: string): Element[] {
  const boxes = root.querySelectorAll(container);
  if (boxes.length === 0) return [];
  if (boxes.length === 1) return Array.from(boxes[0]!.querySelectorAll(item));
  // Several (or nested) containers, which the pages this serves never have: the combined selector itself.
  return Array.from(root.querySelectorAll(`${container} ${item}`));
}

/** The absolute URL a link points at, or null for a missing or unparsable href. */
export function linkTarget(a: Element, base: URL): URL | null {
  const href = a.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The arXiv id a link points at (abs/pdf/html, Hugging Face paper pages, …), or null. */
export function linkedArxivId(a: Element, base: URL): ArxivId | null {
  const target = linkTarget(a, base);
  return target ? arxivIdFromUrl(target) : null;
}

/** `content` of the first `<meta>` matching `selector`, trimmed; null when absent or empty. */
export function metaContent(root: ParentNode, selector: string): string | null {
  const content = root.querySelector(selector)?.getAttribute('content')?.trim();
  return content ? content : null;
}

/**
 * Where a whole-page entry's badge goes when the page has no title heading: the body, else the root element
 * (a page saved with only its `<head>`, such as a truncated abstract page, has no body); null when there is no
 * element at all.
 */
export function pageElement(root: ParentNode): Element | null {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  // A document whose root element was removed has no body; browsers answer null, but linkedom (npm run page, the
  // adapter tests) throws from its body getter, so ask only when there is a root.
  const body = 'body' in doc && doc.documentElement ? doc.body : null;
  // A document with no element at all (a page script removed the root) has nowhere to put a badge: null.
  return body ?? doc.documentElement ?? ((root as Node).nodeType === 1 ? (root as Element) : null);
}

/** `"Vaswani, Ashish"` → `"Ashish Vaswani"`: `citation_author` order to reading order. */
export function readingOrderName(name: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(name.trim());
  return m ? `${m[2]} ${m[1]}` : name.trim();
}

/** The first arXiv id among `links`, stopping there: a listing entry's first link is usually the one. */
export function firstLinkedArxivId(links: Iterable<Element>, base: URL): ArxivId | null {
  for (const a of links) {
    const ref = linkedArxivId(a, base);
    if (ref) return ref;
  }
  return null;
}

/**
 * Defines `abstract` on an entry as a getter read on first use (then kept), as lazyAuthors does for names: only
 * triage reads it. Absent (undefined) when the entry shows none.
 */
export function lazyAbstract<T extends object>(ref: T, read: () => string): T & { abstract?: string } {
  let cached: string | undefined | null = null;
  return Object.defineProperty(ref, 'abstract', {
    enumerable: true,
    get() {
      if (cached === null) cached = read() || undefined;
      return cached;
    },
  }) as T & { abstract?: string };
}

/**
 * Defines `authors` on an entry as a getter read on first use (then kept): reading every author of a 1,000-entry
 * listing costs more than the rest of the extraction, and most entries are never saved. Absent (undefined) when
 * the entry lists none.
 */
export function lazyAuthors<T extends object>(ref: T, read: () => string[]): T & { authors?: string[] } {
  let cached: string[] | undefined | null = null;
  return Object.defineProperty(ref, 'authors', {
    enumerable: true,
    get() {
      if (cached === null) {
        const names = read();
        cached = names.length ? names : undefined;
      }
      return cached;
    },
  }) as T & { authors?: string[] };
}
