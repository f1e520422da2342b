/**
 * Where the query matched, as ranges of the original text (never markup): title highlights and the best
 * ~200-character window of the abstract. The popup renders the ranges with <mark> elements around text nodes.
 */
import { analyze, WORD } from './tokenize';
import type { MatchRange } from './types';

/** What to highlight: index terms, each with the query word it answers (windows prefer covering many words). */
export interface Highlight {
  /** Index term → number of the query word it matches. */
  terms: ReadonlyMap<string, number>;
  /** Query words matched as prefixes: a text term starting with one of these is a match. */
  prefixes: ReadonlyArray<{ prefix: string; word: number }>;
  /** Phrases, as the index terms of their words (stop words included); the last one may be a prefix. */
  phrases: ReadonlyArray<{ terms: string[]; open: boolean; word: number }>;
}

/** Window size for snippets. @default 200 */
export const SNIPPET_LENGTH = 200;
/** Context shown before the first match in the window. */
const LEAD = 40;

interface Match {
  start: number;
  end: number;
  word: number;
}

/**
 * The matches of `highlight` in `text`, in text order, overlapping matches merged. With `coverWithin`, the walk
 * stops at the first window of that many characters covering every query word: no later window can cover more
 * (phrases are only found after the walk, so they turn this off).
 */
function findMatches(text: string, highlight: Highlight, coverWithin?: number): Match[] {
  const found: Match[] = [];
  if (highlight.terms.size === 0 && highlight.prefixes.length === 0 && highlight.phrases.length === 0) return found;
  const wanted = coverWithin !== undefined && highlight.phrases.length === 0 ? queryWords(highlight) : 0;
  // Word positions are only needed for phrases; most queries have none, and an abstract has ~200 words.
  const words: { term: string; start: number; end: number }[] = [];
  const collectWords = highlight.phrases.length > 0;
  analyze(text, (term, kind, start, end) => {
    if (collectWords && kind === WORD) words.push({ term, start, end });
    let word = highlight.terms.get(term);
    if (word === undefined) {
      for (const p of highlight.prefixes) {
        if (term.startsWith(p.prefix)) {
          word = p.word;
          break;
        }
      }
    }
    if (word === undefined) return;
    found.push({ start, end, word });
    if (wanted > 0 && coversAll(found, wanted, coverWithin!)) return true;
  });
  for (const phrase of highlight.phrases) {
    for (const at of phraseOccurrences(words, phrase.terms, phrase.open)) {
      found.push({ start: words[at]!.start, end: words[at + phrase.terms.length - 1]!.end, word: phrase.word });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Match[] = [];
  for (const m of found) {
    const last = merged[merged.length - 1];
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}

/** Positions in `words` where `terms` occur in a row (the last as a prefix when `open`). */
export function phraseOccurrences(words: ReadonlyArray<{ term: string }>, terms: readonly string[], open: boolean): number[] {
  const at: number[] = [];
  const n = terms.length;
  if (n === 0) return at;
  for (let i = 0; i + n <= words.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) {
      const term = words[i + j]!.term;
      ok = j === n - 1 && open ? term.startsWith(terms[j]!) : term === terms[j];
    }
    if (ok) at.push(i);
  }
  return at;
}

/** Distinct query words a highlight answers to. */
function queryWords(highlight: Highlight): number {
  const words = new Set<number>(highlight.terms.values());
  for (const p of highlight.prefixes) words.add(p.word);
  return words.size;
}

/** Whether the matches found so far, ending with the last one, cover `wanted` distinct words within `length`. */
function coversAll(found: readonly Match[], wanted: number, length: number): boolean {
  const last = found[found.length - 1]!;
  const seen = new Set<number>();
  for (let i = found.length - 1; i >= 0 && last.end - found[i]!.start <= length; i--) {
    seen.add(found[i]!.word);
    if (seen.size === wanted) return true;
  }
  return false;
}

export function highlightRanges(text: string, highlight: Highlight): MatchRange[] {
  return findMatches(text, highlight).map((m) => [m.start, m.end]);
}

export interface Snippet {
  snippet: string;
  snippetMatches: MatchRange[];
}

/**
 * The window of `text` covering the most distinct query words (then the most matches), cut at spaces, with `…`
 * where text was left out; match ranges are relative to the returned snippet.
 */
export function makeSnippet(text: string, highlight: Highlight, length = SNIPPET_LENGTH): Snippet {
  if (!text) return { snippet: '', snippetMatches: [] };
  if (text.length <= length) return { snippet: text, snippetMatches: highlightRanges(text, highlight) };
  const matches = findMatches(text, highlight, length - LEAD);

  let windowStart = 0;
  let best = -1;
  // Two pointers over the matches: the window opens LEAD characters before match i.
  const seen = new Map<number, number>();
  let j = 0;
  for (let i = 0; i < matches.length; i++) {
    const from = Math.max(0, matches[i]!.start - LEAD);
    const to = from + length;
    while (j < matches.length && matches[j]!.end <= to) {
      seen.set(matches[j]!.word, (seen.get(matches[j]!.word) ?? 0) + 1);
      j++;
    }
    const score = seen.size * 1000 + (j - i);
    if (score > best) {
      best = score;
      windowStart = from;
    }
    const w = matches[i]!.word;
    const left = (seen.get(w) ?? 1) - 1;
    if (left > 0) seen.set(w, left);
    else seen.delete(w);
  }

  let start = windowStart;
  let end = Math.min(text.length, start + length);
  if (end === text.length) start = Math.max(0, end - length);
  if (start > 0) {
    // Start after a space, unless that would skip past the first match.
    const space = text.indexOf(' ', start);
    const firstMatch = matches.find((m) => m.end > start)?.start ?? end;
    if (space >= 0 && space < Math.min(start + 20, firstMatch)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  start = safeBoundary(text, start);
  end = safeBoundary(text, end);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;

  const lead = start > 0 ? '…' : '';
  const snippet = lead + text.slice(start, end) + (end < text.length ? '…' : '');
  const shift = lead.length - start;
  const snippetMatches: MatchRange[] = [];
  for (const m of matches) {
    if (m.end <= start || m.start >= end) continue;
    snippetMatches.push([Math.max(m.start, start) + shift, Math.min(m.end, end) + shift]);
  }
  return { snippet, snippetMatches };
}

/** Never cut between the two halves of a surrogate pair. */
function safeBoundary(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return i;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}
