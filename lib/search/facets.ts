/**
 * What filters read, per paper number, in typed arrays: `year:2024` over 87k papers then reads bytes instead of
 * 87k objects (7 ms → well under 1 ms). Tags and lists stay on the paper; a flag says whether it has any, so
 * only the user's own papers are looked at for `tag:` and `list:`.
 */
import type { QueryFilter, SearchDoc } from './types';

const SAVED = 1;
const IN_CORPUS = 2;
const HAS_TAGS = 4;
const HAS_LISTS = 8;
const STATUS_SHIFT = 4;
const STATUS_CODES = { 'to-read': 1, reading: 2, read: 3 } as const;

export class Facets {
  /** Publication year, 0 when unknown. */
  private year = new Int16Array(0);
  private flags = new Uint8Array(0);

  set(number: number, doc: SearchDoc): void {
    if (number >= this.flags.length) this.grow(number + 1);
    this.year[number] = doc.year !== undefined && doc.year > 0 && doc.year < 32_768 ? doc.year : 0;
    this.flags[number] =
      (doc.saved ? SAVED : 0) |
      (doc.inCorpus ? IN_CORPUS : 0) |
      (doc.tags?.length ? HAS_TAGS : 0) |
      (doc.lists?.length ? HAS_LISTS : 0) |
      ((doc.status ? STATUS_CODES[doc.status] : 0) << STATUS_SHIFT);
  }

  /** Keeps the entries of the papers `renumber` maps to a new number (compaction). */
  renumber(renumber: Int32Array): void {
    for (let old = 0; old < renumber.length; old++) {
      const next = renumber[old]!;
      if (next < 0) continue;
      this.year[next] = this.year[old]!;
      this.flags[next] = this.flags[old]!;
    }
  }

  /**
   * Clears `allowed[d]` for the papers that fail `filters`. Clauses of one kind on a single-valued field
   * (`status`, `year`) are alternatives; `tag` and `list` clauses must all hold; negated clauses must all fail.
   */
  apply(filters: readonly QueryFilter[], docs: readonly (SearchDoc | undefined)[], allowed: Uint8Array, n: number): void {
    const { year, flags } = this;
    const holds = (f: QueryFilter, d: number): boolean => {
      switch (f.kind) {
        case 'saved':
          return (flags[d]! & SAVED) !== 0;
        case 'corpus':
          return (flags[d]! & IN_CORPUS) !== 0;
        case 'status':
          return flags[d]! >> STATUS_SHIFT === STATUS_CODES[f.value];
        case 'year': {
          const y = year[d]!;
          return y !== 0 && (f.from === undefined || y >= f.from) && (f.to === undefined || y <= f.to);
        }
        case 'tag':
          return (flags[d]! & HAS_TAGS) !== 0 && docs[d]!.tags!.includes(f.value);
        case 'list':
          return (flags[d]! & HAS_LISTS) !== 0 && docs[d]!.lists!.includes(f.value);
      }
    };
    const positive = filters.filter((f) => !f.negated);
    const groups = [positive.filter((f) => f.kind === 'status'), positive.filter((f) => f.kind === 'year')].filter((g) => g.length > 0);
    for (const f of positive) {
      if (f.kind === 'status' || f.kind === 'year') continue;
      for (let d = 0; d < n; d++) if (allowed[d] === 1 && !holds(f, d)) allowed[d] = 0;
    }
    for (const group of groups) {
      for (let d = 0; d < n; d++) if (allowed[d] === 1 && !group.some((f) => holds(f, d))) allowed[d] = 0;
    }
    for (const f of filters) {
      if (!f.negated) continue;
      for (let d = 0; d < n; d++) if (allowed[d] === 1 && holds(f, d)) allowed[d] = 0;
    }
  }

  private grow(size: number): void {
    const capacity = Math.max(size, Math.ceil(this.flags.length * 1.5), 1024);
    const year = new Int16Array(capacity);
    year.set(this.year);
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.year = year;
    this.flags = flags;
  }
}
