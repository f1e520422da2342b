/**
 * Wires triage into the content script (issue #7): sends a listing's entries to the background in one
 * `triagePage` message, places the marks and the bar (PageHighlights, ui/TriageBar), and answers the popup's
 * `getPageTriage` / `showPageEntry` for this tab. Everything ends with the content script's context.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage } from '@/lib/browser/messages';
import { PageHighlights, triageEntry } from './highlights';
import type { PaperRef } from './sites';
import { BAR_CSS, TriageBar } from './ui/TriageBar';
import { sharedSheet } from './ui/sheet';

const barSheet = sharedSheet(BAR_CSS);

export interface PageTriage {
  /** Adds entries a scan found; every entry of the page is scored again (the cap depends on the page's size). */
  add(refs: readonly PaperRef[]): Promise<void>;
  /** Scores the page's entries again: the reader's interests changed (the panel's "Watch this author", say). */
  rescore(): Promise<void>;
  /** j/k order: see PageHighlights.stepOrder. */
  stepOrder<T extends { ref: PaperRef }>(entries: readonly T[]): T[];
  reset(): void;
}

export function startPageTriage(ctx: ContentScriptContext): PageTriage {
  const view = new PageHighlights(ctx.signal);
  const refs: PaperRef[] = [];
  let emptyProfile = true;
  let bar: { remove(): void; rerender(): void } | undefined;
  let seq = 0;

  /**
   * The bar in a shadow root of its own with a constructable stylesheet, mounted synchronously: WXT's
   * createShadowRootUi fetched and injected the content script's CSS first, which was most of the 57–67 ms
   * "place" time measured on the 397-entry page (npm run bench -- triage-page).
   */
  function mountBar(anchor: Element) {
    const host = document.createElement('paperlight-triage-bar');
    host.setAttribute('data-paperlight-badge', '');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [barSheet()];
    const container = document.createElement('div');
    shadow.append(container);
    anchor.before(host);
    const rerender = () =>
      render(
        h(TriageBar, {
          total: view.total,
          highlighted: view.highlightedCount(),
          emptyProfile,
          showOnly: view.showingOnlyMatches,
          ordered: view.orderedByScore,
          onShowOnly: (on: boolean) => {
            view.setShowOnly(on);
            rerender();
          },
          onOrdered: (on: boolean) => {
            view.setOrdered(on);
            rerender();
          },
        }),
        container,
      );
    bar = {
      remove: () => {
        render(null, container);
        host.remove();
      },
      rerender,
    };
    rerender();
  }

  const removeListeners = [
    onMessage('getPageTriage', () => view.summary()),
    onMessage('showPageEntry', ({ data }) => view.show(data.index)),
  ];
  ctx.onInvalidated(() => {
    for (const remove of removeListeners) remove();
    reset();
  });

  function reset() {
    seq++;
    view.reset();
    bar?.remove();
    bar = undefined;
    refs.length = 0;
  }

  return {
    async add(fresh) {
      if (!fresh.length) return;
      refs.push(...fresh);
      await score();
    },
    async rescore() {
      if (refs.length) await score();
    },
    stepOrder: (entries) => view.stepOrder(entries),
    reset,
  };

  /** Sends every entry and places the answer; a newer call (a scan's new entries, a rescore) supersedes it. */
  async function score(): Promise<void> {
    const mine = ++seq;
    // After the caller's marks are out: reading every entry's authors and abstract takes 11–16 ms of the page's
    // thread on the 397-entry listing, 22–32 ms on 1,000 entries with abstracts, which must not hold up the marks
    // (npm run bench -- triage-page; see DESIGN.md).
    await new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));
    if (mine !== seq || ctx.isInvalid) return;
    const started = performance.now();
    const all = [...refs];
    const entries = all.map(triageEntry);
    const read = performance.now() - started;
    const answer = await sendMessage('triagePage', { entries });
    if (mine !== seq || ctx.isInvalid) return;
    const t = performance.now();
    emptyProfile = answer.emptyProfile;
    view.apply(all, answer.results);
    if (!bar) {
      // Above the element holding the entries (arXiv's dl, the search's ol, HF's grid), not inside it.
      const first = all[0]!.element;
      mountBar(first.parentElement ?? first);
    } else bar.rerender();
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    // For the benchmarks (npm run bench -- page) and for anyone curious in DevTools.
    console.debug(
      `paperlight: triage ${view.highlightedCount()} of ${all.length} entries highlighted; ${(performance.now() - (nav?.domContentLoadedEventStart ?? 0)).toFixed(1)} ms after DOMContentLoaded (read ${read.toFixed(1)}, message ${(t - started - read).toFixed(1)} of which scoring ${answer.ms.toFixed(1)}, place ${(performance.now() - t).toFixed(1)})`,
    );
  }
}
