/**
 * Citation keys in Google Scholar's shape, `vaswani2017attention`: first author's family name, year, first
 * significant title word, ASCII only (every TeX engine and pandoc accept that). Collisions get `a`, `b`, … as
 * Better BibTeX does, assigned in order of `addedAt` (then id) so an older paper keeps its key when a newer one
 * with the same key is added: keys stay stable across exports and `\cite{}`s in a paper keep working.
 */
import type { SavedPaper } from '../library/types';
import { compareStrings } from './snapshot';

const STOPWORDS = new Set(
  'a an the on of in for to and with from by at as is are be via towards toward into over under about using do does can we our your how what why when which'.split(
    ' ',
  ),
);

/** Letters without accents, lower case, ASCII letters and digits only: `Türpe` → `turpe`, `Łukasz` → `lukasz`. */
export function asciiFold(text: string): string {
  return text
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐð]/g, 'd')
    .replace(/[þÞ]/g, 'th')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The family name as BibTeX reads "First von Last" and "Last, First": the last word, or what precedes the comma. */
function familyName(author: string): string {
  const beforeComma = author.includes(',') ? author.slice(0, author.indexOf(',')) : author;
  const words = beforeComma.trim().split(/\s+/);
  return author.includes(',') ? beforeComma : (words[words.length - 1] ?? '');
}

export function baseCitationKey(paper: Pick<SavedPaper, 'authors' | 'year' | 'title'>): string {
  const first = paper.authors?.[0];
  const family = (first && asciiFold(familyName(first))) || 'anon';
  const word =
    paper.title
      .split(/[\s\-–—:/]+/)
      .map(asciiFold)
      .find((w) => w.length > 0 && !STOPWORDS.has(w)) ?? '';
  return `${family}${paper.year ?? ''}${word}`;
}

/** `0 → a`, `25 → z`, `26 → aa`: as many suffixes as there are collisions. */
function suffix(n: number): string {
  let s = '';
  for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) s = String.fromCharCode(97 + (k % 26)) + s;
  return s;
}

/** Unique keys for every paper, by id. */
export function citationKeys(papers: readonly SavedPaper[]): Map<string, string> {
  const ordered = [...papers].sort((a, b) => a.addedAt - b.addedAt || compareStrings(a.id, b.id));
  const used = new Set<string>();
  // Next suffix to try per base key, so a thousand papers sharing a key cost a thousand steps, not half a million.
  const nextSuffix = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const paper of ordered) {
    const base = baseCitationKey(paper);
    let key = base;
    let n = nextSuffix.get(base) ?? 0;
    // A suffixed key can also be another paper's natural key (`smith2020a` from a title starting "A…"), so check.
    while (used.has(key)) key = base + suffix(n++);
    nextSuffix.set(base, n);
    used.add(key);
    keys.set(paper.id, key);
  }
  return keys;
}
