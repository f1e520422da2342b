import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type CorpusStatus, type PopupHit, type SearchResponse } from '@/lib/browser/messages';
import { nextStatus } from '@/lib/library/types';
import { CorpusStatusLine } from '@/components/CorpusStatusLine';
import { ResultList } from '@/components/ResultList';
import { FilterChips } from '@/components/FilterChips';
import { KeyLegend, POPUP_KEYS } from '@/components/KeyLegend';
import { TagAdder } from '@/components/TagAdder';
import { ListsView } from './ListsView';
import { TabTriage } from './TabTriage';
import { errorText } from '@/lib/library/error-text';
import { useLatestRequest, useNow } from '@/components/latest';

/** Polls the background while the corpus installs, so progress is visible; stops once it is ready or failed. */
function useCorpusStatus(): CorpusStatus | undefined {
  const [status, setStatus] = useState<CorpusStatus>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const next = await sendMessage('getCorpusStatus', undefined).catch((error: unknown) => ({
        state: 'error' as const,
        error: errorText(error),
        version: null,
        count: 0,
      }));
      if (stopped) return;
      setStatus(next);
      if (next.state === 'loading') timer = setTimeout(poll, 150);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}


type View = { kind: 'search' } | { kind: 'related'; of: PopupHit } | { kind: 'lists' };

export function App() {
  const corpus = useCorpusStatus();
  // `popup.html?q=…` opens with a query (links from elsewhere in the extension, and the benchmarks).
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [response, setResponse] = useState<SearchResponse>();
  const [related, setRelated] = useState<PopupHit[]>();
  const [active, setActive] = useState(0);
  const [view, setView] = useState<View>({ kind: 'search' });
  const [tagging, setTagging] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const box = useRef<HTMLInputElement>(null);
  const latestSearch = useLatestRequest();
  // Bumped after a write (save, status, tag) to search again. A write's refresh must search what the box holds when
  // the write returns, not what it held at the key press: the reader may have typed on meanwhile, and the old
  // query's answer would replace the new one's.
  const [revision, setRevision] = useState(0);

  const run = useCallback(async (q: string) => {
    const isLatest = latestSearch();
    try {
      // An empty box shows the reader's own papers, newest first: what they most often come back for.
      const res = await sendMessage('search', { query: q.trim() ? q : 'is:saved', limit: 30 });
      if (!isLatest()) return; // a newer keystroke already asked
      setResponse(res);
      // When the first results reach the screen, measured from the popup's navigation start (the click).
      if (res.hits.length && !performance.getEntriesByName('paperlight:first-results').length) {
        requestAnimationFrame(() => performance.mark('paperlight:first-results'));
      }
      setActive(0);
      setError('');
    } catch (e) {
      if (isLatest()) setError(`Search failed: ${errorText(e)}`);
    }
  }, [latestSearch]);

  // Results follow every keystroke; the corpus becoming ready, or a write, re-runs the current query.
  useEffect(() => {
    void run(query);
  }, [query, corpus?.state, revision, run]);

  const hits = view.kind === 'related' ? (related ?? []) : (response?.hits ?? []);
  const current = hits[active];

  // The view as it is when the write returns, for the same reason as `revision`.
  const viewNow = useNow(view);
  const refresh = async () => {
    const now = viewNow.current;
    if (now.kind === 'related') await openRelated(now.of);
    else setRevision((r) => r + 1);
  };

  const open = (hit: PopupHit | undefined) => {
    if (!hit) return;
    void browser.tabs.create({ url: hit.url });
    window.close();
  };
  const save = async (hit: PopupHit | undefined) => {
    if (!hit) return;
    await sendMessage('savePaper', { paper: { corpusId: hit.inCorpus ? hit.id : undefined, title: hit.title } });
    setNotice(`Saved “${hit.title}” to the Reading list`);
    await refresh();
  };
  const cycleStatus = async (hit: PopupHit | undefined) => {
    if (!hit) return;
    if (!hit.saved) await sendMessage('savePaper', { paper: { corpusId: hit.inCorpus ? hit.id : undefined, title: hit.title } });
    const status = nextStatus(hit.status);
    await sendMessage('setStatus', { ids: [hit.id], status });
    setNotice(status ? `Marked “${hit.title}” as ${status}` : `Cleared the status of “${hit.title}”`);
    await refresh();
  };
  const addTag = async (hit: PopupHit | undefined, tag: string) => {
    setTagging(false);
    box.current?.focus();
    if (!hit || !tag.trim()) return;
    if (!hit.saved) await sendMessage('savePaper', { paper: { corpusId: hit.inCorpus ? hit.id : undefined, title: hit.title } });
    await sendMessage('addTags', { ids: [hit.id], tags: [tag] });
    setNotice(`Tagged “${hit.title}”`);
    await refresh();
  };
  async function openRelated(of: PopupHit | undefined) {
    if (!of) return;
    const list = await sendMessage('related', { id: of.id });
    setRelated(list);
    setView({ kind: 'related', of });
    setActive(0);
  }

  const act = (f: () => Promise<void>) => () => void f().catch((e: unknown) => setError(errorText(e)));

  const onKeyDown = (e: KeyboardEvent) => {
    const n = hits.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter' && !e.altKey) {
      e.preventDefault();
      open(current);
    } else if (e.key === 'Escape' && (view.kind !== 'search' || query)) {
      e.preventDefault();
      if (view.kind !== 'search') setView({ kind: 'search' });
      else setQuery('');
    } else if (e.altKey) {
      const key = e.key.toLowerCase();
      const action = { s: () => save(current), r: () => cycleStatus(current), m: () => openRelated(current) }[key];
      if (action) {
        e.preventDefault();
        act(action)();
      } else if (key === 't' && current) {
        e.preventDefault();
        setTagging(true);
      } else if (key === 'l') {
        e.preventDefault();
        setView(view.kind === 'lists' ? { kind: 'search' } : { kind: 'lists' });
      }
    }
  };

  if (view.kind === 'lists') {
    return (
      <main>
        <ListsView onClose={() => setView({ kind: 'search' })} />
      </main>
    );
  }

  const empty = !query.trim();
  return (
    <main>
      <h1 class="visually-hidden">Paperlight</h1>
      <div class="searchbar">
        <input
          ref={box}
          type="search"
          aria-label="Search papers"
          placeholder="Search papers — try “scaling laws”, tag:x, year:2024, is:saved"
          autoFocus
          value={query}
          onInput={(e) => {
            setView({ kind: 'search' });
            setQuery((e.target as HTMLInputElement).value);
          }}
          onKeyDown={onKeyDown}
          aria-controls="results"
          aria-activedescendant={current ? `result-${active}` : undefined}
          autocomplete="off"
          spellcheck={false}
        />
        <button type="button" onClick={() => setView({ kind: 'lists' })}>
          Lists
        </button>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}>
          Library
        </button>
      </div>
      <CorpusStatusLine status={corpus} />
      <TabTriage />
      {response && view.kind === 'search' && !empty && <FilterChips query={response.query} onRemove={(raw) => setQuery(raw)} />}
      <p class="summary" aria-live="polite">
        {view.kind === 'related'
          ? `More like “${view.of.title}”`
          : !response
            ? ''
            : empty
              ? response.total
                ? `Your reading list (${response.total})`
                : 'Type to search the corpus and your papers'
              : response.total
                ? `${response.total} result${response.total === 1 ? '' : 's'} for “${query.trim()}”`
                : `No papers match “${query.trim()}”. Check the spelling, remove a filter, or try fewer words.`}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ResultList hits={hits} active={active} onActivate={setActive} onOpen={open} label={view.kind === 'related' ? 'Related papers' : 'Results'} />
      {current && (
        <div role="toolbar" aria-label="Actions on the selected paper" class="actions">
          <button type="button" onClick={() => open(current)}>
            Open
          </button>
          <button type="button" onClick={act(() => save(current))} disabled={current.saved}>
            {current.saved ? 'Saved' : 'Save to Reading list'}
          </button>
          <button type="button" onClick={act(() => cycleStatus(current))}>
            {`Status: ${current.status ?? 'none'} → ${nextStatus(current.status) ?? 'none'}`}
          </button>
          <button type="button" onClick={() => setTagging(true)}>
            Add tag
          </button>
          <button type="button" onClick={act(() => openRelated(current))}>
            More like this
          </button>
        </div>
      )}
      {tagging && current && (
        <TagAdder
          autoFocus
          suggest={(prefix) => sendMessage('suggestTags', { prefix })}
          onAdd={(tag) => void addTag(current, tag).catch((e: unknown) => setError(errorText(e)))}
          onCancel={() => void addTag(current, '')}
        />
      )}
      {notice && (
        <p class="notice" aria-live="polite">
          {notice}
        </p>
      )}
      <KeyLegend keys={POPUP_KEYS} />
    </main>
  );
}
