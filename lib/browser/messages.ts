/**
 * The one typed message protocol between the extension's pages, its content script and the background.
 * Each message takes one `data` object and returns a value; the background checks who sent it
 * (see `senderKind`) before acting.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CorpusPaper } from '../corpus/types';
import type { Note, PaperList, ReadingStatus, SavedPaper } from '../library/types';
import type { SearchHit, SearchResult } from '../search/types';
import type { DeletedList, PaperInput, PaperSummary } from './library';
import type { LibrarySnapshot } from '../formats/snapshot';
import type { Highlight } from '../library/highlights';
import type { HighlightSelector } from '../annotate/anchor';
import type { Interests, TriageEntry } from '../triage/types';
import type { PageTriage } from './triage-service';

export type CorpusStatus =
  | { state: 'loading'; done: number; total: number }
  | { state: 'ready'; version: string; count: number }
  | { state: 'error'; error: string; version: string | null; count: number };

/** A hit as the popup shows it: where Enter takes the reader. */
export type PopupHit = SearchHit & { url: string };

export interface SearchResponse extends Omit<SearchResult, 'hits'> {
  hits: PopupHit[];
  /** Time the background spent answering, for the benchmarks. */
  ms: number;
}

/** Everything the UI shows about one paper. */
export interface PaperDetails {
  id: string;
  corpus?: CorpusPaper;
  saved?: SavedPaper;
  notes: Note[];
  /** Lists holding the paper, by id. */
  listIds: string[];
  url: string;
}

export interface ListSummary {
  list: PaperList;
  count: number;
  byStatus: Record<ReadingStatus | 'none', number>;
}

export interface ListPaper {
  paper: PaperSummary;
  addedAt: number;
  url: string;
}

/** What a page entry shows (see lookupPapers). */
export type { PageMark, PageRef } from './library';

interface Ids {
  ids: string[];
}

export interface ProtocolMap {
  getCorpusStatus(): CorpusStatus;
  search(data: { query: string; limit?: number }): SearchResponse;
  related(data: { id: string }): PopupHit[];
  getPaper(data: { id: string }): PaperDetails | null;
  savePaper(data: { paper: PaperInput; listId?: string }): SavedPaper;
  setStatus(data: Ids & { status: ReadingStatus | null }): void;
  addTags(data: Ids & { tags: string[] }): void;
  removeTags(data: Ids & { tags: string[] }): void;
  suggestTags(data: { prefix: string }): string[];
  putNote(data: { paperId: string; text: string; noteId?: string }): Note | null;
  getLists(): ListSummary[];
  getListPapers(data: { listId: string }): ListPaper[];
  createList(data: { name: string }): PaperList;
  renameList(data: { id: string; name: string }): void;
  deleteList(data: { id: string }): DeletedList;
  restoreList(data: { deleted: DeletedList }): void;
  addToList(data: Ids & { listId: string }): void;
  removeFromList(data: Ids & { listId: string }): void;
  removePapers(data: Ids): void;
  /** The whole library, for exports and import previews (computed in the library page's worker, not here). */
  getSnapshot(): { snapshot: LibrarySnapshot; revision: number };
  /** Writes an import plan made against `baseRevision`; refused if the library moved on since. */
  applyImport(data: { changes: LibrarySnapshot; baseRevision: number }): { changed: number };
  lookupPapers(data: { refs: import('./library').PageRef[] }): import('./library').PageMark[];
  /**
   * What a content script needs to mark most of a page by itself, asked for before the page has parsed.
   * `listing`: the page lists papers, so a `triagePage` will follow (the background gets its profile ready).
   */
  pageContext(data: { listing: boolean } | undefined): import('../library/page-context').PageContext;
  /** A paper's highlights in reading order (a content script: only its own page's paper). */
  getHighlights(data: { paperId: string }): Highlight[];
  /** Saves a highlight, and the paper first when it is not saved (a content script: only its own page's paper). */
  addHighlight(data: { paper: PaperInput; selector: HighlightSelector; comment?: string; url: string }): { highlight: Highlight; paper: SavedPaper };
  /** Sets or (with '') clears a highlight's comment. */
  updateHighlight(data: { id: string; comment: string }): Highlight;
  deleteHighlight(data: { id: string }): void;
  /** Puts back a highlight just deleted (the library page's Undo), same id and place; extension pages only. */
  restoreHighlight(data: { highlight: Highlight }): Highlight;
  /** Appends Markdown (a quote and its link) to the paper's latest note, saving the paper when needed. */
  quoteToNote(data: { paper: PaperInput; markdown: string }): Note;
  // Triage (issue #7). Interests are edited on the options page; a page may only add to them, one action at a time.
  getInterests(): Interests;
  setInterests(data: { interests: Interests }): Interests;
  watchAuthor(data: { name: string }): Interests;
  likePaper(data: { paper: PaperInput }): { interests: Interests; paperId: string };
  triagePage(data: { entries: TriageEntry[] }): PageTriage;
  /** Sent by the popup to the active tab's content script (browser.tabs.sendMessage), not to the background. */
  getPageTriage(): PageTriageSummary;
  /** Sent by the popup to the active tab's content script: scroll to and focus highlighted entry `index`. */
  showPageEntry(data: { index: number }): boolean;
}

/** What the popup shows about the current tab's triage. */
export interface PageTriageSummary {
  /** Entries the page lists. */
  total: number;
  /** Highlighted entries in page order: `index` is the entry's place on the page, for showPageEntry. */
  highlighted: { index: number; title: string; arxivId: string | null; score: number; reasons: string[] }[];
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

/** Hosts whose pages our content script runs on (kept equal to the manifest's host_permissions). */
export const ALLOWED_HOSTS = ['arxiv.org', 'huggingface.co'] as const;

/** Messages a content script may send; everything else is for the extension's own pages only. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<keyof ProtocolMap> = new Set<keyof ProtocolMap>([
  'getCorpusStatus',
  'getPaper',
  'savePaper',
  'setStatus',
  'addTags',
  'removeTags',
  'suggestTags',
  'putNote',
  'getLists',
  'addToList',
  'removeFromList',
  'lookupPapers',
  'pageContext',
  // Highlights: the background also checks that the paper is the page's own (lib/browser/highlights.ts).
  'getHighlights',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'quoteToNote',
  'watchAuthor',
  'likePaper',
  'triagePage',
]);

interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  origin?: string;
}

/**
 * Who sent a message: our own extension page, our content script on an allowed host, or someone to refuse.
 * `ownId` and `ownOrigin` are passed in (browser.runtime.id / getURL('')) so this stays testable in Node.
 */
export function senderKind(sender: SenderLike, ownId: string, ownOrigin: string): 'extension-page' | 'content-script' | 'foreign' {
  if (sender.id !== ownId) return 'foreign';
  const url = sender.url ?? '';
  if (!sender.tab && url.startsWith(ownOrigin)) return 'extension-page';
  // Our own pages can also live in a tab (the library page): still ours by URL.
  if (sender.tab && url.startsWith(ownOrigin)) return 'extension-page';
  if (sender.tab && isAllowedPage(url)) return 'content-script';
  return 'foreign';
}

export function isAllowedPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return (ALLOWED_HOSTS as readonly string[]).includes(parsed.hostname);
}
