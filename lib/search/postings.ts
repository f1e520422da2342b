/**
 * Posting lists in two shared typed arrays, one entry per (term, paper): the paper's number and its term
 * frequencies per field packed in 16 bits (see packFrequencies). MiniSearch keeps a Map per term and field; at
 * 87k abstracts those Maps held ~460 MB, where these arrays hold ~6 bytes per posting.
 *
 * Each term owns a slice [start, start + capacity) of the pool. Appending to a full slice moves it to the end of
 * the pool with room to grow; the hole it leaves is counted as waste and reclaimed by `compact`. Paper numbers
 * only grow (an edited paper is appended under a new number), so every list stays sorted.
 */

/** Index fields, in packing order. */
export const TITLE = 0;
export const ABSTRACT = 1;
export const AUTHORS = 2;
export const TAGS = 3;
export const NOTES = 4;
export const FIELD_COUNT = 5;
export type FieldId = typeof TITLE | typeof ABSTRACT | typeof AUTHORS | typeof TAGS | typeof NOTES;

/** Bit offset and width of each field's frequency. BM25 saturates long before these caps matter. */
const SHIFT = [6, 0, 9, 11, 13] as const;
const WIDTH = [3, 6, 2, 2, 3] as const;

/** Packs per-field term frequencies (`frequencies[offset + field]`, capped at each field's width) into 16 bits. */
export function packFrequencies(frequencies: ArrayLike<number>, offset = 0): number {
  let packed = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const max = (1 << WIDTH[f]!) - 1;
    packed |= Math.min(frequencies[offset + f]!, max) << SHIFT[f]!;
  }
  return packed;
}

export function frequencyIn(packed: number, field: FieldId): number {
  return (packed >> SHIFT[field]) & ((1 << WIDTH[field]) - 1);
}

export class PostingStore {
  docs: Int32Array;
  packed: Uint16Array;
  /** Pool entries handed out, including holes left by moved lists. */
  used = 0;
  /** Entries in holes. */
  wasted = 0;
  start: Int32Array;
  length: Int32Array;
  capacity: Int32Array;

  constructor(poolSize = 1024, termCapacity = 1024) {
    this.docs = new Int32Array(poolSize);
    this.packed = new Uint16Array(poolSize);
    this.start = new Int32Array(termCapacity);
    this.length = new Int32Array(termCapacity);
    this.capacity = new Int32Array(termCapacity);
  }

  append(term: number, doc: number, packed: number): void {
    if (term >= this.start.length) this.growTerms(term + 1);
    let length = this.length[term]!;
    if (length === this.capacity[term]!) this.move(term, Math.max(4, length * 2));
    const at = this.start[term]! + length;
    this.docs[at] = doc;
    this.packed[at] = packed;
    this.length[term] = ++length;
  }

  /**
   * Rewrites the pool term by term with no room to spare, dropping postings whose paper maps to -1 and
   * renumbering the rest through `renumber` (which must keep order).
   */
  compact(termCount: number, renumber?: Int32Array): void {
    let total = 0;
    for (let t = 0; t < termCount; t++) total += this.length[t]!;
    const docs = new Int32Array(Math.max(total, 16));
    const packed = new Uint16Array(docs.length);
    let out = 0;
    for (let t = 0; t < termCount; t++) {
      const from = this.start[t]!;
      const to = from + this.length[t]!;
      const begin = out;
      for (let i = from; i < to; i++) {
        const doc = renumber ? renumber[this.docs[i]!]! : this.docs[i]!;
        if (doc < 0) continue;
        docs[out] = doc;
        packed[out++] = this.packed[i]!;
      }
      this.start[t] = begin;
      this.length[t] = out - begin;
      this.capacity[t] = out - begin;
    }
    this.docs = docs;
    this.packed = packed;
    this.used = out;
    this.wasted = 0;
  }

  private move(term: number, capacity: number): void {
    if (this.used + capacity > this.docs.length) this.growPool(capacity);
    const from = this.start[term]!;
    const length = this.length[term]!;
    const to = this.used;
    this.docs.copyWithin(to, from, from + length);
    this.packed.copyWithin(to, from, from + length);
    this.wasted += this.capacity[term]!;
    this.start[term] = to;
    this.capacity[term] = capacity;
    this.used += capacity;
  }

  private growPool(needed: number): void {
    const size = Math.max(Math.ceil(this.docs.length * 1.5), this.used + needed);
    const docs = new Int32Array(size);
    docs.set(this.docs.subarray(0, this.used));
    const packed = new Uint16Array(size);
    packed.set(this.packed.subarray(0, this.used));
    this.docs = docs;
    this.packed = packed;
  }

  private growTerms(needed: number): void {
    const size = Math.max(needed, Math.ceil(this.start.length * 1.5));
    for (const key of ['start', 'length', 'capacity'] as const) {
      const next = new Int32Array(size);
      next.set(this[key]);
      this[key] = next;
    }
  }
}
