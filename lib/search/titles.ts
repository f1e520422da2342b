/**
 * Titles as term ids, for the title check (rank.ts). Each query compares its words with the titles of ~100
 * candidates; tokenising those titles again for every query cost more than the rest of the search on the seed
 * corpus, so each title is tokenised once, on first use, into one shared pool.
 *
 * A title is a run of positions, one per word: [word id, flags | extras << 1, ...extra ids], where the extras
 * are the word's parts and the compounds spanning it, and flag bit 0 marks a stop word. Word ids are vocabulary
 * ids, STOP_IDS for stop words (never indexed), or UNKNOWN for words that match nothing.
 */
import { STOP_WORDS } from './fold';
import { analyze, WORD } from './tokenize';
import type { Vocabulary } from './vocabulary';

export const UNKNOWN = -1;
/** Stop words get negative ids so that titles and queries can compare them like any other word. */
const STOP_IDS = new Map([...STOP_WORDS].map((word, i) => [word, -2 - i]));

export function stopWordId(word: string): number {
  return STOP_IDS.get(word) ?? UNKNOWN;
}

export class TitleWords {
  private pool = new Int32Array(4096);
  private used = 0;
  /** Pool entries of forgotten titles (approximate: extras are not counted). */
  private wasted = 0;
  /** Per paper number: start in the pool, or -1 when not tokenised yet; the number of positions; and how many
   *  of them form the title's head (see headLength). */
  private start = new Int32Array(0);
  private positions = new Int32Array(0);
  private heads = new Int32Array(0);

  /** The pool and where paper `number`'s title lies in it, tokenising it on first use. */
  get(number: number, title: string, vocabulary: Vocabulary): { pool: Int32Array; from: number; positions: number; head: number } {
    if (number >= this.start.length) this.grow(number + 1);
    if (this.start[number]! < 0) this.add(number, title, vocabulary);
    return { pool: this.pool, from: this.start[number]!, positions: this.positions[number]!, head: this.heads[number]! };
  }

  /** Forgets every title (paper numbers changed). */
  clear(): void {
    this.used = 0;
    this.wasted = 0;
    this.start.fill(-1);
  }

  /** Forgets one paper's title (discarded; its number is not reused until `clear`). */
  forget(number: number): void {
    if (number >= this.start.length || this.start[number]! < 0) return;
    this.start[number] = -1;
    this.wasted += this.positions[number]! * 2;
    // Edited papers leave their old titles behind; start over once they are most of the pool.
    if (this.wasted > this.used / 2) this.clear();
  }

  private add(number: number, title: string, vocabulary: Vocabulary): void {
    const words: { id: number; stop: boolean; extras: number[]; start: number; end: number }[] = [];
    const spans: { id: number; start: number; end: number }[] = [];
    analyze(title, (term, kind, start, end, stop) => {
      const id = stop ? stopWordId(term) : (vocabulary.idOf(term) ?? UNKNOWN);
      if (kind === WORD) words.push({ id, stop, extras: [], start, end });
      else if (id !== UNKNOWN) spans.push({ id, start, end });
    });
    for (const span of spans) {
      for (const w of words) if (w.start >= span.start && w.end <= span.end) w.extras.push(span.id);
    }
    let size = 0;
    for (const w of words) size += 2 + w.extras.length;
    if (this.used + size > this.pool.length) {
      const pool = new Int32Array(Math.max(this.pool.length * 2, this.used + size));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    this.start[number] = this.used;
    this.positions[number] = words.length;
    const split = headEnd(title);
    const head = split < 0 ? 0 : words.filter((w) => w.end <= split).length;
    this.heads[number] = head < words.length ? head : 0;
    for (const w of words) {
      this.pool[this.used++] = w.id;
      this.pool[this.used++] = (w.stop ? 1 : 0) | (w.extras.length << 1);
      for (const extra of w.extras) this.pool[this.used++] = extra;
    }
  }

  private grow(size: number): void {
    const capacity = Math.max(size, Math.ceil(this.start.length * 1.5), 1024);
    const start = new Int32Array(capacity).fill(-1);
    start.set(this.start);
    const positions = new Int32Array(capacity);
    positions.set(this.positions);
    const heads = new Int32Array(capacity);
    heads.set(this.heads);
    this.start = start;
    this.positions = positions;
    this.heads = heads;
  }
}

/**
 * Where a title's head ends: ML titles name the method, then say what it does ("Batch Normalization:
 * Accelerating…", "Poseidon: Efficient…", "HiPPO - Recurrent Memory…"). The head is what comes before the first
 * colon or spaced dash; -1 when there is none.
 */
function headEnd(title: string): number {
  const match = /:|\s[-\u2013\u2014]\s/.exec(title);
  return match ? match.index : -1;
}
