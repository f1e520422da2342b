/**
 * The search core's public API, for the background (which owns the index) and the popup (which shows hits).
 * Pure: runs in the service worker and in Node alike.
 */
export { PaperIndex, DEFAULT_LIMIT } from './paper-index';
export { parseQuery, hasText, MAX_QUERY_WORDS } from './query';
export { corpusToDocs } from './corpus';
export type {
  MatchRange,
  ParsedQuery,
  QueryFilter,
  QueryPhrase,
  SearchDoc,
  SearchHit,
  SearchOptions,
  SearchResult,
} from './types';
