/**
 * The background owns the database and the search index, and answers messages; nothing else. It installs the
 * bundled corpus on install, on update, and on every start (which heals a load the browser interrupted).
 */
import { ensureCorpus, installedCorpus, PaperlightDB } from '@/lib/browser/db';
import * as library from '@/lib/browser/library';
import { onMessage, type CorpusStatus, type PopupHit, type ProtocolMap } from '@/lib/browser/messages';
import { SearchService } from '@/lib/browser/search-service';
import { checkMessage } from '@/lib/browser/guard';
import type { CorpusAsset } from '@/lib/corpus/types';
import { paperUrl } from '@/lib/library/urls';
import type { SearchHit } from '@/lib/search/types';
import { TitleMatcher, titleKey } from '@/lib/identity/title-matcher';
import type { PageContext } from '@/lib/library/page-context';
import * as highlights from '@/lib/browser/highlights';
import { getInterests, likePaper, setInterests, watchAuthor } from '@/lib/browser/interests';
import { TriageService } from '@/lib/browser/triage-service';
import { errorText } from '@/lib/library/error-text';

// corpus.json is written by a build hook, so WXT's typed public paths do not list it.
const assetUrl = browser.runtime.getURL as (path: string) => string;

export default defineBackground(() => {
  const db = new PaperlightDB();
  const search = new SearchService(db);
  let status: CorpusStatus = { state: 'loading', done: 0, total: 0 };
  let loading: Promise<void> | undefined;

  const fetchAsset = async (): Promise<CorpusAsset> => {
    const res = await fetch(assetUrl('/corpus.json'));
    if (!res.ok) throw new Error(`corpus: could not read the bundled corpus.json (HTTP ${res.status})`);
    return (await res.json()) as CorpusAsset;
  };

  // Settles once this worker knows whether a corpus load is under way: at the load's first progress report (it
  // reports 0 of N before writing) or when the check or load ends. Until then the status says "loading 0 of 0",
  // which is not yet true or false, so getCorpusStatus waits for it rather than make every worker start look
  // like a corpus load in the popup.
  let known: Promise<void> = Promise.resolve();

  /** Single-flight: onInstalled and start-up both ask, one load runs. */
  const ensure = () => {
    if (loading) return loading;
    let settle = () => {};
    known = new Promise((resolve) => (settle = resolve));
    loading = ensureCorpus(db, __CORPUS_VERSION__, fetchAsset, (done, total) => {
      status = { state: 'loading', done, total };
      settle();
    })
      .then(async (result) => {
        if (result.status === 'loaded') {
          search.invalidate();
          console.info(`paperlight: corpus ${result.version} loaded, ${result.count} papers in ${result.ms} ms`);
        }
        await library.ensureReadingList(db);
        status = { state: 'ready', version: result.version, count: result.count };
      })
      .catch(async (error: unknown) => {
        const installed = await installedCorpus(db).catch(() => null);
        status = { state: 'error', error: errorText(error), version: installed?.version ?? null, count: installed?.count ?? 0 };
        console.error('paperlight:', error);
      })
      .finally(() => {
        loading = undefined;
        settle();
      });
    return loading;
  };

  browser.runtime.onInstalled.addListener(() => void ensure());
  void ensure();

  /** Search waits for a corpus load in progress, so the first results are never of a half-built index. */
  const index = async () => {
    if (loading) await loading;
    return search.get();
  };

  /** Registers a handler that runs only for senders allowed to send that message, with a well-formed payload. */
  function handle<K extends keyof ProtocolMap>(
    type: K,
    run: (data: Parameters<ProtocolMap[K]>[0], sender: { kind: 'extension-page' | 'content-script'; url: string | undefined }) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>,
  ) {
    onMessage(type, async (message) => {
      const kind = checkMessage(type, message.sender, message.data, browser.runtime.id, browser.runtime.getURL('/'));
      return run(message.data as Parameters<ProtocolMap[K]>[0], { kind, url: message.sender.url ?? message.sender.tab?.url });
    });
  }

  /** Triage profiles (issue #7), kept per user revision and corpus version. */
  const triage = new TriageService(db);
  /** What page lookups keep in memory (saved arXiv ids, remembered ids); dropped after every write. */
  let lookupIndex: Promise<library.LookupIndex> | undefined;
  const lookup = () => (lookupIndex ??= library.loadLookupIndex(db));
  /** The saved library's page marks; dropped after every write and whenever a page teaches us an arXiv id. */
  let pageMarks: Promise<Pick<PageContext, 'byArxiv' | 'byPaper'>> | undefined;

  /** Runs a library write, then brings the search index and the page-lookup index up to date. */
  async function edit<T extends library.WriteResult>(write: Promise<T>): Promise<T> {
    const result = await write.finally(() => (lookupIndex = pageMarks = undefined));
    await search.update(result.changed, result.revision);
    return result;
  }

  /**
   * Adds where Enter should take the reader: what the saved copy knows (read only for saved hits: this runs on
   * every keystroke), else the arXiv id remembered from a page, else a title search.
   */
  async function withUrls(hits: SearchHit[]): Promise<PopupHit[]> {
    const [saved, index] = await Promise.all([db.papers.bulkGet(hits.filter((h) => h.saved).map((h) => h.id)), lookup()]);
    const savedOf = new Map(saved.filter((p) => !!p).map((p) => [p!.id, p!]));
    return hits.map((hit) => {
      const paper = savedOf.get(hit.id);
      return { ...hit, url: paperUrl({ ...paper, arxivId: paper?.arxivId ?? index.arxivOf.get(hit.id), title: hit.title }) };
    });
  }

  handle('getCorpusStatus', async () => {
    if (status.state === 'loading' && status.total === 0) await known;
    return status;
  });

  handle('search', async ({ query, limit }) => {
    const started = performance.now();
    const result = (await index()).search(query, { limit: limit ?? 20 });
    return { ...result, hits: await withUrls(result.hits), ms: performance.now() - started };
  });
  handle('related', async ({ id }) => withUrls((await index()).related(id, 5)));

  handle('getPaper', async ({ id }) => {
    const details = await library.paperDetails(db, id);
    if (!details) return null;
    const title = details.saved?.title ?? details.corpus?.title ?? '';
    const arxivId = details.saved?.arxivId ?? (await lookup()).arxivOf.get(id);
    return { ...details, url: paperUrl({ ...details.saved, arxivId, title }) };
  });
  handle('savePaper', async ({ paper, listId }) => (await edit(library.savePaper(db, paper, listId))).paper);
  handle('setStatus', async ({ ids, status }) => void (await edit(library.setStatus(db, ids, status))));
  handle('addTags', async ({ ids, tags }) => void (await edit(library.addTags(db, ids, tags))));
  handle('removeTags', async ({ ids, tags }) => void (await edit(library.removeTags(db, ids, tags))));
  handle('suggestTags', ({ prefix }) => library.suggestTags(db, prefix));
  handle('putNote', async ({ paperId, text, noteId }) => (await edit(library.putNote(db, paperId, text, noteId))).note);

  handle('getLists', () => library.listSummaries(db));
  handle('getListPapers', async ({ listId }) =>
    (await library.listPapers(db, listId)).map((row) => ({ ...row, url: paperUrl(row.paper) })),
  );
  handle('createList', async ({ name }) => (await edit(library.createList(db, name))).list);
  handle('renameList', async ({ id, name }) => void (await edit(library.renameList(db, id, name))));
  handle('deleteList', async ({ id }) => (await edit(library.deleteList(db, id))).deleted);
  handle('restoreList', async ({ deleted }) => void (await edit(library.restoreList(db, deleted))));
  handle('addToList', async ({ ids, listId }) => void (await edit(library.addToList(db, ids, listId))));
  handle('removeFromList', async ({ ids, listId }) => void (await edit(library.removeFromList(db, ids, listId))));
  handle('removePapers', async ({ ids }) => void (await edit(library.removePapers(db, ids))));

  handle('getSnapshot', () => library.snapshotAtRevision(db));
  handle('applyImport', async ({ changes, baseRevision }) => {
    const result = await edit(library.applyImportChanges(db, changes, baseRevision));
    return { changed: result.changed.length };
  });

  // Title matching for page marks: built from the installed corpus on first use, rebuilt after a corpus load.
  // Answers are remembered per title (a listing is reloaded and revisited far more often than the corpus
  // changes); the memo goes with the matcher and is bounded. `titles` is what content scripts get to match
  // exactly by themselves: every corpus title key, plus the titles found fuzzily since (so a revisit needs no
  // round trip for them either).
  const MEMO_LIMIT = 50_000;
  /** Title keys sent with every page context (≈ 80 bytes each); a larger corpus is matched in the background only. */
  const PAGE_CONTEXT_MAX_TITLES = 20_000;
  interface Matcher {
    match(title: string): string | null;
    titles?: Record<string, string>;
  }
  let matcher: Promise<Matcher> | undefined;
  let matcherVersion: string | null = null;
  const titleMatcher = async () => {
    if (loading) await loading;
    const version = status.state === 'ready' ? status.version : null;
    if (!matcher || version !== matcherVersion) {
      matcherVersion = version;
      matcher = db.corpus.toArray().then((papers) => {
        const m = new TitleMatcher(papers);
        const memo = new Map<string, string | null>();
        const titles = m.size <= PAGE_CONTEXT_MAX_TITLES ? Object.fromEntries(m.exactKeys()) : undefined;
        return {
          titles,
          match(title: string) {
            let id = memo.get(title);
            if (id === undefined) {
              const found = m.match(title);
              id = found?.id ?? null;
              if (found?.how === 'fuzzy' && titles && Object.keys(titles).length < PAGE_CONTEXT_MAX_TITLES + MEMO_LIMIT) titles[titleKey(title)] = found.id;
              if (memo.size >= MEMO_LIMIT) memo.clear();
              memo.set(title, id);
            }
            return id;
          },
        };
      });
    }
    return matcher;
  };
  handle('lookupPapers', async ({ refs }) => {
    const [m, index] = await Promise.all([titleMatcher(), lookup()]);
    const known = index.remembered.size;
    const marks = await library.lookupPapers(db, index, refs, (title) => m.match(title));
    if (index.remembered.size !== known) pageMarks = undefined;
    return marks;
  });
  handle('pageContext', async (data): Promise<PageContext> => {
    const [m, index] = await Promise.all([titleMatcher(), lookup()]);
    const marks = await (pageMarks ??= library.loadPageMarks(db, index));
    // A listing asks for triage right after DOMContentLoaded: build the profile (after a library write or a
    // worker start) while the page still parses, once this answer is out.
    if (data?.listing && !loading) setTimeout(() => void triage.profile().catch(() => undefined), 0);
    return m.titles ? { ...marks, titles: m.titles } : marks;
  });

  // Highlights (issue #8). A content script may only read and write its own page's paper: the paper it names
  // must carry the arXiv id of the page that sent the message.
  const assertOwnInput = (paper: { arxivId?: string }, sender: { kind: string; url: string | undefined }) => {
    if (sender.kind === 'content-script' && (!paper.arxivId || paper.arxivId !== highlights.pageArxivId(sender.url))) {
      throw new Error('background: a page may only read and change the highlights of its own paper');
    }
  };
  const assertOwnHighlight = async (id: string, sender: { kind: string; url: string | undefined }) => {
    if (sender.kind !== 'content-script') return;
    const existing = await db.highlights.get(id);
    if (existing) await highlights.assertOwnPaper(db, existing.paperId, sender.url);
  };
  handle('getHighlights', ({ paperId }, sender) =>
    sender.kind === 'content-script' ? highlights.pageHighlights(db, paperId, sender.url) : highlights.highlightsOf(db, paperId),
  );
  handle('addHighlight', async (data, sender) => {
    assertOwnInput(data.paper, sender);
    if (sender.kind === 'content-script' && highlights.pageArxivId(data.url) !== highlights.pageArxivId(sender.url)) {
      throw new Error('background: a highlight is kept with the page it was made on');
    }
    const { highlight, paper } = await edit(highlights.addHighlight(db, data));
    return { highlight, paper };
  });
  handle('updateHighlight', async ({ id, comment }, sender) => {
    await assertOwnHighlight(id, sender);
    return (await edit(highlights.setHighlightComment(db, id, comment))).highlight;
  });
  handle('deleteHighlight', async ({ id }, sender) => {
    await assertOwnHighlight(id, sender);
    await edit(highlights.deleteHighlight(db, id));
  });
  // Only the library page sends this (not in CONTENT_SCRIPT_MESSAGES): the Undo of its Delete.
  handle('restoreHighlight', async ({ highlight }) => (await edit(highlights.restoreHighlight(db, highlight))).highlight);
  handle('quoteToNote', async ({ paper, markdown }, sender) => {
    assertOwnInput(paper, sender);
    return (await edit(highlights.appendToNote(db, paper, markdown))).note;
  });

  // Triage (issue #7): interests are user data (written through `edit`, so the revision bumps and the profile is
  // rebuilt on the next page); a page's entries are scored in one message.
  handle('getInterests', () => getInterests(db));
  handle('setInterests', async ({ interests }) => (await edit(setInterests(db, interests))).interests);
  handle('watchAuthor', async ({ name }) => (await edit(watchAuthor(db, name))).interests);
  handle('likePaper', async ({ paper }) => {
    const result = await edit(likePaper(db, paper));
    return { interests: result.interests, paperId: result.paperId };
  });
  handle('triagePage', async ({ entries }) => {
    if (loading) await loading;
    return triage.score(entries);
  });
});
