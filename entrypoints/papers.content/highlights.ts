/**
 * Triage on a listing page (issue #7): the entries that match the reader's interests get a quiet mark whose
 * reasons show on hover and on keyboard focus, and the page can show only those or order every entry by score —
 * both restorable exactly. Whole entry containers move or hide (arXiv's `<dt>`+`<dd>` pairs together), never
 * their insides, so the page's own links, ids and anchors keep working; a comment node left where each entry was
 * is how "undo" puts it back in its original place.
 *
 * The DOM work is here; the bar's view is ui/TriageBar.tsx; scoring is the background's (lib/triage).
 */
import type { PageTriageSummary } from '@/lib/browser/messages';
import { describeResult } from '@/lib/triage/describe';
import type { TriageEntry, TriageResult } from '@/lib/triage/types';
import type { PaperRef } from './sites';
import { sharedSheet } from './ui/sheet';

/** Host of a mark (the content script's observer treats it as ours, so placing marks never triggers a rescan). */
export const MATCH_ATTR = 'data-paperlight-match';

const MARK_CSS = `
:host { all: initial; display: inline-block; position: relative; margin: 2px 0 2px 6px; vertical-align: middle; }
button {
  font: 600 11px/1.6 system-ui, -apple-system, 'Segoe UI', sans-serif; cursor: default;
  border: 1px solid #b06000; color: #7a4100; background: #fff4e0; border-radius: 10px; padding: 0 8px;
}
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
[role=tooltip] {
  display: none; position: absolute; z-index: 2147483647; top: 100%; left: 0; margin-top: 4px; min-width: 240px;
  max-width: 420px; padding: 6px 10px; border-radius: 6px; background: #1b1f24; color: #fff;
  font: 12px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; white-space: normal;
}
:host(:hover) [role=tooltip], button:focus + [role=tooltip] { display: block; }
@media (prefers-color-scheme: dark) { button { background: #3a2a10; color: #fbc97a; border-color: #fbc97a; } }
`;

const markSheet = sharedSheet(MARK_CSS);

/** What triage reads of an entry: its title, and the authors and abstract where the page lists them. */
export function triageEntry(ref: PaperRef): TriageEntry {
  const entry: TriageEntry = { title: ref.title.slice(0, 2_000) };
  const authors = ref.authors;
  if (authors?.length) entry.authors = authors.slice(0, 500).map((a) => a.slice(0, 300));
  const abstract = ref.abstract;
  if (abstract) entry.abstract = abstract.slice(0, 10_000);
  return entry;
}

/**
 * The nodes that make one entry: an arXiv listing's `<dt>` through its `<dd>` (the whitespace between them too,
 * so that putting them back restores the page node for node), else the element itself.
 */
export function entryNodes(element: Element): ChildNode[] {
  const previous = element.previousElementSibling;
  if (element.localName !== 'dd' || previous?.localName !== 'dt') return [element];
  const nodes: ChildNode[] = [];
  for (let node: ChildNode | null = previous; node && node !== element; node = node.nextSibling) nodes.push(node);
  nodes.push(element);
  return nodes;
}

interface Item {
  ref: PaperRef;
  /** Place on the page, in the order the adapter read it. */
  index: number;
  result: TriageResult;
  nodes: ChildNode[];
  mark?: HTMLElement;
  /** Where the entry was before it was first moved. */
  home?: Comment;
}

export class PageHighlights {
  private items: Item[] = [];
  private hidden = new Map<Element, { value: string; priority: string }>();
  private showOnly = false;
  private ordered = false;

  constructor(private readonly signal: AbortSignal) {}

  /** Replaces the page's results (a rescan scores every entry again: the cap depends on the page's size). */
  apply(refs: readonly PaperRef[], results: readonly TriageResult[]): void {
    const { showOnly, ordered } = this;
    this.reset();
    this.items = refs.map((ref, index) => ({ ref, index, result: results[index]!, nodes: entryNodes(ref.element) }));
    for (const item of this.items) if (item.result.highlighted) item.mark = this.placeMark(item);
    this.setShowOnly(showOnly);
    this.setOrdered(ordered);
  }

  get total(): number {
    return this.items.length;
  }

  highlightedCount(): number {
    return this.items.reduce((n, item) => n + Number(item.result.highlighted), 0);
  }

  get showingOnlyMatches(): boolean {
    return this.showOnly;
  }

  get orderedByScore(): boolean {
    return this.ordered;
  }

  /** Hides every entry that is not highlighted (on), or shows them all again (off). */
  setShowOnly(on: boolean): void {
    this.showOnly = on;
    for (const item of this.items) {
      for (const node of item.nodes) {
        if (!(node instanceof HTMLElement)) continue; // whitespace between a dt and its dd
        if (on && !item.result.highlighted) this.hide(node);
        else this.unhide(node);
      }
    }
  }

  /**
   * Orders every entry by score, strongest first (ties keep page order), starting where the first entry was (a
   * pastweek listing's later days join the first day's list: the reader asked for one order); or puts every entry
   * back exactly where it was, leaving nothing of ours behind.
   */
  setOrdered(on: boolean): void {
    this.ordered = on;
    if (!on) {
      for (const item of this.items) {
        if (!item.home) continue;
        if (item.home.isConnected) item.home.after(...item.nodes);
        item.home.remove();
        item.home = undefined;
      }
      return;
    }
    const placed = this.items.filter((item) => item.nodes[0]!.parentNode);
    if (!placed.length) return;
    for (const item of placed) item.home = item.nodes[0]!.parentNode!.insertBefore(document.createComment('paperlight: entry home'), item.nodes[0]!);
    const start = placed[0]!.home!;
    const sorted = [...placed].sort((a, b) => b.result.score - a.result.score || a.index - b.index);
    for (const item of sorted) start.before(...item.nodes);
  }

  /** Entries in the order j/k should step: matches only while "show only" is on, in the order they are shown. */
  stepOrder<T extends { ref: PaperRef }>(entries: readonly T[]): T[] {
    if (!this.showOnly && !this.ordered) return [...entries];
    const itemOf = new Map(this.items.map((item) => [item.ref.element, item]));
    const shown = entries.filter((e) => !this.showOnly || itemOf.get(e.ref.element)?.result.highlighted);
    if (!this.ordered) return shown;
    // Document order is the order on screen once entries have moved.
    return shown.sort((a, b) => (a.ref.element.compareDocumentPosition(b.ref.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  summary(): PageTriageSummary {
    return {
      total: this.items.length,
      highlighted: this.items
        .filter((item) => item.result.highlighted)
        .map((item) => ({
          index: item.index,
          title: item.ref.title || item.ref.id || 'Untitled entry',
          arxivId: item.ref.id,
          score: Math.round(item.result.score * 100) / 100,
          reasons: describeResult(item.result),
        })),
    };
  }

  /** Scrolls to highlighted entry `index` (a page index) and focuses its mark; false when there is none. */
  show(index: number): boolean {
    const item = this.items[index];
    if (!item?.mark) return false;
    for (const node of item.nodes) if (node instanceof HTMLElement) this.unhide(node);
    (item.nodes[0] as Element).scrollIntoView({ block: 'start' });
    item.mark.shadowRoot?.querySelector('button')?.focus();
    return true;
  }

  /** Puts the page back as it was: order, visibility, no marks. */
  reset(): void {
    this.setShowOnly(false);
    this.setOrdered(false);
    for (const item of this.items) {
      item.mark?.remove();
      item.home?.remove();
    }
    for (const [node, display] of this.hidden) (node as HTMLElement).style.setProperty('display', display.value, display.priority);
    this.hidden.clear();
    this.items = [];
  }

  private hide(node: HTMLElement): void {
    if (this.hidden.has(node)) return;
    this.hidden.set(node, { value: node.style.getPropertyValue('display'), priority: node.style.getPropertyPriority('display') });
    node.style.setProperty('display', 'none', 'important');
  }

  private unhide(node: HTMLElement): void {
    const before = this.hidden.get(node);
    if (!before) return;
    this.hidden.delete(node);
    if (before.value) node.style.setProperty('display', before.value, before.priority);
    else node.style.removeProperty('display');
    if (!node.getAttribute('style')) node.removeAttribute('style');
  }

  private placeMark(item: Item): HTMLElement {
    const host = document.createElement('span');
    host.setAttribute(MATCH_ATTR, '');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [markSheet()];
    const reasons = describeResult(item.result);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '★ matches';
    button.setAttribute('aria-label', `Matches your interests: “${item.ref.title || item.ref.id || 'this paper'}”`);
    button.setAttribute('aria-describedby', 'reasons');
    // Not an action: the button is there to be focusable, so keyboard readers get the reasons as sighted ones do.
    button.addEventListener('click', (e) => e.preventDefault(), { signal: this.signal });
    const tip = document.createElement('div');
    tip.id = 'reasons';
    tip.setAttribute('role', 'tooltip');
    tip.textContent = `Why: ${reasons.join('; ')}`;
    shadow.append(button, tip);
    const el = item.ref.element;
    if (/^h[1-6]$/.test(el.localName)) el.append(host);
    else (el.querySelector('.list-title, .title, h3, h1') ?? el).append(host);
    return host;
  }
}
