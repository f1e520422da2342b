/**
 * The content script on arXiv and Hugging Face: picks the site adapter for the URL, asks the background once per
 * page (one batched message) what each entry is, marks the known ones, and offers the panel and keyboard triage.
 * It never opens IndexedDB (that would be the page's database). Every listener, observer and UI ends with the
 * content script's signal, so an extension update under a live page leaves the page as it was.
 */
import { render, h } from 'preact';
import { sendMessage } from '@/lib/browser/messages';
import type { PageMark, PaperInput } from '@/lib/browser/library';
import { noMark, resolveLocally, type PageContext } from '@/lib/library/page-context';
import { triageKeysSetting } from '@/lib/browser/settings';
import type { DraftStore } from '@/components/NoteEditor';
import { FALLBACK_ADAPTER, pickAdapter, type PaperRef } from './sites';
import { placeBadge, removeBadges, type Badge } from './marks';
import { installTriage, TRIAGE_KEYS } from './triage';
import { startPageTriage } from './page-triage';
import { Panel } from './ui/Panel';
import './ui/panel.css';
import { ANNOTATED_ADAPTERS, Annotations } from './annotate';
import { HighlightList } from './ui/HighlightList';

interface Entry {
  ref: PaperRef;
  mark: PageMark;
  badge?: Badge;
}

/** Adapters whose page is about one paper: its panel is shown inline, open, under the title. */
const SINGLE_PAPER = new Set(['arxiv-abs', 'arxiv-html', 'hf-paper']);

/** The adapter for the page as it is now (a Hugging Face page can change its URL without loading). */
const adapterHere = () => pickAdapter(new URL(location.href)) ?? FALLBACK_ADAPTER;
/** A page listing papers: triaged, stepped through with j/k; its context request says so (background warms up). */
const isListing = (adapter: { name: string }) => !SINGLE_PAPER.has(adapter.name);

/** Note drafts live in extension storage: the page's own localStorage would let the page read them. */
const extensionDrafts: DraftStore = {
  get: async (key) => ((await browser.storage.local.get(key))[key] as string | undefined) ?? null,
  set: (key, value) => void browser.storage.local.set({ [key]: value }),
  remove: (key) => void browser.storage.local.remove(key),
};

function paperInput(ref: PaperRef, mark: PageMark, pageUrl: URL): PaperInput {
  const input: PaperInput = { title: ref.title || ref.id || pageUrl.href };
  if (mark.paperId?.startsWith('c-')) input.corpusId = mark.paperId;
  if (ref.id) {
    input.arxivId = ref.id;
    input.url = `https://arxiv.org/abs/${ref.id}`;
  } else input.url = pageUrl.href;
  if (ref.version) input.arxivVersion = ref.version;
  if (ref.authors?.length) input.authors = ref.authors;
  return input;
}

export default defineContentScript({
  matches: ['https://arxiv.org/*', 'https://huggingface.co/*'],
  // Injected at document_start and started by DOMContentLoaded itself: with document_end Chromium ran the script
  // only after the page's first style and layout (≈ 100 ms after DOMContentLoaded on a 1,000-entry listing).
  runAt: 'document_start',
  cssInjectionMode: 'ui',

  async main(ctx) {
    // Asked for while the page is still parsing, so that at DOMContentLoaded most marks can be placed at once,
    // before the page's first layout (see lib/library/page-context.ts). Failure only means the slower path.
    let contextRequest: Promise<PageContext | undefined> | undefined = sendMessage('pageContext', { listing: isListing(adapterHere()) }).catch(() => undefined);
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));
    }
    if (ctx.isInvalid) return;
    const started = performance.now();
    const entries: Entry[] = [];
    const known = new WeakSet<Element>();
    let panel: { remove(): void } | undefined;
    /** The page's highlights (issue #8); started below on annotated pages, listed in the panel. */
    const annotations = new Annotations();
    // Highlights of the entries matching the reader's interests, on listings (issue #7; see page-triage.ts).
    const pageTriage = startPageTriage(ctx);

    const closePanel = () => {
      panel?.remove();
      panel = undefined;
    };

    let panelGeneration = 0;
    async function openPanel(entry: Entry, options: { inline?: boolean; focusNote?: boolean } = {}) {
      closePanel();
      const opening = ++panelGeneration;
      const url = new URL(location.href);
      const ui = await createShadowRootUi(ctx, {
        name: 'paperlight-panel',
        position: 'inline',
        anchor: entry.ref.element,
        append: /^h[1-6]$/.test(entry.ref.element.localName) ? 'after' : 'last',
        isolateEvents: true,
        onMount(container, _shadow, host) {
          host.setAttribute('data-paperlight-panel', '');
          render(
            h(Panel, {
              paper: paperInput(entry.ref, entry.mark, url),
              mark: entry.mark,
              drafts: extensionDrafts,
              focusNote: options.focusNote ?? false,
              onChanged: (mark: PageMark) => updateMark(entry, mark),
              onInterestsChanged: () => void pageTriage.rescore(),
              onClose: options.inline ? undefined : closePanel,
              children: h(HighlightList, { store: annotations }),
            }),
            container,
          );
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      });
      // The panel's styles load asynchronously: meanwhile the script may have been invalidated (an update) or a
      // newer panel opened. Mounting then would leave a panel nothing removes (seen in the annotate e2e test).
      if (ctx.isInvalid || opening !== panelGeneration) return;
      ui.mount();
      panel = ui;
    }

    function updateMark(entry: Entry, mark: PageMark) {
      entry.mark = mark;
      if (!mark.paperId) return;
      if (entry.badge) entry.badge.update(mark);
      else entry.badge = placeBadge(entry.ref, mark, () => void openPanel(entry), ctx.signal);
    }

    /** Where the last scan spent its time (read by the benchmarks through the console line below). */
    const timing = { extract: 0, match: 0, place: 0 };

    /** Bumped by every reset, so an answer to an earlier scan is not applied to a new page. */
    let generation = 0;
    /** The background's answer to the last scan's unsettled entries (a fuzzy title match may name the paper). */
    let confirmed: Promise<void> = Promise.resolve();

    /** Adds an entry, with its badge when the mark names a paper. */
    function place(ref: PaperRef, mark: PageMark): Entry {
      const entry: Entry = { ref, mark };
      entries.push(entry);
      if (mark.paperId) entry.badge = placeBadge(ref, mark, () => void openPanel(entry), ctx.signal);
      return entry;
    }

    /**
     * Marks every entry not seen yet. Two passes: what the page context resolves (ids, exact titles) is placed
     * synchronously; the rest, and the arXiv ids the background should remember, go in one batched message whose
     * answer places the remaining marks (a fuzzy title match) when it comes.
     */
    async function scan(): Promise<number> {
      const url = new URL(location.href);
      const adapter = adapterHere();
      const context = await (contextRequest ?? sendMessage('pageContext', { listing: isListing(adapter) }).catch(() => undefined));
      contextRequest = undefined;
      if (ctx.isInvalid) return 0;
      let t = performance.now();
      const fresh = adapter.extract(document, url).filter((ref) => !known.has(ref.element));
      timing.extract = performance.now() - t;
      if (!fresh.length) return 0;
      for (const ref of fresh) known.add(ref.element);
      t = performance.now();
      const local = fresh.map((ref) => (context ? resolveLocally(context, ref) : ({ mark: undefined, by: 'background' } as const)));
      timing.match = performance.now() - t;
      t = performance.now();
      let placed = 0;
      const asking: Entry[] = [];
      fresh.forEach((ref, i) => {
        const { mark, by } = local[i]!;
        const entry = place(ref, mark ?? noMark());
        if (entry.badge) placed++;
        if (by === 'background' || (by === 'title' && ref.id)) asking.push(entry);
      });
      timing.place = performance.now() - t;
      // Triage after the marks (page-triage.ts starts on the next task): scoring and reading authors beside the
      // lookup made the marks wait (1,000-entry listing: DOMContentLoaded → marks 94–109 → 171–197 ms).
      if (isListing(adapter)) void pageTriage.add(fresh);
      else if (entries.length === 1 && entries[0]!.ref.id) void openPanel(entries[0]!, { inline: true });
      // A failed answer only leaves those entries unmarked; it must not stop the script.
      if (asking.length) confirmed = confirm(asking, generation).catch((error: unknown) => console.warn('paperlight: page lookup failed', error));
      return placed;
    }

    /** The background's answer for the entries the page context could not settle (and the ids it learns). */
    async function confirm(asking: Entry[], asked: number): Promise<void> {
      const marks = await sendMessage('lookupPapers', { refs: asking.map(({ ref }) => ({ id: ref.id, title: ref.title.slice(0, 2_000) })) });
      // A reset since the question (client-side navigation) left these entries behind: nothing to mark.
      if (ctx.isInvalid || asked !== generation) return;
      let added = 0;
      asking.forEach((entry, i) => {
        const mark = marks[i]!;
        if (!mark.paperId || entry.mark.paperId) return;
        updateMark(entry, mark);
        added++;
      });
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const afterDcl = performance.now() - (nav?.domContentLoadedEventStart ?? 0);
      console.debug(`paperlight: background confirmed ${asking.length} entries, ${added} more marked, ${afterDcl.toFixed(1)} ms after DOMContentLoaded`);
    }

    function reset() {
      generation++;
      pageTriage.reset();
      closePanel();
      removeBadges();
      for (const e of entries) known.delete(e.ref.element);
      entries.length = 0;
    }

    const placed = await scan();
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    // For the benchmarks (npm run bench) and for anyone curious in DevTools.
    console.debug(
      `paperlight: ${placed} of ${entries.length} entries marked; ${(performance.now() - started).toFixed(1)} ms in the script, ${(performance.now() - (nav?.domContentLoadedEventStart ?? 0)).toFixed(1)} ms after DOMContentLoaded (extract ${timing.extract.toFixed(1)}, match ${timing.match.toFixed(1)}, place ${timing.place.toFixed(1)})`,
    );

    // Highlights and quotes on the paper's own pages (annotate.ts); the panel is reopened when they save the paper
    // or change its note, so it shows what the background now holds.
    const page = entries.length === 1 ? entries[0]! : undefined;
    if (page?.ref.id && ANNOTATED_ADAPTERS.has(adapterHere().name)) {
      // A paper the page context could not name may still be a saved one the background finds by its title.
      void (page.mark.paperId ? Promise.resolve() : confirmed).then(() => {
        if (ctx.isInvalid) return;
        void annotations.start(ctx, {
          paperId: page.mark.paperId,
          saved: page.mark.saved,
          input: () => paperInput(page.ref, page.mark, new URL(location.href)),
          onChanged(paperId) {
            updateMark(page, { ...page.mark, paperId, saved: true });
            void openPanel(page, { inline: true });
          },
        });
      });
    }

    // Hugging Face navigates client-side and adds cards as the reader scrolls: rescan on both.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      reset();
      void scan();
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver((records) => {
      const ours = (n: Node) =>
        n instanceof Element && (n.hasAttribute('data-paperlight-badge') || n.hasAttribute('data-paperlight-match') || n.hasAttribute('data-paperlight-panel') || n.localName === 'paperlight-panel');
      if (records.every((r) => [...r.addedNodes].every(ours) && [...r.removedNodes].every(ours))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void scan(), 150);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      clearTimeout(timer);
      reset();
    });

    // Keyboard triage, where there is a list to triage.
    if (isListing(adapterHere()) && (await triageKeysSetting.getValue())) {
      let outlined: HTMLElement | undefined;
      let previousOutline = '';
      // The key help, built once; `?` attaches and detaches it.
      const help = document.createElement('div');
      help.setAttribute('data-paperlight-badge', '');
      const helpBox = document.createElement('div');
      helpBox.setAttribute('role', 'dialog');
      helpBox.setAttribute('aria-label', 'Paperlight keys');
      helpBox.style.cssText =
        'position:fixed;right:16px;bottom:16px;z-index:2147483647;background:#fff;color:#1b1f24;border:1px solid #0b57d0;border-radius:8px;padding:8px 12px;font:13px/1.6 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)';
      for (const k of TRIAGE_KEYS) {
        const line = document.createElement('div');
        line.textContent = `${k.key} — ${k.does}`;
        helpBox.append(line);
      }
      help.attachShadow({ mode: 'open' }).append(helpBox);
      // j/k follow what is shown: only the matches while "Show only matches" is on, in score order when ordered.
      const steps = () => pageTriage.stepOrder(entries);
      const act = async (i: number, change: (id: string) => Promise<unknown>) => {
        const entry = steps()[i];
        if (!entry) return;
        const saved = await sendMessage('savePaper', { paper: paperInput(entry.ref, entry.mark, new URL(location.href)) });
        await change(saved.id);
        const [mark] = await sendMessage('lookupPapers', { refs: [{ id: entry.ref.id, title: entry.ref.title }] });
        if (mark) updateMark(entry, mark.paperId ? mark : { ...mark, paperId: saved.id, saved: true });
      };
      installTriage(
        {
          count: () => steps().length,
          focus(i) {
            if (outlined) outlined.style.outline = previousOutline;
            const el = steps()[i]?.ref.element as HTMLElement | undefined;
            if (!el) return;
            previousOutline = el.style.outline;
            el.style.outline = '2px solid #0b57d0';
            outlined = el;
            el.scrollIntoView({ block: 'nearest' });
          },
          save: (i) => void act(i, async () => undefined),
          markRead: (i) => void act(i, (id) => sendMessage('setStatus', { ids: [id], status: 'read' })),
          openNote: (i) =>
            void act(i, async () => undefined).then(() => {
              const entry = steps()[i];
              if (entry) void openPanel(entry, { focusNote: true });
            }),
          toggleHelp() {
            if (help.isConnected) help.remove();
            else document.body.append(help);
          },
        },
        ctx.signal,
      );
      ctx.onInvalidated(() => {
        if (outlined) outlined.style.outline = previousOutline;
        help.remove();
      });
    }
  },
});
