/**
 * The index's terms: ids for posting lists, plus prefix and typo lookups over the terms in sorted order.
 *
 * MiniSearch keeps its terms in a radix tree (`SearchableMap`); over the 250k distinct terms of 87k abstracts
 * that tree took 60 MB of heap and 5 ms per distance-2 fuzzy lookup, measured here. A sorted array of term ids
 * walked as an implicit trie gives the same lookups: runs of terms sharing a prefix are skipped by binary search
 * as soon as the edit-distance row for that prefix exceeds the limit, which is what the radix tree's descent
 * does, without a Map per node.
 */

export class Vocabulary {
  /** Term strings by id. */
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The sorted view of every term, rebuilt when terms were added since the last lookup. */
  private full: TermView = new TermView(this.terms, new Int32Array(0));

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The id of `term`, added when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** Ids of the terms that start with `prefix` (the term itself included), in sorted order. */
  withPrefix(prefix: string): Int32Array {
    return this.view().withPrefix(prefix);
  }

  /** See TermView.fuzzy. */
  fuzzy(query: string, maxDistance: number, sameFirstLetter: boolean, visit: (id: number, distance: number) => void): void {
    this.view().fuzzy(query, maxDistance, sameFirstLetter, visit);
  }

  /** A sorted view of the terms `keep` accepts, for lookups that only want some (frequent terms, say). */
  subset(keep: (id: number) => boolean): TermView {
    const all = this.view().ids;
    const kept: number[] = [];
    for (const id of all) if (keep(id)) kept.push(id);
    return new TermView(this.terms, Int32Array.from(kept));
  }

  /** Ids in sorted order of their terms (for serialising in an order that loads without sorting). */
  sortedIds(): Int32Array {
    return this.view().ids.slice();
  }

  /** A vocabulary whose ids are the positions in `terms`, which must already be sorted and distinct. */
  static fromSortedTerms(terms: string[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const term of terms) vocabulary.intern(term);
    vocabulary.full = new TermView(vocabulary.terms, Int32Array.from({ length: terms.length }, (_, i) => i));
    return vocabulary;
  }

  private view(): TermView {
    if (this.full.count !== this.terms.length) {
      const { terms } = this;
      const previous = this.full.ids;
      const byTerm = (a: number, b: number): number => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0);
      const added = Int32Array.from({ length: terms.length - previous.length }, (_, i) => previous.length + i).sort(byTerm);
      const merged = new Int32Array(terms.length);
      let a = 0;
      let b = 0;
      let out = 0;
      while (a < previous.length && b < added.length) merged[out++] = byTerm(previous[a]!, added[b]!) <= 0 ? previous[a++]! : added[b++]!;
      while (a < previous.length) merged[out++] = previous[a++]!;
      while (b < added.length) merged[out++] = added[b++]!;
      this.full = new TermView(terms, merged);
    }
    return this.full;
  }
}

/**
 * Terms in sorted order, packed for lookups: their characters back to back, the characters each shares with
 * the one before, and jump tables past runs sharing a prefix. Lookups read one packed array instead of
 * 200k scattered string objects: cache misses, not comparisons, are what a lookup costs.
 */
export class TermView {
  readonly count: number;
  private readonly chars: Uint16Array;
  /** Term k is chars[starts[k], starts[k + 1]). */
  private readonly starts: Int32Array;
  /** Characters term k shares with term k - 1 (capped at 255, far beyond any term length). */
  private readonly lcp: Uint8Array;
  /**
   * For r = 1..SKIP_DEPTHS, at (r - 1) * count + k: the first position after k whose term differs from term k
   * in its first r characters. Most fuzzy branches die within three letters; without these jumps a lookup
   * would step through every term of the dead branch.
   */
  private readonly skip: Int32Array;
  /** Edit-distance rows, reused across lookups. */
  private rows = new Int32Array(0);

  /** `ids` must be in sorted order of their terms. */
  constructor(
    terms: readonly string[],
    readonly ids: Int32Array,
  ) {
    const count = ids.length;
    this.count = count;
    const starts = new Int32Array(count + 1);
    let total = 0;
    for (let k = 0; k < count; k++) {
      starts[k] = total;
      total += terms[ids[k]!]!.length;
    }
    starts[count] = total;
    const chars = new Uint16Array(total);
    const lcp = new Uint8Array(count);
    for (let k = 0; k < count; k++) {
      const term = terms[ids[k]!]!;
      const offset = starts[k]!;
      for (let i = 0; i < term.length; i++) chars[offset + i] = term.charCodeAt(i);
      if (k > 0) {
        const previousOffset = starts[k - 1]!;
        const limit = Math.min(term.length, offset - previousOffset, 255);
        let shared = 0;
        while (shared < limit && chars[previousOffset + shared] === chars[offset + shared]) shared++;
        lcp[k] = shared;
      }
    }
    const skip = new Int32Array(SKIP_DEPTHS * count);
    for (let r = 1; r <= SKIP_DEPTHS; r++) {
      const base = (r - 1) * count;
      for (let k = count - 1; k >= 0; k--) skip[base + k] = k + 1 >= count || lcp[k + 1]! < r ? k + 1 : skip[base + k + 1]!;
    }
    this.chars = chars;
    this.starts = starts;
    this.lcp = lcp;
    this.skip = skip;
  }

  /** Ids of the terms that start with `prefix` (the term itself included), in sorted order. */
  withPrefix(prefix: string): Int32Array {
    const from = this.lowerBound(prefix);
    let to = from;
    if (prefix.length === 0) to = this.count;
    else if (from < this.count && this.startsWith(from, prefix)) {
      // The skip table ends the run of a shared first 1–3 letters in one step; longer prefixes are short runs.
      to = prefix.length <= SKIP_DEPTHS ? this.skip[(prefix.length - 1) * this.count + from]! : from + 1;
      while (to < this.count && this.startsWith(to, prefix)) to++;
    }
    return this.ids.subarray(from, to);
  }

  /**
   * Terms within `maxDistance` edits of `query` (optimal string alignment: insertions, deletions, substitutions
   * and swaps of adjacent letters, since `nueral` for `neural` is the commonest typo of all).
   * With `sameFirstLetter` only terms starting with the query's first letter are visited: typos rarely hit
   * the first letter, and the constraint makes a distance-2 lookup about twenty times cheaper.
   */
  fuzzy(query: string, maxDistance: number, sameFirstLetter: boolean, visit: (id: number, distance: number) => void): void {
    const m = query.length;
    if (m === 0 || maxDistance <= 0 || this.count === 0) return;
    const { ids, lcp, chars, starts, skip, count } = this;
    const width = m + 1;
    const maxRows = m + maxDistance + 2;
    if (this.rows.length < maxRows * width) this.rows = new Int32Array(maxRows * width);
    const rows = this.rows;
    for (let j = 0; j <= m; j++) rows[j] = j;
    const q = new Uint16Array(m);
    for (let j = 0; j < m; j++) q[j] = query.charCodeAt(j);

    let k = 0;
    let end = count;
    if (sameFirstLetter) {
      const first = query[0]!;
      k = this.lowerBound(first);
      end = k < count && this.startsWith(k, first) ? skip[k]! : k;
    }
    // Rows 1..validRows hold the distances for the prefixes of the previous term visited; the next term shares
    // its first lcp[k] characters with it, so only the rows below that are recomputed.
    let validRows = 0;
    outer: while (k < end) {
      const offset = starts[k]!;
      const length = starts[k + 1]! - offset;
      const depth = Math.min(validRows, lcp[k]!);
      const stop = Math.min(length, m + maxDistance);
      for (let r = depth + 1; r <= stop; r++) {
        const base = r * width;
        const above = base - width;
        const c = chars[offset + r - 1]!;
        const before = r > 1 ? chars[offset + r - 2]! : -1;
        rows[base] = r;
        let rowMin = r;
        for (let j = 1; j <= m; j++) {
          const qc = q[j - 1]!;
          let d = rows[above + j - 1]! + (qc === c ? 0 : 1);
          const del = rows[above + j]! + 1;
          if (del < d) d = del;
          const ins = rows[base + j - 1]! + 1;
          if (ins < d) d = ins;
          if (j > 1 && before === qc && c === q[j - 2]) {
            const swap = rows[above - width + j - 2]! + 1;
            if (swap < d) d = swap;
          }
          rows[base + j] = d;
          if (d < rowMin) rowMin = d;
        }
        if (rowMin > maxDistance) {
          // No term starting with these r characters can come within reach: skip them all.
          validRows = r - 1;
          if (r <= SKIP_DEPTHS) {
            k = skip[(r - 1) * count + k]!;
          } else {
            k++;
            while (k < end && lcp[k]! >= r) k++;
          }
          continue outer;
        }
      }
      if (length <= m + maxDistance && rows[length * width + m]! <= maxDistance) visit(ids[k]!, rows[length * width + m]!);
      validRows = stop;
      k++;
    }
  }

  /** Compares sorted term k with `key` by UTF-16 code units, as `<` on strings does. */
  private compareAt(k: number, key: string): number {
    const offset = this.starts[k]!;
    const length = this.starts[k + 1]! - offset;
    const n = Math.min(length, key.length);
    for (let i = 0; i < n; i++) {
      const diff = this.chars[offset + i]! - key.charCodeAt(i);
      if (diff !== 0) return diff;
    }
    return length - key.length;
  }

  private startsWith(k: number, prefix: string): boolean {
    const offset = this.starts[k]!;
    if (this.starts[k + 1]! - offset < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (this.chars[offset + i] !== prefix.charCodeAt(i)) return false;
    return true;
  }

  /** First sorted position whose term is ≥ `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const SKIP_DEPTHS = 3;
