/**
 * Highlights and quotes on arXiv abstract and HTML full-text pages (issue #8). On start it asks the background
 * once for the paper's highlights (and not at all when the paper is not saved: a highlight saves its paper, so an
 * unsaved paper has none), re-anchors them in the page's reading text (lib/annotate), draws them with the CSS
 * Custom Highlight API (painter.ts), and offers a small control beside any selection in the paper: Highlight,
 * Highlight with comment, Quote to note (Alt+H highlights straight away). A click on a highlight opens its
 * comment. `#paperlight-highlight=<id>` in the URL (the library page's links) scrolls to that highlight.
 * Everything — listeners, timers, the control, the drawing — ends with the content script's context.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorAll, describeRange } from '@/lib/annotate/anchor';
import { readingRoot, TextIndex } from '@/lib/annotate/text-index';
import { sendMessage } from '@/lib/browser/messages';
import type { PaperInput } from '@/lib/browser/library';
import { highlightIdFromHash, inReadingOrder, quoteMarkdown, type Highlight } from '@/lib/library/highlights';
import { createPainter, type Painter } from './painter';
import { SelectionToolbar, type SelectionToolbarProps } from './ui/SelectionToolbar';

export interface PageHighlight {
  highlight: Highlight;
  anchored: boolean;
  /** Why it is not on this version (lib/annotate's reason), for orphans. */
  reason?: string;
  range?: Range;
}

export interface AnnotationState {
  /** False until the page's highlights are read, and on pages that are not annotated. */
  active: boolean;
  items: PageHighlight[];
}

/** What the panel's list reads and does. */
export interface AnnotationStore {
  get(): AnnotationState;
  subscribe(listener: (state: AnnotationState) => void): () => void;
  jumpTo(id: string): void;
  setComment(id: string, comment: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The page's paper, as index.ts knows it. */
export interface AnnotatedPaper {
  paperId: string | null;
  saved: boolean;
  input(): PaperInput;
  /** The paper was saved (by a highlight or a quote) or its note changed: the badge and the panel follow. */
  onChanged(paperId: string, what: 'highlight' | 'note'): void;
}

/** Adapters whose pages are annotated: the paper's own text (not listings). */
export const ANNOTATED_ADAPTERS: ReadonlySet<string> = new Set(['arxiv-abs', 'arxiv-html']);

/** Wait after the last selection change before showing the control (a drag fires dozens). @default 120 */
const SELECTION_SETTLE_MS = 120;
const HOST_ATTR = 'data-paperlight-badge'; // index.ts's observer ignores our own elements by this attribute

const TOOLBAR_CSS = `
:host { all: initial; position: absolute; z-index: 2147483647; }
.toolbar { font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1f24; background: #fff;
  border: 1px solid #0b57d0; border-radius: 8px; padding: 6px 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  display: grid; gap: 6px; max-width: 420px; }
.row { display: flex; gap: 6px; flex-wrap: wrap; }
button { font: inherit; border: 1px solid #0b57d0; color: #0b57d0; background: #f3f7ff; border-radius: 6px;
  padding: 2px 8px; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
textarea { font: inherit; width: 360px; max-width: 100%; box-sizing: border-box; }
.quote { margin: 0; color: #5b636e; font-style: italic; }
.error { margin: 0; color: #b3261e; }
@media (prefers-color-scheme: dark) { .toolbar { background: #1d2633; color: #e3e3e3; border-color: #8ab4f8; }
  button { background: #1d2633; color: #8ab4f8; border-color: #8ab4f8; } }
`;

let toolbarSheet: CSSStyleSheet | undefined;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.matches('input, textarea, select, [contenteditable]:not([contenteditable="false"])') || (target as HTMLElement).isContentEditable;
}

export class Annotations implements AnnotationStore {
  private state: AnnotationState = { active: false, items: [] };
  private readonly listeners = new Set<(state: AnnotationState) => void>();
  private painter: Painter | undefined;
  private paper: AnnotatedPaper | undefined;
  private host: HTMLElement | undefined;
  private container: HTMLElement | undefined;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private focused: string | null = null;
  /** What the control shows: a new selection's actions, or a clicked highlight's comment. */
  private toolbarMode: 'new' | 'edit' | null = null;

  get(): AnnotationState {
    return this.state;
  }

  subscribe(listener: (state: AnnotationState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private set(items: PageHighlight[]) {
    this.state = { active: true, items: inReadingOrder(items.map((i) => ({ ...i.highlight, item: i }))).map((x) => x.item) };
    this.painter?.draw(new Map(this.state.items.flatMap((i) => (i.range ? [[i.highlight.id, i.range] as const] : []))));
    if (this.focused) this.painter?.focus(this.focused);
    for (const listener of this.listeners) listener(this.state);
  }

  async start(ctx: ContentScriptContext, paper: AnnotatedPaper): Promise<void> {
    this.paper = paper;
    const started = performance.now();
    // One message, and only for a saved paper: the whole cost a page without highlights pays.
    const stored = paper.saved && paper.paperId ? await sendMessage('getHighlights', { paperId: paper.paperId }) : [];
    if (ctx.isInvalid) return;
    const read = performance.now();
    this.painter = createPainter(document);
    ctx.onInvalidated(() => this.stop());
    const index = stored.length ? TextIndex.build(document) : undefined;
    const indexed = performance.now();
    const results = index ? anchorAll(document, stored.map((s) => s.selector), index) : [];
    const anchored = performance.now();
    this.set(
      stored.map((highlight, i) => {
        const r = results[i]!;
        return 'range' in r ? { highlight, anchored: true, range: r.range } : { highlight, anchored: false, reason: r.reason };
      }),
    );
    const drawn = performance.now();
    this.listen(ctx);
    this.jumpToHash();
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    // Read by the benchmarks (npm run bench -- annotate-page) and handy in DevTools.
    console.debug(
      `paperlight: annotate: ${stored.length} highlights (${(['exact', 'prefix-suffix', 'fuzzy'] as const).map((how) => `${results.filter((r) => 'how' in r && r.how === how).length} ${how}`).join(', ')}, ${results.filter((r) => 'orphan' in r).length} not found), ${this.painter.mode}; ` +
        `${(drawn - started).toFixed(1)} ms (message ${(read - started).toFixed(1)}, anchor ${(anchored - read).toFixed(1)} (reading the page ${(indexed - read).toFixed(1)}), draw ${(drawn - anchored).toFixed(1)}); ` +
        `${(drawn - (nav?.domContentLoadedEventStart ?? 0)).toFixed(1)} ms after DOMContentLoaded`,
    );
  }

  private stop() {
    clearTimeout(this.settle);
    this.painter?.clear();
    this.hideToolbar();
    this.host?.remove();
    this.state = { active: false, items: [] };
    for (const listener of this.listeners) listener(this.state);
  }

  private listen(ctx: ContentScriptContext) {
    ctx.addEventListener(document, 'selectionchange', () => {
      clearTimeout(this.settle);
      this.settle = setTimeout(() => this.onSelection(), SELECTION_SETTLE_MS);
    });
    ctx.addEventListener(document, 'keydown', (e) => {
      if (!e.isTrusted || !e.altKey || e.ctrlKey || e.metaKey || e.code !== 'KeyH') return;
      if (isTyping(e.target) || (this.host && document.activeElement === this.host)) return;
      const range = this.selectedRange();
      if (!range) return;
      e.preventDefault();
      void this.highlight(range).catch((error: unknown) => console.warn('paperlight:', error instanceof Error ? error.message : error));
    });
    ctx.addEventListener(document, 'click', (e) => {
      if (!e.isTrusted || e.button !== 0 || !document.getSelection()?.isCollapsed) return;
      if (this.host && e.composedPath().includes(this.host)) return;
      const hit = this.highlightAt(e.clientX, e.clientY);
      if (hit) this.showEdit(hit);
    });
    ctx.addEventListener(window, 'hashchange', () => this.jumpToHash());
  }

  /** The reader's selection, if it holds text of the paper outside our own UI. */
  private selectedRange(): Range | null {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const root = readingRoot(document);
    const common = range.commonAncestorContainer;
    const el = common instanceof Element ? common : common.parentElement;
    if (el?.closest('[data-paperlight-badge], [data-paperlight-panel], paperlight-panel')) return null;
    if (root !== common && !root.contains(common) && !common.contains(root as Node)) return null;
    return range.toString().trim() ? range.cloneRange() : null;
  }

  private onSelection() {
    // Typing a comment moves focus into the control; the page's selection changing then is not a new selection.
    if (this.host && document.activeElement === this.host) return;
    const range = this.selectedRange();
    if (!range) {
      // The click that opened a highlight's comment also collapsed the selection: that control stays.
      if (this.toolbarMode !== 'edit') this.hideToolbar();
      return;
    }
    this.showToolbar(range, {
      mode: 'new',
      onHighlight: (comment) => this.highlight(range, comment),
      onQuote: () => this.quote(range),
      onClose: () => this.hideToolbar(),
    });
  }

  private ensureHost(): { host: HTMLElement; container: HTMLElement } {
    if (this.host && this.container) return { host: this.host, container: this.container };
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTR, '');
    host.setAttribute('data-paperlight-annotate', '');
    const shadow = host.attachShadow({ mode: 'open' });
    if (!toolbarSheet) {
      toolbarSheet = new CSSStyleSheet();
      toolbarSheet.replaceSync(TOOLBAR_CSS);
    }
    shadow.adoptedStyleSheets = [toolbarSheet];
    const container = document.createElement('div');
    shadow.append(container);
    // Keys typed in the comment box are ours: the page's shortcuts (and our own Alt+H) must not see them.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) host.addEventListener(type, (e) => e.stopPropagation());
    this.host = host;
    this.container = container;
    return { host, container };
  }

  private showToolbar(at: Range, props: SelectionToolbarProps) {
    const { host, container } = this.ensureHost();
    const rects = at.getClientRects();
    const rect = rects[rects.length - 1] ?? at.getBoundingClientRect();
    host.style.top = `${rect.bottom + window.scrollY + 6}px`;
    host.style.left = `${Math.max(4, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 440))}px`;
    if (!host.isConnected) document.body.append(host);
    render(null, container); // a fresh control for each selection: no state carried over
    render(h(SelectionToolbar, props), container);
    this.toolbarMode = props.mode;
  }

  private hideToolbar() {
    if (this.container) render(null, this.container);
    this.host?.remove();
    this.toolbarMode = null;
  }

  private async highlight(range: Range, comment?: string): Promise<void> {
    const paper = this.paper!;
    const index = TextIndex.build(document);
    const selector = describeRange(document, range, index);
    const { highlight, paper: saved } = await sendMessage('addHighlight', {
      paper: paper.input(),
      selector,
      url: location.href,
      ...(comment?.trim() ? { comment } : {}),
    });
    this.set([...this.state.items, { highlight, anchored: true, range: index.toRange(selector.position.start, selector.position.end) }]);
    document.getSelection()?.removeAllRanges();
    this.hideToolbar();
    const wasSaved = paper.saved;
    paper.saved = true;
    paper.paperId = saved.id;
    if (!wasSaved) paper.onChanged(saved.id, 'highlight');
  }

  private async quote(range: Range): Promise<void> {
    const paper = this.paper!;
    const selector = describeRange(document, range);
    const note = await sendMessage('quoteToNote', { paper: paper.input(), markdown: quoteMarkdown(selector.quote.exact, location.href, selector.section) });
    document.getSelection()?.removeAllRanges();
    this.hideToolbar();
    paper.saved = true;
    paper.paperId = note.paperId;
    paper.onChanged(note.paperId, 'note');
  }

  private highlightAt(x: number, y: number): PageHighlight | undefined {
    const caret = document.caretRangeFromPoint?.(x, y);
    if (!caret) return undefined;
    return this.state.items.find((i) => {
      if (!i.range) return false;
      try {
        return i.range.isPointInRange(caret.startContainer, caret.startOffset);
      } catch {
        return false; // a point in another document or a detached node
      }
    });
  }

  private showEdit(item: PageHighlight) {
    const { id, comment, selector } = item.highlight;
    this.focusOn(id);
    this.showToolbar(item.range!, {
      mode: 'edit',
      quote: selector.quote.exact,
      comment: comment ?? '',
      onSaveComment: async (text) => {
        await this.setComment(id, text);
        this.hideToolbar();
      },
      onDelete: async () => {
        await this.remove(id);
        this.hideToolbar();
      },
      onClose: () => {
        this.focusOn(null);
        this.hideToolbar();
      },
    });
  }

  private focusOn(id: string | null) {
    this.focused = id;
    this.painter?.focus(id);
  }

  private jumpToHash() {
    const id = highlightIdFromHash(location.hash);
    if (id) this.jumpTo(id);
  }

  jumpTo(id: string): void {
    const item = this.state.items.find((i) => i.highlight.id === id);
    if (!item?.range) return;
    const rect = item.range.getBoundingClientRect();
    window.scrollTo({ top: Math.max(0, rect.top + window.scrollY - window.innerHeight / 3) });
    this.focusOn(id);
  }

  async setComment(id: string, comment: string): Promise<void> {
    const updated = await sendMessage('updateHighlight', { id, comment });
    this.set(this.state.items.map((i) => (i.highlight.id === id ? { ...i, highlight: updated } : i)));
  }

  async remove(id: string): Promise<void> {
    await sendMessage('deleteHighlight', { id });
    if (this.focused === id) this.focusOn(null);
    this.set(this.state.items.filter((i) => i.highlight.id !== id));
  }
}
