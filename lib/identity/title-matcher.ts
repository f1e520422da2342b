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
 * Candidates for the fuzzy step come from a q-gram index with a location-aware prefix filter (`GramIndex`), so a
 * lookup reads a few short posting lists and computes few edit distances, even over a corpus of 87k titles.
 */
import { GramIndex } from './gram-index';
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
  numbers: string;
}

/** The matching key: the normal form without spaces, cut to MAX_KEY_LENGTH. */
function keyOf(normal: string): string {
  return normal.replace(/ /g, '').slice(0, MAX_KEY_LENGTH);
}

/** The key two titles must share to match exactly ('' for a title with no letters or digits). */
export function titleKey(title: string): string {
  return keyOf(normalizeTitle(title));
}

/**
 * Every digit run (`Llama2`, `GPT-4`, `S2FT`) and every Roman numeral standing as a word (`Part II`), sorted:
 * the part of a title a near-identical sequel changes.
 */
function numbersOf(normal: string): string {
  const digits = normal.match(/\d+/g) ?? [];
  const roman = normal.split(' ').filter((w) => /^(?:i{1,3}|iv|vi{0,3}|ix|x)$/.test(w));
  return [...digits, ...roman].sort().join(' ');
}

export class TitleMatcher {
  readonly minSimilarity: number;
  readonly minFuzzyLength: number;
  /** Parallel to `index.keys` (shortest key first). */
  private readonly entries: Entry[];
  private readonly byKey = new Map<string, number>();
  private readonly index: GramIndex;

  constructor(papers: Iterable<CorpusTitle>, options: TitleMatcherOptions = {}) {
    this.minSimilarity = options.minSimilarity ?? FUZZY_MIN_SIMILARITY;
    this.minFuzzyLength = options.minFuzzyLength ?? FUZZY_MIN_LENGTH;
    const firstByKey = new Map<string, Entry>();
    for (const paper of papers) {
      const normal = normalizeTitle(paper.title);
      const key = keyOf(normal);
      // First paper wins a shared key: the same title is the same paper.
      if (key && !firstByKey.has(key)) firstByKey.set(key, { id: paper.id, title: paper.title, numbers: numbersOf(normal) });
    }
    // The gram index wants keys shortest first (a stable sort keeps corpus order within a length).
    const keys = [...firstByKey.keys()].sort((a, b) => a.length - b.length);
    this.entries = keys.map((k) => firstByKey.get(k)!);
    keys.forEach((k, i) => this.byKey.set(k, i));
    this.index = new GramIndex(keys);
  }

  /** Every indexed key and the corpus paper it names: what a content script needs to match exactly by itself. */
  exactKeys(): Iterable<[key: string, id: string]> {
    return Array.from(this.byKey, ([key, i]) => [key, this.entries[i]!.id] as [string, string]);
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
    const near = this.index.near(key, this.minSimilarity).filter((c) => this.entries[c.entry]!.numbers === numbers);
    const [best, second] = near;
    if (!best || (second && second.score === best.score)) return null;
    return { id: this.entries[best.entry]!.id, how: 'fuzzy', score: best.score };
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
    return this.index.near(key, minSimilarity).map(({ entry, score }) => {
      const e = this.entries[entry]!;
      return { id: e.id, title: e.title, score, sameNumbers: e.numbers === numbers };
    });
  }
}
