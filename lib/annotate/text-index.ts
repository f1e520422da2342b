/**
 * The text a highlight is anchored in: one string for the reading content of a paper page, with a two-way map
 * between offsets in that string and DOM boundary points. Selectors (W3C TextQuote/TextPosition) are stored
 * against this string, so it has to read the same on every visit and, as far as possible, on every version of
 * the page. The rules, and why:
 *
 * - Scope: the paper, not the chrome. `article.ltx_document` (LaTeXML and ar5iv), else `.ltx_page_content`, else
 *   `article`, `main`, or the root itself (`readingRoot`). Navigation, headers and footers change between arXiv
 *   HTML builds and would shift every position.
 * - Whitespace: every run of whitespace (NBSP and the other Unicode spaces included) is one U+0020, and leading
 *   whitespace is dropped. LaTeX `~` becomes NBSP in some builds and a space in others, and re-serialised pages
 *   re-indent freely (see the NBSP note on the ar5iv page in ../shared/fixtures/pages/SOURCES.md).
 * - Invisible characters are dropped: zero-width spaces and joiners, soft hyphens and the invisible MathML
 *   operators U+2061–U+2064 (LaTeXML writes 114 U+200B and 28 U+2061 into the ar5iv Transformer page alone).
 * - Block elements (p, div, section, li, td, br, …) read as a space at their edges, so two paragraphs never glue
 *   into one word when the serialiser drops the newline between them.
 * - Math reads as its TeX, as one unbreakable unit: `alttext`, else the `application/x-tex` annotation, else
 *   the visible MathML text. The MathML token text (`d`, `model`, U+200B …) and the annotation are never read
 *   as well: the same formula would otherwise read differently in a browser that renders MathML, a page that
 *   MathJax rewrote (`mjx-container` keeps the MathML in `mjx-assistive-mml`; MathJax 2 keeps the TeX in
 *   `script[type="math/tex"]`), and a LaTeXML version that annotates differently. A selection that starts or
 *   ends inside a formula takes the whole formula.
 * - Not read: script, style, noscript, template, MathJax 2's rendered copies (`.MathJax`, `.MathJax_Preview`, …).
 */

/** Tried in order inside the root; the first that matches is the reading content. */
export const READING_ROOT_SELECTORS = [
  'article.ltx_document' /* LaTeXML: arxiv.org/html (oxide 0.7.6, 2026) and ar5iv (0.7.5) */,
  '.ltx_page_content' /* LaTeXML pages whose article lost its class */,
  '#abs' /* arXiv abstract pages (abs-2609.22268v1, 2026; test/fixtures/pages/arxiv-abs.html): title, authors, abstract, comments, without the sidebar */,
  'article',
  'main',
] as const;

const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'annotation', 'annotation-xml']);
/** MathJax 2's rendered duplicates of a formula whose TeX sits in a `script[type="math/tex"]` beside them. */
const MATHJAX2_RENDERINGS = ['MathJax', 'MathJax_Display', 'MathJax_Preview', 'MathJax_CHTML', 'MathJax_SVG', 'MJX_Assistive_MathML'];
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Sections LaTeXML marks with an id that the page's TOC links to (`S3.SS2`, `S3.SS1.SSS0.Px1`, `A1`, `bib`). */
const SECTION_CLASS = /\bltx_(?:section|subsection|subsubsection|paragraph|appendix|bibliography|chapter|part)\b/;

const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]/;
const SPACES_G = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const INVISIBLE_G = /[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]/g;

/**
 * The same normalisation the index applies to page text, for strings that come from elsewhere (a stored quote
 * written by an older version, a test). Does not trim: a prefix's trailing space is part of it.
 */
export function normalizeReadingText(s: string): string {
  return s.replace(INVISIBLE_G, '').replace(SPACES_G, ' ');
}

/** The element whose text highlights are stored against; see READING_ROOT_SELECTORS. */
export function readingRoot(root: ParentNode): ParentNode {
  for (const selector of READING_ROOT_SELECTORS) {
    if (isElement(root) && root.matches(selector)) return root;
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return root;
}

const NODE_ELEMENT = 1;
const NODE_TEXT = 3;
const NODE_DOCUMENT = 9;

function isElement(node: Node): node is Element {
  return node.nodeType === NODE_ELEMENT;
}

function hasClass(el: Element, names: readonly string[]): boolean {
  const list = el.classList;
  return list !== undefined && names.some((n) => list.contains(n));
}

/** The TeX a formula reads as; see the module comment for the order. */
export function mathTex(math: Element): string {
  const alttext = math.getAttribute('alttext');
  if (alttext !== null && alttext.trim() !== '') return alttext.trim().replace(SPACES_G, ' ');
  const annotation = math.querySelector('annotation[encoding="application/x-tex"]');
  if (annotation?.textContent) return annotation.textContent.trim().replace(SPACES_G, ' ');
  return visibleText(math).trim().replace(SPACES_G, ' ');
}

function visibleText(node: Node): string {
  if (node.nodeType === NODE_TEXT) return (node.nodeValue ?? '').replace(INVISIBLE_G, '');
  if (isElement(node) && SKIPPED_ELEMENTS.has(node.localName)) return '';
  let s = '';
  for (let c = node.firstChild; c; c = c.nextSibling) s += visibleText(c);
  return s;
}

type Reading = { kind: 'skip' } | { kind: 'atom'; tex: string } | { kind: 'inline' } | { kind: 'block' };

function classify(el: Element): Reading {
  const name = el.localName;
  if (name === 'math') return { kind: 'atom', tex: mathTex(el) };
  if (name === 'mjx-container') {
    // MathJax 3 keeps the source MathML (with alttext and annotation) for screen readers; the rest is glyphs.
    const math = el.querySelector('math');
    return { kind: 'atom', tex: math ? mathTex(math) : '' };
  }
  if (name === 'script') {
    const type = el.getAttribute('type') ?? '';
    if (type.startsWith('math/tex')) return { kind: 'atom', tex: (el.textContent ?? '').trim().replace(SPACES_G, ' ') };
    return { kind: 'skip' };
  }
  if (SKIPPED_ELEMENTS.has(name) || hasClass(el, MATHJAX2_RENDERINGS)) return { kind: 'skip' };
  return BLOCK_ELEMENTS.has(name) ? { kind: 'block' } : { kind: 'inline' };
}

/** A text node or a formula, and the slice of `text` it reads as. */
interface Segment {
  node: Node;
  atom: boolean;
  start: number;
  end: number;
}

/** Where the walk leaves a node: its next sibling, else the next sibling of the nearest ancestor below `stop`. */
function nextAfterSubtree(node: Node, stop: Node): Node | null {
  for (let n: Node | null = node; n && n !== stop; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

export class TextIndex {
  /** The reading text; positions in selectors are offsets into it (UTF-16 code units). */
  readonly text: string;
  /** The element the text was read from (see `readingRoot`). */
  readonly root: ParentNode;
  private readonly segments: Segment[];
  /** For each character: the index of its segment, or −1 for a space standing for a block edge. */
  private readonly charSegment: Int32Array;
  /** For each character of a text segment: its offset in the text node's data (a collapsed run maps to its first). */
  private readonly charNodeOffset: Int32Array;
  private readonly segmentOf: Map<Node, number>;
  private readonly skipped: Set<Node>;

  private constructor(root: ParentNode) {
    this.root = root;
    const chars: string[] = [];
    const charSegment: number[] = [];
    const charNodeOffset: number[] = [];
    const segments: Segment[] = [];
    const segmentOf = new Map<Node, number>();
    const skipped = new Set<Node>();
    let afterSpace = true; // true at the start, so the text never begins with a space

    const blockEdge = () => {
      if (afterSpace) return;
      chars.push(' ');
      charSegment.push(-1);
      charNodeOffset.push(0);
      afterSpace = true;
    };
    const readText = (node: Node) => {
      const seg = segments.length;
      const start = chars.length;
      const data = node.nodeValue ?? '';
      for (let i = 0; i < data.length; i++) {
        const c = data[i]!;
        if (INVISIBLE.test(c)) continue;
        if (SPACE.test(c)) {
          if (afterSpace) continue;
          chars.push(' ');
          afterSpace = true;
        } else {
          chars.push(c);
          afterSpace = false;
        }
        charSegment.push(seg);
        charNodeOffset.push(i);
      }
      segments.push({ node, atom: false, start, end: chars.length });
      segmentOf.set(node, seg);
    };
    const readAtom = (node: Element, tex: string) => {
      const seg = segments.length;
      const start = chars.length;
      for (const c of tex) {
        // `for … of` walks code points; push UTF-16 units one by one so offsets stay in code units.
        for (let k = 0; k < c.length; k++) {
          chars.push(c[k]!);
          charSegment.push(seg);
          charNodeOffset.push(0);
        }
      }
      if (tex.length > 0) afterSpace = tex.endsWith(' ');
      segments.push({ node, atom: true, start, end: chars.length });
      segmentOf.set(node, seg);
    };

    // Iterative pre-order walk: a paper has tens of thousands of nodes and MathML nests deep.
    const leave = (el: Element) => {
      if (BLOCK_ELEMENTS.has(el.localName)) blockEdge();
    };
    let node: Node | null = root.firstChild;
    while (node) {
      let descend = false;
      if (node.nodeType === NODE_TEXT) readText(node);
      else if (isElement(node)) {
        const reading = classify(node);
        if (reading.kind === 'skip') skipped.add(node);
        else if (reading.kind === 'atom') {
          const block = node.getAttribute('display') === 'block';
          if (block) blockEdge();
          readAtom(node, reading.tex);
          if (block) blockEdge();
        } else {
          if (reading.kind === 'block') blockEdge();
          descend = node.firstChild !== null;
          if (!descend) leave(node);
        }
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      // Climb out of finished elements, closing their block edges on the way.
      let next: Node | null = null;
      for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
        if (n.nextSibling) {
          next = n.nextSibling;
          break;
        }
        const parent: Node | null = n.parentNode;
        if (parent && parent !== root && isElement(parent)) leave(parent);
      }
      node = next;
    }

    this.text = chars.join('');
    this.segments = segments;
    this.charSegment = Int32Array.from(charSegment);
    this.charNodeOffset = Int32Array.from(charNodeOffset);
    this.segmentOf = segmentOf;
    this.skipped = skipped;
  }

  /** Reads the reading content under `root` (see `readingRoot`); build once, anchor many. */
  static build(root: ParentNode): TextIndex {
    return new TextIndex(readingRoot(root));
  }

  /**
   * The text offset of a DOM boundary point. A point inside a formula moves to the formula's start (`edge`
   * 'start') or end ('end'); any other point between read text moves to the next read text (for a start) or the
   * end of the previous one (for an end), so a range's text never grows by what lies between. Points before the
   * reading content give 0, points after it give `text.length`.
   */
  offsetOf(container: Node, offset: number, edge: 'start' | 'end'): number {
    if (container !== this.root && !this.root.contains(container)) {
      // DOCUMENT_POSITION_FOLLOWING (4): the root follows the point, so the point is before the reading content.
      return this.root.compareDocumentPosition(container) & 4 ? this.text.length : 0;
    }
    // The outermost formula or skipped element around the point stands for it.
    let outermost: Node | null = null;
    for (let n: Node | null = container; n && n !== this.root; n = n.parentNode) {
      const seg = this.segmentOf.get(n);
      if ((seg !== undefined && this.segments[seg]!.atom) || this.skipped.has(n)) outermost = n;
    }
    if (outermost) {
      const seg = this.segmentOf.get(outermost);
      if (seg !== undefined) return edge === 'start' ? this.segments[seg]!.start : this.segments[seg]!.end;
      const parent = outermost.parentNode!;
      return this.offsetBetween(parent, Array.prototype.indexOf.call(parent.childNodes, outermost), edge);
    }
    const seg = this.segmentOf.get(container);
    if (seg !== undefined) return this.offsetInText(this.segments[seg]!, offset);
    return this.offsetBetween(container, offset, edge);
  }

  /** Offset of the point before child `offset` of `container`, a point between nodes. */
  private offsetBetween(container: Node, offset: number, edge: 'start' | 'end'): number {
    if (edge === 'start') return this.offsetFrom(container.childNodes[offset] ?? nextAfterSubtree(container, this.root));
    // Walk backwards: the children before the point, then the earlier siblings of each ancestor.
    let n: Node | null = offset > 0 ? (container.childNodes[offset - 1] ?? null) : null;
    let at: Node = container;
    for (;;) {
      for (; n; n = n.previousSibling) {
        const end = this.lastReadEnd(n);
        if (end !== undefined) return end;
      }
      if (at === this.root || !at.parentNode) return 0;
      n = at.previousSibling;
      at = at.parentNode;
    }
  }

  /** End offset of the last read text or formula in `node`'s subtree. */
  private lastReadEnd(node: Node): number | undefined {
    const seg = this.segmentOf.get(node);
    if (seg !== undefined) return this.segments[seg]!.end;
    if (this.skipped.has(node)) return undefined;
    for (let c = node.lastChild; c; c = c.previousSibling) {
      const end = this.lastReadEnd(c);
      if (end !== undefined) return end;
    }
    return undefined;
  }

  /** First character at or after a text node's data offset. */
  private offsetInText(seg: Segment, nodeOffset: number): number {
    let lo = seg.start;
    let hi = seg.end;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.charNodeOffset[mid]! < nodeOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Offset of the first read node at or after `node` in document order (a pre-order walk from it). */
  private offsetFrom(node: Node | null): number {
    let n = node;
    while (n) {
      const seg = this.segmentOf.get(n);
      if (seg !== undefined) return this.segments[seg]!.start;
      if (!this.skipped.has(n) && n.firstChild) n = n.firstChild;
      else n = nextAfterSubtree(n, this.root);
    }
    return this.text.length;
  }

  /**
   * A DOM Range over text[start, end). Block-edge spaces at either end are left out (they belong to no node);
   * a formula is covered whole.
   */
  toRange(start: number, end: number): Range {
    const doc = this.root.nodeType === NODE_DOCUMENT ? (this.root as Document) : this.root.ownerDocument;
    if (!doc) throw new Error('annotate: the root is not in a document, so no Range can be made for it');
    const range = doc.createRange();
    let first = start;
    while (first < end && this.charSegment[first] === -1) first++;
    let last = end - 1;
    while (last >= first && this.charSegment[last] === -1) last--;
    if (first > last) {
      // Nothing but block edges (or nothing): a collapsed range where the text would be.
      const at = this.boundaryAt(Math.min(first, this.text.length));
      range.setStart(at.node, at.offset);
      range.collapse(true);
      return range;
    }
    const startSeg = this.segments[this.charSegment[first]!]!;
    if (startSeg.atom) range.setStartBefore(startSeg.node);
    else range.setStart(startSeg.node, this.charNodeOffset[first]!);
    const endSeg = this.segments[this.charSegment[last]!]!;
    if (endSeg.atom) range.setEndAfter(endSeg.node);
    else range.setEnd(endSeg.node, this.charNodeOffset[last]! + 1);
    return range;
  }

  private boundaryAt(offset: number): { node: Node; offset: number } {
    for (let i = offset; i < this.text.length; i++) {
      const seg = this.charSegment[i]!;
      if (seg === -1) continue;
      const s = this.segments[seg]!;
      if (s.atom) {
        const parent = s.node.parentNode!;
        return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, s.node) };
      }
      return { node: s.node, offset: this.charNodeOffset[i]! };
    }
    return { node: this.root, offset: this.root.childNodes.length };
  }

  /**
   * The id of the innermost LaTeXML section around the character at `offset` (`S3.SS2`), the anchor a table of
   * contents links to; undefined outside any.
   */
  sectionAt(offset: number): string | undefined {
    let i = Math.max(0, offset);
    while (i < this.text.length && this.charSegment[i] === -1) i++;
    const seg = i < this.text.length ? this.segments[this.charSegment[i]!] : undefined;
    for (let n: Node | null = seg?.node ?? null; n && n !== this.root.parentNode; n = n.parentNode) {
      if (isElement(n) && n.id && (n.localName === 'section' || SECTION_CLASS.test(n.getAttribute('class') ?? ''))) return n.id;
    }
    return undefined;
  }
}
