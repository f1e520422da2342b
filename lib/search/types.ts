/**
 * The search API's shapes, shared by the index (lib/search), the background that owns it and the popup that
 * shows its hits. Everything here survives structured clone and JSON, so it can cross the message protocol.
 */
import type { ReadingStatus } from '../library/types';

/** One searchable paper: a corpus paper, a saved paper, or both merged by the background under one key. */
export interface SearchDoc {
  /** The paper key (`c-…`, `arxiv:…`, `u-…`); unique in an index. */
  id: string;
  title: string;
  /** May be empty. */
  abstract: string;
  /** Only when known: the seed corpus has none, and a field that is absent costs no index space. */
  authors?: string[];
  /** Normalised tag names (see normalizeTag). */
  tags?: string[];
  /** The user's notes on this paper, concatenated. */
  notes?: string;
  /** Publication year; for corpus papers `published.year` when the seed page wrote one. */
  year?: number;
  /** Ids and names of the lists holding the paper; `list:x` matches either. */
  lists?: string[];
  status?: ReadingStatus;
  saved?: boolean;
  inCorpus?: boolean;
  /** When the user saved it (ms since epoch): orders filter-only listings such as `is:saved`, newest first. */
  addedAt?: number;
}

/** A filter clause. Clauses of one kind on a single-valued field (`status`, `year`) are alternatives; `tag` and
 *  `list` clauses must all hold; `negated` clauses must all fail. */
export type QueryFilter =
  | { kind: 'tag'; value: string; negated: boolean }
  | { kind: 'list'; value: string; negated: boolean }
  | { kind: 'status'; value: ReadingStatus; negated: boolean }
  /** Inclusive; an absent bound is open (`year:2020..`). */
  | { kind: 'year'; from?: number; to?: number; negated: boolean }
  | { kind: 'saved'; negated: boolean }
  | { kind: 'corpus'; negated: boolean };

export interface QueryPhrase {
  text: string;
  /** The closing quote was not typed yet: the phrase's last word is matched as a prefix. */
  open: boolean;
}

/** A query as typed, parsed. Produced by parseQuery; the index also accepts one built by hand. */
export interface ParsedQuery {
  /** The text as typed. */
  raw: string;
  /** Free words in the order typed, unfolded (`GPT-4`, `Schrödinger`, and unknown `field:value` pairs). */
  words: string[];
  /** `"exact phrase"`: the words must appear in this order, next to each other. */
  phrases: QueryPhrase[];
  /** `-word`: papers containing the word are left out. */
  excludedWords: string[];
  /** `-"a phrase"` */
  excludedPhrases: string[];
  filters: QueryFilter[];
  /** The last free word is still being typed (the query does not end with a space), so it matches as a prefix. */
  lastWordIsPrefix: boolean;
  /** What was read differently from how it looks (`year:abc` searched as text, words beyond the limit dropped). */
  warnings: string[];
}

/** A [start, end) range of UTF-16 code units in a string, for highlighting it as text. */
export type MatchRange = [number, number];

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  titleMatches: MatchRange[];
  /** About 200 characters of the abstract around the matched words, with `…` where it was cut. */
  snippet: string;
  snippetMatches: MatchRange[];
  year?: number;
  saved?: boolean;
  status?: ReadingStatus;
  tags?: string[];
  inCorpus?: boolean;
}

export interface SearchOptions {
  /** Hits returned. @default 20 */
  limit?: number;
}

export interface SearchResult {
  /**
   * Papers that match, before `limit`: those holding every query word; when none does, those holding some of its
   * distinctive words (words in under 5% of the papers, or any word when none is), best coverage first.
   * Filter-only queries count every paper passing the filters.
   */
  total: number;
  /**
   * Set when `total` is an estimate: a quoted phrase matched the words of more papers than are checked on their
   * text per query, so the phrase was checked on the best-ranked ones and the rest estimated from them. The hits
   * are always checked.
   */
  estimated?: boolean;
  hits: SearchHit[];
  query: ParsedQuery;
}
