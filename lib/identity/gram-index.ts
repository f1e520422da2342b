/**
 * The data structure behind fuzzy title lookup: an inverted index from q-grams to the keys containing them, in
 * flat typed arrays. Keys are stored shortest first, so every posting list is sorted by key length too and the
 * length window of a lookup is a binary search away. `near` returns every key within a similarity bound of a
 * query (no more, no fewer: `title-matcher.test.ts` checks it against brute force).
 *
 * Flat arrays rather than a Map of arrays: at 87k titles a Map-based index took ~100 MB and ~1 ms a lookup,
 * most of it chasing pointers; this layout keeps a lookup to a few short, contiguous runs of memory.
 */
import { boundedEditDistance } from './edit-distance';

/**
 * Gram length. Longer grams are rarer, so the lists a lookup reads are shorter, but each edit then breaks more of
 * them and the filters prove less. Measured at 626 and 87k titles (test/bench/identity.bench.ts).
 */
export const GRAM_LENGTH = 4;
const Q = GRAM_LENGTH;
/** 6 bits a character (see `GramCoder`), Q characters a gram: fits an int32 for Q ≤ 5. */
const GRAM_MASK = 2 ** (6 * Q) - 1;

/**
 * Characters → 6-bit codes, learned from the indexed keys (normalised keys are mostly a–z and 0–9). Characters
 * past the 62nd distinct one share the last code: two keys can then look as if they share more grams than they
 * do, which lets more through the filters, never less.
 */
class GramCoder {
  private readonly codes = new Map<number, number>();

  /** Gram ids of `key` in position order (the gram at i starts at character i). `learn` grows the alphabet. */
  encode(key: string, learn: boolean): Int32Array {
    const out = new Int32Array(Math.max(0, key.length - Q + 1));
    let gram = 0;
    for (let i = 0; i < key.length; i++) {
      gram = ((gram << 6) | this.code(key.charCodeAt(i), learn)) & GRAM_MASK;
      if (i >= Q - 1) out[i - Q + 1] = gram;
    }
    return out;
  }

  private code(ch: number, learn: boolean): number {
    let code = this.codes.get(ch);
    if (code === undefined) {
      code = learn && this.codes.size < 62 ? this.codes.size + 1 : 63;
      if (learn && code !== 63) this.codes.set(ch, code);
    }
    return code;
  }
}

/** Open-addressing hash from gram id (≥ 0) to a slot; -1 marks an empty slot. Grows at half load. */
class GramSlots {
  keys = new Int32Array(1024).fill(-1);
  size = 0;
  /** 32 − log2(keys.length): the home slot is the top bits of a multiplicative (Fibonacci) hash. */
  private shift = 22;

  private home(gram: number): number {
    return Math.imul(gram, 0x9e3779b1) >>> this.shift;
  }

  /** The slot of `gram`, or -1. */
  find(gram: number): number {
    for (let s = this.home(gram); ; s = (s + 1) & (this.keys.length - 1)) {
      const k = this.keys[s]!;
      if (k === gram) return s;
      if (k === -1) return -1;
    }
  }

  /** Adds `gram` if new. Slots move when the table grows: use `find` once all grams are in. */
  add(gram: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    for (let s = this.home(gram); ; s = (s + 1) & (this.keys.length - 1)) {
      const k = this.keys[s]!;
      if (k === gram) return;
      if (k === -1) {
        this.keys[s] = gram;
        this.size++;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Int32Array(old.length * 2).fill(-1);
    this.shift--;
    this.size = 0;
    for (const k of old) if (k !== -1) this.add(k);
  }
}

/**
 * Fewest edits that destroy every gram starting at `starts`: a gram covers Q characters and an edit touches one,
 * so this is the minimum number of points stabbing all intervals [start, start + Q − 1] (greedy by right end).
 */
function stabbingNumber(starts: number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let count = 0;
  let point = -Infinity;
  for (const start of sorted) {
    if (start > point) {
      count++;
      point = start + Q - 1;
    }
  }
  return count;
}

/** Largest edit distance that still scores ≥ `minSimilarity` against a key of `longer` characters. */
export function maxEditsFor(longer: number, minSimilarity: number): number {
  // The epsilon keeps (1 − 0.9) × 30 = 2.9999… from flooring to 2.
  return Math.floor((1 - minSimilarity) * longer + 1e-9);
}

export class GramIndex {
  /** The keys, shortest first; an entry's number is its position here. */
  readonly keys: readonly string[];
  private readonly coder = new GramCoder();
  /** Each key's grams, sorted (repeats kept), concatenated; key i's are at [gramStart[i], gramStart[i + 1]). */
  private readonly grams: Int32Array;
  private readonly gramStart: Int32Array;
  /** Posting lists concatenated; the list of the gram in slot s is [listStart[s], listEnd[s]), entries ascending. */
  private readonly slots = new GramSlots();
  private readonly postings: Int32Array;
  private readonly listStart: Int32Array;
  private readonly listEnd: Int32Array;
  /** firstOfLength[n]: the first entry whose key is at least n characters long. */
  private readonly firstOfLength: Int32Array;
  /** Scratch for `near`: `seen[i] === stamp` marks entry i as a candidate already; `hits[i]` its chosen grams. */
  private readonly seen: Uint32Array;
  private readonly hits: Uint32Array;
  private stamp = 0;

  /** `keys` must be sorted by length, shortest first (ties in any order). */
  constructor(keys: readonly string[]) {
    this.keys = keys;
    const n = keys.length;
    const perKey = keys.map((k) => this.coder.encode(k, true).sort());
    this.gramStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.gramStart[i + 1] = this.gramStart[i]! + perKey[i]!.length;
    this.grams = new Int32Array(this.gramStart[n]!);
    perKey.forEach((g, i) => this.grams.set(g, this.gramStart[i]!));

    // Two passes over each key's distinct grams: count the list lengths, then fill the lists in entry order.
    const distinct = (i: number, visit: (gram: number) => void) => {
      for (let j = this.gramStart[i]!; j < this.gramStart[i + 1]!; j++) {
        if (j === this.gramStart[i] || this.grams[j] !== this.grams[j - 1]) visit(this.grams[j]!);
      }
    };
    for (let i = 0; i < n; i++) distinct(i, (g) => this.slots.add(g));
    const slotCount = this.slots.keys.length;
    const lengths = new Int32Array(slotCount);
    for (let i = 0; i < n; i++) distinct(i, (g) => lengths[this.slots.find(g)]!++);
    this.listStart = new Int32Array(slotCount);
    this.listEnd = new Int32Array(slotCount);
    let total = 0;
    for (let s = 0; s < slotCount; s++) {
      this.listStart[s] = this.listEnd[s] = total;
      total += lengths[s]!;
    }
    this.postings = new Int32Array(total);
    for (let i = 0; i < n; i++) distinct(i, (g) => (this.postings[this.listEnd[this.slots.find(g)]!++] = i));

    const longest = n ? keys[n - 1]!.length : 0;
    this.firstOfLength = new Int32Array(longest + 2);
    for (let len = 0, i = 0; len <= longest + 1; len++) {
      while (i < n && keys[i]!.length < len) i++;
      this.firstOfLength[len] = i;
    }
    this.seen = new Uint32Array(n);
    this.hits = new Uint32Array(n);
  }

  /** Entries whose key length is in [shortest, longest], as an index range [from, to). */
  private window(shortest: number, longest: number): [number, number] {
    const at = (len: number) => (len <= 0 ? 0 : len >= this.firstOfLength.length ? this.keys.length : this.firstOfLength[len]!);
    return [at(Math.ceil(shortest)), at(Math.floor(longest) + 1)];
  }

  /** Whether entry `i` shares at least `needed` grams (as multisets) with the sorted `grams`; stops once it cannot. */
  private sharesAtLeast(grams: Int32Array, i: number, needed: number): boolean {
    let a = 0;
    let b = this.gramStart[i]!;
    const bEnd = this.gramStart[i + 1]!;
    let shared = 0;
    while (a < grams.length && b < bEnd) {
      if (shared + Math.min(grams.length - a, bEnd - b) < needed) return false;
      const x = grams[a]!;
      const y = this.grams[b]!;
      if (x < y) a++;
      else if (x > y) b++;
      else {
        shared++;
        a++;
        b++;
      }
    }
    return shared >= needed;
  }

  /**
   * Every entry whose key scores ≥ `minSimilarity` against `key` (1 − edit distance / longer length), best first.
   *
   * Candidates come from a location-aware prefix filter (Xiao, Wang, Lin, "Ed-Join", VLDB 2008): an edit at one
   * character breaks only the (at most Q) grams covering it, so breaking every gram of a chosen set takes at
   * least as many edits as points needed to stab their intervals. Taking the query's gram occurrences rarest
   * first until that number exceeds k (the most edits the bound allows), any key within k edits must contain one
   * of them: only those lists are read, and only their part inside the length window. Candidates then pass a
   * mismatch filter (the chosen grams a candidate lacks must be breakable by k edits), the count filter (keys
   * within k edits share at least max(|a|, |b|) − Q + 1 − Q·k grams) and the bounded edit distance.
   */
  near(key: string, minSimilarity: number): { entry: number; score: number }[] {
    // |a − b| ≤ (1 − s) · max(a, b)  ⇔  s · |key| ≤ |other| ≤ |key| / s
    const shortest = minSimilarity * key.length - 1e-9;
    const longest = minSimilarity > 0 ? key.length / minSimilarity + 1e-9 : Infinity;
    const [from, to] = this.window(shortest, longest);
    if (from >= to) return [];
    // The longest key in the window allows the most edits.
    const mostEdits = maxEditsFor(Number.isFinite(longest) ? Math.floor(longest) : this.keys[to - 1]!.length, minSimilarity);

    const positional = this.coder.encode(key, false);
    const slotOf = Array.from(positional, (g) => this.slots.find(g));
    const listLength = (s: number) => (s < 0 ? 0 : this.listEnd[s]! - this.listStart[s]!);
    const order = Array.from(positional.keys()).sort((i, j) => listLength(slotOf[i]!) - listLength(slotOf[j]!) || i - j);
    const chosen: number[] = [];
    let stabbing = 0;
    for (const start of order) {
      if (stabbing > mostEdits) break;
      chosen.push(start);
      stabbing = stabbingNumber(chosen);
    }

    const candidates: number[] = [];
    if (stabbing <= mostEdits) {
      // Short or loose: k edits could break every gram, so grams rule nothing out.
      for (let i = from; i < to; i++) candidates.push(i);
    } else {
      // Which chosen grams each candidate contains, as a bit mask (up to 32 chosen; past that, no mask filter).
      const masked = chosen.length <= 32;
      const stamp = ++this.stamp;
      chosen.forEach((start, bit) => {
        const s = slotOf[start]!;
        if (s < 0) return;
        // Lists are in entry order, which is length order: skip to the window by binary search.
        let lo = this.listStart[s]!;
        let hi = this.listEnd[s]!;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.postings[mid]! < from) lo = mid + 1;
          else hi = mid;
        }
        for (let p = lo; p < this.listEnd[s]!; p++) {
          const i = this.postings[p]!;
          if (i >= to) break;
          if (this.seen[i] !== stamp) {
            this.seen[i] = stamp;
            this.hits[i] = 0;
            candidates.push(i);
          }
          if (masked) this.hits[i]! |= 1 << bit;
        }
      });
      if (masked) {
        // Mismatch filter: the chosen grams a candidate lacks must all be broken by its edits, so their stabbing
        // number must be ≤ k. Cheaper than the count filter and rules out most candidates at scale.
        const byPosition = chosen.map((start, bit) => ({ start, bit })).sort((a, b) => a.start - b.start);
        const fewEnoughMissing = (mask: number) => {
          let count = 0;
          let point = -Infinity;
          for (const { start, bit } of byPosition) {
            if (mask & (1 << bit) || start <= point) continue;
            if (++count > mostEdits) return false;
            point = start + Q - 1;
          }
          return true;
        };
        let kept = 0;
        for (const i of candidates) if (fewEnoughMissing(this.hits[i]!)) candidates[kept++] = i;
        candidates.length = kept;
      }
    }

    const grams = positional.slice().sort();
    const found: { entry: number; score: number }[] = [];
    for (const i of candidates) {
      const other = this.keys[i]!;
      const longer = Math.max(key.length, other.length);
      const maxEdits = maxEditsFor(longer, minSimilarity);
      if (!this.sharesAtLeast(grams, i, longer - Q + 1 - Q * maxEdits)) continue;
      const d = boundedEditDistance(key, other, maxEdits);
      if (d <= maxEdits) found.push({ entry: i, score: 1 - d / longer });
    }
    return found.sort((a, b) => b.score - a.score || a.entry - b.entry);
  }
}
