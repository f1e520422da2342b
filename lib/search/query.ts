/**
 * The query language of the popup's search box:
 *
 *     scaling laws "mixture of experts" -vision tag:moe list:to-cite status:to-read year:2020..2023 is:saved
 *
 * - words match anywhere (title, abstract, authors, tags, notes); the last one as a prefix while being typed;
 * - `"…"` is a phrase (curly quotes too); an unclosed quote runs to the end and its last word is a prefix;
 * - `-word`, `-"phrase"`, `-tag:x`, `-is:saved` exclude;
 * - `tag:`, `list:`, `status:`, `year:` and `is:` filter; a value may be quoted (`list:"to cite"`).
 *
 * Anything else is text: an unknown `field:value` is two words, a bad filter value is searched as typed and
 * explained in `warnings`. Nothing throws, whatever is typed or pasted.
 */
import { normalizeTag, type ReadingStatus } from '../library/types';
import type { ParsedQuery, QueryFilter } from './types';

/** Free and phrase words kept; beyond this a query is a pasted text, and ranking it would only cost time. @default 32 */
export const MAX_QUERY_WORDS = 32;

const OPEN_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);
const CLOSE_QUOTES = new Set(['"', '\u201c', '\u201d']);
const SPACE = /\s/u;
const FILTER_KEYS = new Set(['tag', 'list', 'status', 'year', 'is']);

const STATUS_SPELLINGS: Readonly<Record<string, ReadingStatus>> = {
  toread: 'to-read',
  reading: 'reading',
  read: 'read',
};

export function parseQuery(raw: string): ParsedQuery {
  const query: ParsedQuery = {
    raw,
    words: [],
    phrases: [],
    excludedWords: [],
    excludedPhrases: [],
    filters: [],
    lastWordIsPrefix: false,
    warnings: [],
  };
  const text = typeof raw === 'string' ? raw : '';
  let wordCount = 0;
  let truncated = false;
  /** Counts words against MAX_QUERY_WORDS; false once the budget is spent. */
  const takeWords = (phrase: string): boolean => {
    const n = phrase.split(/\s+/u).filter(Boolean).length;
    if (wordCount + n > MAX_QUERY_WORDS) {
      truncated = true;
      return false;
    }
    wordCount += n;
    return true;
  };

  let i = 0;
  let lastWasFreeWord = false;
  while (i < text.length) {
    if (SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    lastWasFreeWord = false;
    let negated = false;
    while (text[i] === '-') {
      negated = true;
      i++;
    }
    if (i >= text.length || SPACE.test(text[i]!)) continue; // a lone `-`

    if (OPEN_QUOTES.has(text[i]!)) {
      const { value, closed, next } = readQuoted(text, i);
      i = next;
      const phrase = value.trim();
      if (!phrase) continue;
      if (negated) query.excludedPhrases.push(phrase);
      else if (takeWords(phrase)) query.phrases.push({ text: phrase, open: !closed });
      continue;
    }

    const tokenStart = i;
    while (i < text.length && !SPACE.test(text[i]!) && !(text[i] === ':' && i > tokenStart)) i++;
    const key = text.slice(tokenStart, i);
    if (text[i] === ':' && FILTER_KEYS.has(key.toLowerCase())) {
      i++;
      let value: string;
      if (i < text.length && OPEN_QUOTES.has(text[i]!)) {
        const quoted = readQuoted(text, i);
        value = quoted.value.trim();
        i = quoted.next;
      } else {
        const valueStart = i;
        while (i < text.length && !SPACE.test(text[i]!)) i++;
        value = text.slice(valueStart, i);
      }
      const filter = parseFilter(key.toLowerCase(), value, negated);
      if (typeof filter !== 'string') {
        query.filters.push(filter);
        continue;
      }
      query.warnings.push(filter);
      if (!value) continue; // `tag:` alone: a filter still being typed
      addWords(`${key} ${value}`, negated);
      continue;
    }
    // A plain word, or an unknown `field:value` read whole and searched as text.
    while (i < text.length && !SPACE.test(text[i]!)) i++;
    addWords(text.slice(tokenStart, i), negated);
    lastWasFreeWord = !negated;
  }
  query.lastWordIsPrefix = lastWasFreeWord && text.length > 0 && !SPACE.test(text[text.length - 1]!);
  if (truncated) query.warnings.push(`search: only the first ${MAX_QUERY_WORDS} words are used`);
  return query;

  function addWords(value: string, negated: boolean): void {
    for (const word of value.split(/\s+/u)) {
      if (!word) continue;
      if (negated) query.excludedWords.push(word);
      else if (takeWords(word)) query.words.push(word);
    }
  }
}

/** Reads a quoted run starting at the opening quote; an unclosed quote runs to the end of the text. */
function readQuoted(text: string, open: number): { value: string; closed: boolean; next: number } {
  let j = open + 1;
  while (j < text.length && !CLOSE_QUOTES.has(text[j]!)) j++;
  const closed = j < text.length;
  return { value: text.slice(open + 1, j), closed, next: closed ? j + 1 : j };
}

/** A filter clause, or the warning explaining why the value was not one. */
function parseFilter(key: string, value: string, negated: boolean): QueryFilter | string {
  if (!value) return `search: ${key}: needs a value`;
  switch (key) {
    case 'tag': {
      const tag = normalizeTag(value);
      return tag ? { kind: 'tag', value: tag, negated } : `search: tag:${value} is not a tag name; searched as text`;
    }
    case 'list': {
      const list = normalizeListName(value);
      return list ? { kind: 'list', value: list, negated } : `search: list:${value} is not a list name; searched as text`;
    }
    case 'status': {
      const status = STATUS_SPELLINGS[value.toLowerCase().replace(/[^a-z]/g, '')];
      return status
        ? { kind: 'status', value: status, negated }
        : `search: status:${value} is not one of to-read, reading, read; searched as text`;
    }
    case 'year': {
      const range = parseYearRange(value);
      return range
        ? { kind: 'year', ...range, negated }
        : `search: year:${value} is not a year or a range like 2020..2023; searched as text`;
    }
    case 'is': {
      const what = value.toLowerCase();
      if (what === 'saved') return { kind: 'saved', negated };
      if (what === 'corpus') return { kind: 'corpus', negated };
      return `search: is:${value} is not one of is:saved, is:corpus; searched as text`;
    }
    default:
      return `search: ${key}: is not a filter; searched as text`;
  }
}

/** `2024`, `2020..2023`, `2020-2023`, `2020..`, `..2019`. Bounds are inclusive; reversed bounds are swapped. */
function parseYearRange(value: string): { from?: number; to?: number } | undefined {
  const single = /^(\d{1,4})$/.exec(value);
  if (single) {
    const year = Number(single[1]);
    return { from: year, to: year };
  }
  const range = /^(\d{1,4})?(?:\.\.|-)(\d{1,4})?$/.exec(value);
  if (!range || (range[1] === undefined && range[2] === undefined)) return undefined;
  let from = range[1] === undefined ? undefined : Number(range[1]);
  let to = range[2] === undefined ? undefined : Number(range[2]);
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const result: { from?: number; to?: number } = {};
  if (from !== undefined) result.from = from;
  if (to !== undefined) result.to = to;
  return result;
}

/**
 * Lists are matched by id or by name, compared the way tags are (case, spaces as hyphens), so
 * `list:"To Cite"`, `list:to-cite` and the id `to-cite` meet.
 */
export function normalizeListName(name: string): string {
  return normalizeTag(name);
}

/** True when the query asks for text (words or phrases), not only filters and exclusions. */
export function hasText(query: ParsedQuery): boolean {
  return query.words.length > 0 || query.phrases.length > 0;
}
