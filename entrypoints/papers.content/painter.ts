/**
 * Draws highlights on the page (issue #8) without touching its text: the CSS Custom Highlight API
 * (https://drafts.csswg.org/css-highlight-api-1/) paints registered Ranges, so the page's text nodes, its scripts'
 * view of the DOM and copy/paste stay exactly as they were. The registry and `Highlight` exist in Chromium's
 * isolated world for content scripts (checked by the browser test, which reads the registry from the page's own
 * world). The `::highlight()` rule has to be in the page's document, not in a shadow root: one <style> element
 * whose text we set. Where the API is missing (Firefox before 140), each range is wrapped in <mark> elements
 * instead, the fallback the issue allows; `clear()` unwraps them.
 */

/** Registry names: every highlight, and the one jumped to or being edited. */
export const HIGHLIGHT_NAME = 'paperlight';
export const FOCUS_NAME = 'paperlight-focus';
const STYLE_ATTR = 'data-paperlight-highlight-style';
const MARK_ATTR = 'data-paperlight-highlight';

const CSS_TEXT = `
::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 212, 59, 0.45); }
::highlight(${FOCUS_NAME}) { background-color: rgba(255, 145, 0, 0.65); }
mark[${MARK_ATTR}] { background-color: rgba(255, 212, 59, 0.45); color: inherit; }
mark[${MARK_ATTR}].paperlight-focus { background-color: rgba(255, 145, 0, 0.65); }
`;

export interface Painter {
  readonly mode: 'css-highlights' | 'wrap';
  /** Draws exactly these ranges (replacing what was drawn). */
  draw(ranges: ReadonlyMap<string, Range>): void;
  /** Emphasises one highlight (or none). */
  focus(id: string | null): void;
  /** Removes everything drawn and the style element. */
  clear(): void;
}

export function supportsCssHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.CSS !== 'undefined' && 'highlights' in win.CSS && typeof win.Highlight === 'function';
}

export function createPainter(doc: Document = document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const style = doc.createElement('style');
  style.setAttribute(STYLE_ATTR, '');
  style.textContent = CSS_TEXT;
  (doc.head ?? doc.documentElement).append(style);
  return supportsCssHighlights(win) ? cssPainter(win, style) : wrapPainter(doc, style);
}

function cssPainter(win: Window & typeof globalThis, style: HTMLStyleElement): Painter {
  let current: ReadonlyMap<string, Range> = new Map();
  return {
    mode: 'css-highlights',
    draw(ranges) {
      current = ranges;
      win.CSS.highlights.set(HIGHLIGHT_NAME, new win.Highlight(...ranges.values()));
    },
    focus(id) {
      const range = id ? current.get(id) : undefined;
      if (range) {
        const focus = new win.Highlight(range);
        focus.priority = 1; // above the plain highlight where they overlap
        win.CSS.highlights.set(FOCUS_NAME, focus);
      } else win.CSS.highlights.delete(FOCUS_NAME);
    },
    clear() {
      win.CSS.highlights.delete(HIGHLIGHT_NAME);
      win.CSS.highlights.delete(FOCUS_NAME);
      style.remove();
    },
  };
}

/** Text nodes a range covers, with the part of each it covers. */
function textPieces(range: Range): Array<{ node: Text; start: number; end: number }> {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const pieces: Array<{ node: Text; start: number; end: number }> = [];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* SHOW_TEXT */);
  for (let n = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    if (!range.intersectsNode(text)) continue;
    // A <mark> inside MathML would break the formula's rendering (and its TeX annotation is not shown): formulas
    // stay unwrapped in the fallback.
    if (text.parentElement?.closest('math, script, style')) continue;
    const start = text === range.startContainer ? range.startOffset : 0;
    const end = text === range.endContainer ? range.endOffset : text.data.length;
    if (end > start && text.data.slice(start, end).trim()) pieces.push({ node: text, start, end });
  }
  return pieces;
}

function wrapPainter(doc: Document, style: HTMLStyleElement): Painter {
  const unwrap = () => {
    for (const mark of Array.from(doc.querySelectorAll(`mark[${MARK_ATTR}]`))) {
      const parent = mark.parentNode!;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
  };
  return {
    mode: 'wrap',
    draw(ranges) {
      unwrap();
      // Collect every piece first: wrapping splits text nodes, which would move the later ranges' boundaries.
      const byNode = new Map<Text, Array<{ start: number; end: number; id: string }>>();
      for (const [id, range] of ranges) {
        for (const { node, start, end } of textPieces(range)) byNode.set(node, [...(byNode.get(node) ?? []), { start, end, id }]);
      }
      for (const [node, pieces] of byNode) {
        // Back to front within a node, so a split never shifts a piece not yet wrapped; overlaps keep the first.
        let limit = node.data.length;
        for (const { start, end, id } of pieces.sort((a, b) => b.start - a.start)) {
          if (end > limit) continue;
          const middle = node.splitText(start);
          middle.splitText(end - start);
          const mark = doc.createElement('mark');
          mark.setAttribute(MARK_ATTR, id);
          middle.replaceWith(mark);
          mark.append(middle);
          limit = start;
        }
      }
    },
    focus(id) {
      for (const mark of Array.from(doc.querySelectorAll(`mark[${MARK_ATTR}]`))) {
        mark.classList.toggle('paperlight-focus', mark.getAttribute(MARK_ATTR) === id);
      }
    },
    clear() {
      unwrap();
      style.remove();
    },
  };
}
