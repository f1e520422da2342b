/**
 * Finds the corpus paper a page title names. The corpus carries no arXiv ids, so titles are the only key.
 *
 * 1. Exact: the titles agree after `normalizeTitle` with the spaces taken out (TeX spacing is arbitrary:
 *    `S$^{2}$ FT`, `$\alpha \beta$` vs `αβ`, `Pre-training` vs `Pretraining`).
 * 2. Fuzzy, guarded: character similarity 1 − editDistance / longerLength on that same key, at least
 *    FUZZY_MIN_SIMILARITY, only for keys of FUZZY_MIN_LENGTH characters or more, only when both titles carry the
 *    same numbers (`Llama 2` is not `Llama 3`, `Part I` is not `Part II`), and only when no second corpus paper is
 *    as close (a tie is no answer). It exists for the small drift between an arXiv version and the title Hugging
 *    Face kept (a fixed typo, `Modelling`/`Modeling`, a dropped article), not for "similar papers": the corpus
 *    holds 35 "Scaling Laws for …" titles that must never answer for each other.
 *
 * Candidates for the fuzzy step come from a trigram index (prefix filtering on the q-gram count bound, see
 * `scan`), so a lookup computes few edit distances however large the corpus grows.
 */
import { boundedEditDistance } from './edit-distance';
import { normalizeTitle } from './normalize-title';

/**
 * Minimum similarity (1 − edit distance / length of the longer key) for a fuzzy match. Chosen against the 87,402
 * conference titles in ../shared/data (none of them corpus papers): see `test/bench/identity.bench.ts` for the
 * false-match counts at this and the neighbouring thresholds.
 * @default 0.9
 */
export const FUZZY_MIN_SIMILARITY = 0.9;

/**
 * Keys shorter than this (characters, spaces removed) only match exactly: at 0.9, a 20-character title could
 * change two letters, which is a different short title as often as it is a typo.
 * @default 24
 */
export const FUZZY_MIN_LENGTH = 24;

/** Longer keys are cut before the edit distance (titles are at most a few hundred characters; page text may not be). */
const MAX_KEY_LENGTH = 400;

export interface CorpusTitle {
  id: string;
  title: string;
}

export interface TitleMatch {
  /** The corpus paper id. */
  id: string;
  how: 'exact' | 'fuzzy';
  /** 1 for exact, else the similarity in [FUZZY_MIN_SIMILARITY, 1). */
  score: number;
}

export interface TitleMatcherOptions {
  /** Minimum similarity for a fuzzy match. @default FUZZY_MIN_SIMILARITY (0.9) */
  minSimilarity?: number;
  /** Shortest key (characters without spaces) allowed to match fuzzily. @default FUZZY_MIN_LENGTH (24) */
  minFuzzyLength?: number;
}

/** A scored fuzzy candidate, as `TitleMatcher.near` reports it. */
export interface NearTitle {
  id: string;
  title: string;
  score: number;
  /** Whether the numbers guard passed (same numbers and Roman numerals in both titles). */
  sameNumbers: boolean;
}

interface Entry {
  id: string;
  title: string;
  key: string;
  numbers: string;
}

/** The matching key: the normal form without spaces, cut to MAX_KEY_LENGTH. */
function keyOf(normal: string): string {
  return normal.replace(/ /g, '').slice(0, MAX_KEY_LENGTH);
}

/** Digits and Roman numerals as words, sorted: the part of a title a near-identical sequel changes. */
function numbersOf(normal: string): string {
  return normal
    .split(' ')
    .filter((w) => /^\d+$/.test(w) || /^(?:i{1,3}|iv|vi{0,3}|ix|x)$/.test(w))
    .sort()
    .join(' ');
}

/** Largest edit distance that still scores ≥ `minSimilarity` against a key of `longer` characters. */
function maxEditsFor(longer: number, minSimilarity: number): number {
  // The epsilon keeps (1 − 0.9) × 30 = 2.9999… from flooring to 2.
  return Math.floor((1 - minSimilarity) * longer + 1e-9);
}

/**
 * Trigrams as small integers: each character gets a 10-bit code from a per-matcher alphabet (normalised keys use
 * a few dozen characters), so a trigram is one 30-bit number and a title's trigrams are a sorted Int32Array that
 * two titles can intersect by merging. Characters past the 1,023rd distinct one share the last code; that can
 * only overcount shared trigrams, which makes the filter let more through, never less.
 */
class TrigramCoder {
  private readonly codes = new Map<number, number>();

  /** Sorted trigram ids of `key`, repeats kept (a multiset). `learn` adds unseen characters to the alphabet. */
  encode(key: string, learn: boolean): Int32Array {
    const n = Math.max(0, key.length - 2);
    const out = new Int32Array(n);
    let a = 0;
    let b = key.length > 0 ? this.code(key.charCodeAt(0), learn) : 0;
    let c = key.length > 1 ? this.code(key.charCodeAt(1), learn) : 0;
    for (let i = 0; i < n; i++) {
      a = b;
      b = c;
      c = this.code(key.charCodeAt(i + 2), learn);
      out[i] = (a << 20) | (b << 10) | c;
    }
    return out.sort();
  }

  private code(ch: number, learn: boolean): number {
    let code = this.codes.get(ch);
    if (code === undefined) {
      code = learn && this.codes.size < 1022 ? this.codes.size + 1 : 1023;
      if (learn && code !== 1023) this.codes.set(ch, code);
    }
    return code;
  }
}

/** Whether two sorted arrays share at least `needed` elements (as multisets). Gives up as soon as they cannot. */
function shareAtLeast(a: Int32Array, b: Int32Array, needed: number): boolean {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < needed) return false;
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared >= needed;
}

export class TitleMatcher {
  readonly minSimilarity: number;
  readonly minFuzzyLength: number;
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly coder = new TrigramCoder();
  /** Sorted trigram ids per entry (the count filter intersects these). */
  private readonly grams: Int32Array[] = [];
  /** Trigram id → indices of the entries that contain it. */
  private readonly postings = new Map<number, number[]>();
  /** Scratch for `scan`: `seen[i] === scanStamp` marks entry i as already a candidate in the current scan. */
  private seen = new Uint32Array(0);
  private scanStamp = 0;

  constructor(papers: Iterable<CorpusTitle>, options: TitleMatcherOptions = {}) {
    this.minSimilarity = options.minSimilarity ?? FUZZY_MIN_SIMILARITY;
    this.minFuzzyLength = options.minFuzzyLength ?? FUZZY_MIN_LENGTH;
    for (const paper of papers) {
      const normal = normalizeTitle(paper.title);
      const key = keyOf(normal);
      if (!key || this.byKey.has(key)) continue; // first paper wins a shared key: same title, same paper
      const index = this.entries.length;
      this.entries.push({ id: paper.id, title: paper.title, key, numbers: numbersOf(normal) });
      this.byKey.set(key, index);
      const grams = this.coder.encode(key, true);
      this.grams.push(grams);
      for (let i = 0; i < grams.length; i++) {
        if (i > 0 && grams[i] === grams[i - 1]) continue;
        let list = this.postings.get(grams[i]!);
        if (!list) this.postings.set(grams[i]!, (list = []));
        list.push(index);
      }
    }
    this.seen = new Uint32Array(this.entries.length);
  }

  /** Number of distinct title keys indexed. */
  get size(): number {
    return this.entries.length;
  }

  /** The corpus paper `title` names, or null. See the module comment for what counts. */
  match(title: string): TitleMatch | null {
    const normal = normalizeTitle(title);
    const key = keyOf(normal);
    if (!key) return null;
    const exact = this.byKey.get(key);
    if (exact !== undefined) return { id: this.entries[exact]!.id, how: 'exact', score: 1 };
    if (key.length < this.minFuzzyLength) return null;
    const numbers = numbersOf(normal);
    const near = this.scan(key, this.minSimilarity).filter((c) => this.entries[c.index]!.numbers === numbers);
    const [best, second] = near;
    if (!best || (second && second.score === best.score)) return null;
    return { id: this.entries[best.index]!.id, how: 'fuzzy', score: best.score };
  }

  /**
   * Every indexed title at least `minSimilarity` similar to `title` (an exact one included, at score 1), best
   * first, with neither the length nor the numbers guard applied (`sameNumbers` tells whether the latter would
   * pass). For tuning and diagnostics; `match` is the decision.
   */
  near(title: string, minSimilarity = this.minSimilarity): NearTitle[] {
    const normal = normalizeTitle(title);
    const key = keyOf(normal);
    if (!key) return [];
    const numbers = numbersOf(normal);
    return this.scan(key, minSimilarity).map(({ index, score }) => {
      const e = this.entries[index]!;
      return { id: e.id, title: e.title, score, sameNumbers: e.numbers === numbers };
    });
  }

  /**
   * Entries within the similarity bound, best first. Two keys within k edits share at least
   * T = max(|a|, |b|) − 2 − 3k trigram occurrences (one edit breaks at most three). Prefix filtering turns that
   * into a candidate list: a match must contain one of the key's (|grams| − T + 1) rarest trigram occurrences,
   * so only those posting lists are read. Candidates then pass the length window, the exact shared count, and
   * last the bounded edit distance.
   */
  private scan(key: string, minSimilarity: number): { index: number; score: number }[] {
    // |a − b| ≤ (1 − s) · max(a, b)  ⇔  s · |key| ≤ |other| ≤ |key| / s
    const shortest = minSimilarity * key.length - 1e-9;
    const longest = minSimilarity > 0 ? key.length / minSimilarity + 1e-9 : Infinity;
    const grams = this.coder.encode(key, false);
    // For s > 2/3, T grows with the other key's length, so the key's own length gives the smallest T.
    const required = minSimilarity > 2 / 3 ? grams.length - 3 * maxEditsFor(key.length, minSimilarity) : 0;
    const inWindow = (index: number) => {
      const length = this.entries[index]!.key.length;
      return length >= shortest && length <= longest;
    };
    let candidates: number[];
    if (required <= 0) {
      // Too short or too loose a bound for the filter to exclude anything: every entry in the window is a candidate.
      candidates = [...this.entries.keys()].filter(inWindow);
    } else {
      const runs: { count: number; list: number[] }[] = [];
      for (let i = 0; i < grams.length; ) {
        let j = i + 1;
        while (j < grams.length && grams[j] === grams[i]) j++;
        const list = this.postings.get(grams[i]!);
        if (list) runs.push({ count: j - i, list });
        i = j;
      }
      runs.sort((a, b) => a.list.length - b.list.length);
      candidates = [];
      const stamp = ++this.scanStamp;
      // Trigram occurrences absent from the corpus count as probed: no candidate can contain them.
      let probed = grams.length - runs.reduce((sum, r) => sum + r.count, 0);
      for (const { count, list } of runs) {
        if (probed >= grams.length - required + 1) break;
        probed += count;
        for (const index of list) {
          if (this.seen[index] === stamp) continue;
          this.seen[index] = stamp;
          if (inWindow(index)) candidates.push(index);
        }
      }
    }
    const found: { index: number; score: number }[] = [];
    for (const index of candidates) {
      const other = this.entries[index]!.key;
      const longer = Math.max(key.length, other.length);
      const maxEdits = maxEditsFor(longer, minSimilarity);
      if (!shareAtLeast(grams, this.grams[index]!, longer - 2 - 3 * maxEdits)) continue;
      const d = boundedEditDistance(key, other, maxEdits);
      if (d <= maxEdits) found.push({ index, score: 1 - d / longer });
    }
    return found.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
