/**
 * A listing entry's text → the profile's term ids, without a string per word (issue #7's ≤ 30 ms a page).
 *
 * The same terms as the search core's analyzer (lib/search/tokenize.ts, whose control flow `scanField` follows
 * step for step), read straight from the char codes: a word of ASCII letters and digits with no inner boundary
 * (nearly every word of an abstract) is lower-cased, checked against the stop list and plural-stemmed in a
 * buffer, and looked up by hash in the profile's vocabulary. Any other word (accents, Greek, apostrophes,
 * camelCase, letter→digit, longer than a term may be) is sliced and goes through the analyzer's own functions
 * (foldWord, stemTerm, partsOf). scan.test.ts checks both against `analyze` on random text.
 *
 * Terms the profile does not know matter only for an entry's norm: they get ids of their own for one scoring call
 * (`beginCall`), so counting them needs no Map of strings either.
 */
import { foldWord, isStopWord, STOP_WORDS, stemTerm } from '../search/fold';
import { isHyphen, MAX_TERM_LENGTH as SEARCH_MAX_TERM_LENGTH, partsOf, wordCharLength } from '../search/tokenize';

/**
 * A module-local copy: an imported binding read in the per-character loop can be a getter call per read
 * (tsx's CommonJS interop, which the benchmark runs under: a third of the scan's time).
 */
const MAX_TERM_LENGTH = SEARCH_MAX_TERM_LENGTH;

/**
 * Term chars by id, found by hash: open addressing over a char pool, so a lookup needs no string. Each slot holds
 * the hash beside the id, so a probe that misses reads one cache line, not the term.
 */
class TermTable {
  count = 0;
  /** Pairs (hash, id); id -1 for an empty slot. */
  private slots = emptySlots(1024);
  /** Pairs (start in chars, length) by id. */
  private spans = new Int32Array(512);
  /** Where each id sits in slots (to take the latest ids out again). */
  private slotOf = new Int32Array(256);
  private chars = new Uint16Array(4096);
  private used = 0;

  /** The id of buf[0, length) with that hash, or -1. */
  find(buf: Uint16Array, length: number, hash: number): number {
    const { slots, spans, chars } = this;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]!;
      if (id < 0) return -1;
      if (slots[2 * slot] !== hash || spans[2 * id + 1] !== length) continue;
      const start = spans[2 * id]!;
      let i = 0;
      while (i < length && chars[start + i] === buf[i]) i++;
      if (i === length) return id;
    }
  }

  /** Adds buf[0, length), which must not be there yet; returns its id (ids count up from 0). */
  add(buf: Uint16Array, length: number, hash: number): number {
    if ((this.count + 1) * 4 > this.slots.length) this.rehash(this.slots.length);
    const id = this.count++;
    if (id >= this.slotOf.length) {
      this.slotOf = grown(this.slotOf, id * 2);
      this.spans = grown(this.spans, id * 4);
    }
    if (this.used + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + length));
      chars.set(this.chars);
      this.chars = chars;
    }
    this.chars.set(buf.subarray(0, length), this.used);
    this.spans[2 * id] = this.used;
    this.spans[2 * id + 1] = length;
    this.used += length;
    this.place(id, hash);
    return id;
  }

  /** Keeps ids below `count` only. They were placed before any later id, so their probe chains stay whole. */
  truncate(count: number): void {
    if (this.count <= count) return;
    for (let id = count; id < this.count; id++) this.slots[2 * this.slotOf[id]! + 1] = -1;
    this.used = this.spans[2 * count]!;
    this.count = count;
  }

  /** The term with id `id` (for tests and tools). */
  term(id: number): string {
    const start = this.spans[2 * id]!;
    return String.fromCharCode(...this.chars.subarray(start, start + this.spans[2 * id + 1]!));
  }

  private place(id: number, hash: number): void {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[2 * slot + 1]! >= 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = id;
    this.slotOf[id] = slot;
  }

  /** Doubles the slots, placing the ids in order (so the table's own terms still come first). */
  private rehash(size: number): void {
    const old = this.slots;
    const hashes = new Int32Array(this.count);
    for (let slot = 0; slot < old.length >> 1; slot++) {
      const id = old[2 * slot + 1]!;
      if (id >= 0) hashes[id] = old[2 * slot]!;
    }
    this.slots = emptySlots(size);
    for (let id = 0; id < this.count; id++) this.place(id, hashes[id]!);
  }
}

/** `size` slots of (hash, id), all empty. */
function emptySlots(size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(2 * size);
  for (let slot = 0; slot < size; slot++) slots[2 * slot + 1] = -1;
  return slots;
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(array);
  return out;
}

/** FNV-1a over UTF-16 code units: the hash of every term table here and of score.ts's name filter. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of a whole string. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

// Char classes of ASCII, for the scanner's inner loop: one table read instead of a chain of comparisons.
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const APOSTROPHE = 4;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : c === 39 ? APOSTROPHE : OTHER;
}
/**
 * `INNER_BOUNDARY[previous * 4 + current]`: the pairs for which analyze() flags HAS_INNER_BOUNDARY (lower→Upper,
 * letter→digit), so the word may have parts and is not plain.
 */
const INNER_BOUNDARY = new Uint8Array(16);
INNER_BOUNDARY[LOWER * 4 + UPPER] = 1;
INNER_BOUNDARY[LOWER * 4 + DIGIT] = 1;
INNER_BOUNDARY[UPPER * 4 + DIGIT] = 1;

/** An ASCII letter or digit (isAsciiAlnum, by class). */
function isWordClass(kind: number): boolean {
  return kind === LOWER || kind === UPPER || kind === DIGIT;
}

/** The longest stop word: shorter words are the only ones checked against the list. */
const MAX_STOP_LENGTH = Math.max(...[...STOP_WORDS].map((w) => w.length));

/** What one field (a title or an abstract) holds, by term id; reused from entry to entry. */
export class FieldTerms {
  /** Occurrences by id of the non-stop words and parts (the analyzer's index terms without compounds). */
  counts = new Int32Array(1024);
  /** Ids with a count, in order of first occurrence (the order a Map would iterate them in). */
  order = new Int32Array(256);
  distinct = 0;
  /** Word ids in text order, stop words included, -1 for a word the profile does not know (when asked for). */
  words = new Int32Array(1024);
  wordCount = 0;
  /** Ids of the known hyphen compounds, with repeats. */
  compounds = new Int32Array(64);
  compoundCount = 0;

  /** Occurrences of `id` as an index term (0 for -1). */
  count(id: number): number {
    return id >= 0 && id < this.counts.length ? this.counts[id]! : 0;
  }

  /** Occurrences of `id` as a compound. */
  compoundOccurrences(id: number): number {
    let n = 0;
    for (let i = 0; i < this.compoundCount; i++) if (this.compounds[i] === id) n++;
    return n;
  }

  reset(): void {
    const { counts, order } = this;
    for (let i = 0; i < this.distinct; i++) counts[order[i]!] = 0;
    this.distinct = 0;
    this.wordCount = 0;
    this.compoundCount = 0;
  }

  addTerm(id: number): void {
    if (id >= this.counts.length) {
      const counts = new Int32Array(Math.max(id + 1, this.counts.length * 2));
      counts.set(this.counts);
      this.counts = counts;
    }
    const before = this.counts[id]!;
    this.counts[id] = before + 1;
    if (before === 0) {
      if (this.distinct === this.order.length) this.order = grown(this.order, this.order.length * 2);
      this.order[this.distinct++] = id;
    }
  }

  addWord(id: number): void {
    if (this.wordCount === this.words.length) this.words = grown(this.words, this.words.length * 2);
    this.words[this.wordCount++] = id;
  }

  addCompound(id: number): void {
    if (this.compoundCount === this.compounds.length) this.compounds = grown(this.compounds, this.compounds.length * 2);
    this.compounds[this.compoundCount++] = id;
  }
}

/**
 * The profile's vocabulary with ids (the library's terms first, in posting order, then keyword terms and the stop
 * words), and the scanner that reads fields into FieldTerms.
 */
export class ProfileTerms {
  /** The profile's terms (ids below knownCount), then one call's unknown terms. */
  private readonly table = new TermTable();
  /** The stop words alone (a small table that stays in cache), with their ids in `table`. */
  private readonly stops = new TermTable();
  private readonly stopIds: Int32Array;
  /** Ids below this are the profile's; the ones above are one call's unknown terms. */
  knownCount = 0;
  /** A plain word as it is scanned, lower-cased and stemmed in place. */
  private readonly buf = new Uint16Array(MAX_TERM_LENGTH + 8);
  /** A term given as a string (a compound closing a chain while the next word sits in buf, say). */
  private stringBuf = new Uint16Array(MAX_TERM_LENGTH + 8);
  /** Give unknown index terms ids (only similarity, through the entry's norm, needs them). */
  private countUnknown = false;
  // The current hyphen chain, as in analyze: each word's span, and its folded form once a compound needs it.
  private chainStarts: number[] = [];
  private chainEnds: number[] = [];
  private chainFolded: (string | undefined)[] = [];
  private chainStop: boolean[] = [];
  /** A compound as it is put together (compoundId). */
  private readonly compoundBuf = new Uint16Array(MAX_TERM_LENGTH + 8);
  private chainLength = 0;
  private text = '';
  private field: FieldTerms | undefined;
  private withWords = false;
  private withCompounds = false;

  constructor(terms: Iterable<string>) {
    for (const term of terms) this.intern(term);
    this.stopIds = new Int32Array(STOP_WORDS.size);
    for (const word of STOP_WORDS) {
      const length = this.load(word);
      this.stopIds[this.stops.add(this.stringBuf, length, hashOf(this.stringBuf, length))] = this.intern(word);
    }
    this.knownCount = this.table.count;
  }

  /** The id of a term of the profile (added if new; only while building). */
  private intern(term: string): number {
    const length = this.load(term);
    const hash = hashOf(this.stringBuf, length);
    const id = this.table.find(this.stringBuf, length, hash);
    return id >= 0 ? id : this.table.add(this.stringBuf, length, hash);
  }

  /** The id of `term`: the profile's, else (when counting unknown terms) this call's; -1 otherwise. */
  idOf(term: string): number {
    if (term.length > this.stringBuf.length) return -1;
    const length = this.load(term);
    return this.lookup(this.stringBuf, length, hashOf(this.stringBuf, length), this.countUnknown);
  }

  /** Terms with ids: the profile's, then this call's unknown ones. */
  get termCount(): number {
    return this.table.count;
  }

  /** The term with id `id`, the profile's or this call's (for tests and tools). */
  term(id: number): string {
    return this.table.term(id);
  }

  /** Starts a scoring call: unknown terms get fresh ids (the previous call's are forgotten). */
  beginCall(countUnknown: boolean): void {
    this.table.truncate(this.knownCount);
    this.countUnknown = countUnknown;
  }

  private load(term: string): number {
    if (term.length > this.stringBuf.length) this.stringBuf = new Uint16Array(term.length * 2);
    for (let i = 0; i < term.length; i++) this.stringBuf[i] = term.charCodeAt(i);
    return term.length;
  }

  private lookup(buf: Uint16Array, length: number, hash: number, addUnknown: boolean): number {
    const id = this.table.find(buf, length, hash);
    if (id >= 0 || !addUnknown) return id;
    return this.table.add(buf, length, hash);
  }

  /**
   * Reads `text` into `field` (which the caller resets): index terms always; word ids when `withWords` (phrase
   * keywords); known compounds when `withCompounds` (keywords). Follows analyze() in lib/search/tokenize.ts.
   */
  scanField(text: string, field: FieldTerms, withWords: boolean, withCompounds: boolean): void {
    this.text = text;
    this.field = field;
    this.withWords = withWords;
    this.withCompounds = withCompounds;
    this.chainLength = 0;
    const n = text.length;
    let lastEnd = -2;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c < 0x80 ? !isWordClass(ASCII_CLASS[c]!) : wordCharLength(text, i) === 0) {
        i++;
        continue;
      }
      const start = i;
      // Plain: ASCII letters and digits only, no lower→Upper or letter→digit inside, not too long.
      let plain = true;
      let parts = false; // analyze's HAS_INNER_BOUNDARY | HAS_NON_ASCII: the word may have parts
      let prevKind = OTHER; // the class of the previous char (LOWER, UPPER, DIGIT; OTHER for a non-ASCII letter)
      let hash = FNV_OFFSET;
      const buf = this.buf;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c >= 97 && c <= 122) {
          // Lower-case, most of a text's chars: never a boundary, already folded.
          prevKind = LOWER;
          if (plain && i - start < MAX_TERM_LENGTH) {
            buf[i - start] = c;
            hash = Math.imul(hash ^ c, FNV_PRIME);
          } else plain = false;
          i++;
          continue;
        }
        const kind = c < 0x80 ? ASCII_CLASS[c]! : c === 0x2019 ? APOSTROPHE : OTHER;
        if (kind === APOSTROPHE) {
          if (i + 1 < n && wordCharLength(text, i + 1) > 0) {
            plain = false;
            i++;
            continue;
          }
          break;
        }
        if (kind === OTHER) {
          // Not ASCII: a letter or digit of another script, or the end of the word.
          const step = c < 0x80 ? 0 : wordCharLength(text, i);
          if (step === 0) break;
          plain = false;
          parts = true;
          prevKind = OTHER;
          i += step;
          continue;
        }
        if (INNER_BOUNDARY[prevKind * 4 + kind]) {
          parts = true;
          plain = false;
        }
        prevKind = kind;
        if (plain && i - start < MAX_TERM_LENGTH) {
          // `| 32` lower-cases A–Z and leaves a–z and 0–9 as they are.
          buf[i - start] = c | 32;
          hash = Math.imul(hash ^ (c | 32), FNV_PRIME);
        } else plain = false;
        i++;
      }
      const end = i;
      const joined = lastEnd === start - 1 && isHyphen(text.charCodeAt(start - 1));
      lastEnd = end;
      if (!joined && this.chainLength > 0) this.closeChain();
      if (plain) this.plainWord(start, end, hash);
      else this.otherWord(start, end, parts);
    }
    this.closeChain();
    this.field = undefined;
    this.text = '';
  }

  /** A word of ASCII letters and digits, lower-cased in buf with its hash. */
  private plainWord(start: number, end: number, foldedHash: number): void {
    const field = this.field!;
    const buf = this.buf;
    const length = end - start;
    const stopId = length <= MAX_STOP_LENGTH ? this.stops.find(buf, length, foldedHash) : -1;
    const stop = stopId >= 0;
    let id: number;
    if (stop) {
      id = this.stopIds[stopId]!;
    } else {
      const termLength = stemInPlace(buf, length);
      id = this.lookup(buf, termLength, termLength === length ? foldedHash : hashOf(buf, termLength), this.countUnknown);
    }
    if (this.withWords) field.addWord(id < this.knownCount ? id : -1);
    if (!stop && id >= 0) field.addTerm(id);
    this.chainWord(start, end, undefined, stop);
  }

  /** Any other word: through the analyzer's own functions, as analyze() does it. */
  private otherWord(start: number, end: number, hasParts: boolean): void {
    const field = this.field!;
    let raw = this.text.slice(start, end);
    const hasApostrophe = /['\u2019]/.test(raw);
    if (hasApostrophe) raw = raw.replace(/['\u2019]/g, '');
    const folded = foldWord(raw);
    if (!folded) return;
    const stop = isStopWord(folded);
    const term = stop ? folded : stemTerm(folded);
    if (term.length > MAX_TERM_LENGTH) {
      if (this.withWords) field.addWord(this.knownId(term));
      this.closeChain();
      return;
    }
    const id = stop ? this.knownId(term) : this.idOf(term);
    if (this.withWords) field.addWord(id < this.knownCount ? id : -1);
    if (!stop && id >= 0) field.addTerm(id);
    // As in analyze: only a word with an inner boundary or a non-ASCII letter is split (not `HTMLParser's`).
    if (hasParts) {
      for (const part of partsOf(raw, term)) {
        const partId = this.idOf(part);
        if (partId >= 0) field.addTerm(partId);
      }
    }
    this.chainWord(start, end, folded, stop);
  }

  /** The profile's id of `term`, or -1. */
  knownId(term: string): number {
    if (term.length > this.stringBuf.length) return -1;
    const length = this.load(term);
    const id = this.table.find(this.stringBuf, length, hashOf(this.stringBuf, length));
    return id < this.knownCount ? id : -1;
  }

  /** The folded length of the chain's word `w`. */
  private foldedLength(w: number): number {
    const folded = this.chainFolded[w];
    // Only plain words leave the folded form undefined: lower-cased ASCII, as long as the word.
    return folded === undefined ? this.chainEnds[w]! - this.chainStarts[w]! : folded.length;
  }

  /**
   * The profile's id of the chain's words [from, to) joined and stemmed (analyze's compound), or -1. Built in a
   * buffer: a listing's hyphen chains (`state-of-the-art`, `large-scale`) are many, and strings for each cost
   * more than the lookup.
   */
  private compoundId(from: number, to: number): number {
    const buf = this.compoundBuf;
    const text = this.text;
    let n = 0;
    for (let w = from; w < to; w++) {
      const folded = this.chainFolded[w];
      if (folded === undefined) {
        const end = this.chainEnds[w]!;
        for (let i = this.chainStarts[w]!; i < end; i++) buf[n++] = text.charCodeAt(i) | 32;
      } else {
        for (let i = 0; i < folded.length; i++) buf[n++] = folded.charCodeAt(i);
      }
    }
    const length = stemInPlace(buf, n);
    const id = this.table.find(buf, length, hashOf(buf, length));
    return id < this.knownCount ? id : -1;
  }

  private chainWord(start: number, end: number, folded: string | undefined, stop: boolean): void {
    const w = this.chainLength;
    this.chainStarts[w] = start;
    this.chainEnds[w] = end;
    this.chainFolded[w] = folded;
    this.chainStop[w] = stop;
    const k = ++this.chainLength;
    // Pairs with a stop word are not compounds (analyze); the whole chain may still be one (closeChain).
    if (k >= 2 && this.withCompounds && !stop && !this.chainStop[k - 2]) {
      if (this.foldedLength(k - 2) + this.foldedLength(k - 1) <= MAX_TERM_LENGTH) {
        const id = this.compoundId(k - 2, k);
        if (id >= 0) this.field!.addCompound(id);
      }
    }
  }

  /** Chains of three or more words also yield the whole chain, once they end (analyze's closeChain). */
  private closeChain(): void {
    const k = this.chainLength;
    this.chainLength = 0;
    if (k < 3 || k > 4 || !this.withCompounds) return;
    let length = 0;
    for (let w = 0; w < k; w++) length += this.foldedLength(w);
    if (length <= MAX_TERM_LENGTH) {
      const id = this.compoundId(0, k);
      if (id >= 0) this.field!.addCompound(id);
    }
  }
}

function hashOf(buf: Uint16Array, length: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
  return hash;
}

/**
 * stemTerm (lib/search/fold.ts) on buf[0, length) in place: the stemmed length (the -ies → -y case writes the y).
 * Plain words are lower-case ASCII letters and digits; stemTerm leaves words with digits alone.
 */
function stemInPlace(buf: Uint16Array, n: number): number {
  if (n < 4 || buf[n - 1] !== 115) return n;
  for (let i = 0; i < n; i++) {
    const c = buf[i]!;
    if (c < 97 || c > 122) return n;
  }
  const c1 = buf[n - 2]!;
  const c2 = buf[n - 3]!;
  const c3 = buf[n - 4]!;
  if (c1 === 101 && c2 === 115 && c3 === 115) return n - 2; // -sses
  if (c1 === 101 && c2 === 105 && n > 4 && c3 !== 101 && c3 !== 97) {
    buf[n - 3] = 121; // -ies → -y
    return n - 2;
  }
  // -ss, -us, -is (and so -ous): not plurals.
  if (c1 === 115 || c1 === 117 || c1 === 105) return n;
  return n - 1;
}
