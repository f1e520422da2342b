/**
 * Text → index terms, with their spans. One scanner serves indexing (87k abstracts, so it walks char codes and
 * allocates little), queries, snippets and highlights, so all four split text the same way.
 *
 * A *word* is a run of letters, digits and combining marks; an apostrophe inside a word is dropped
 * (`Schrödinger's` → `schrodinger`). Each word yields its term (see fold.ts) and, beside it:
 * - *parts* of camelCase and letter→digit words: `HyenaDNA` → `hyena`, `dna`; `ResNet50` → `res`, `net`, `50`,
 *   `resnet`. Titles coin such names and people type them apart (`hyena dna`).
 * - *compounds* of hyphen chains: `pre-training` → `pretraining`, `vision-language-action` →
 *   `visionlanguage`, `languageaction`, `visionlanguageaction`. Authors write both spellings.
 */
import { foldWord, isStopWord, stemTerm } from './fold';

export const WORD = 0;
export const PART = 1;
export const COMPOUND = 2;
/** What a term stands for: a word as written, a part of one, or a hyphen compound. */
export type TermKind = typeof WORD | typeof PART | typeof COMPOUND;

/**
 * Called once per term, in text order (a word's parts and the compound it closes come right after it).
 * `stop` is set for stop words, which indexing skips but title sequence matching uses. Returning `true` from a
 * word's visit ends the walk (a phrase check stops at its first occurrence).
 */
export type TermVisitor = (term: string, kind: TermKind, start: number, end: number, stop: boolean) => boolean | void;

/** Longer "words" are URLs, hashes or glued junk: kept in sequences, never indexed. */
export const MAX_TERM_LENGTH = 40;
/** Hyphen chains longer than this (`state-of-the-art-in-...`) only yield their adjacent pairs. */
const MAX_COMPOUND_WORDS = 4;

const HAS_NON_ASCII = 1;
const HAS_APOSTROPHE = 2;
/** lower→Upper or letter→digit inside the word: it may have parts. */
const HAS_INNER_BOUNDARY = 4;
const HAS_UPPER = 8;

const nonAsciiWordChar = new Map<number, boolean>();
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** Letters, digits and marks; tested once per distinct non-ASCII code point. */
function isNonAsciiWordChar(codePoint: number): boolean {
  let known = nonAsciiWordChar.get(codePoint);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint));
    if (nonAsciiWordChar.size < 4096) nonAsciiWordChar.set(codePoint, known);
  }
  return known;
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Length in code units of the word character at `i`, or 0 when it is not one. */
export function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiAlnum(c) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  return isNonAsciiWordChar(cp) ? (cp > 0xffff ? 2 : 1) : 0;
}

export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

const INNER_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2})/u;
const FIRST_DIGIT = /\p{N}/u;

/** The extra terms a camelCase or letter→digit word answers to (see the module comment). */
export function partsOf(raw: string, whole: string): string[] {
  const pieces = ASCII_WORD.test(raw) ? asciiPieces(raw) : raw.split(INNER_BOUNDARY);
  if (pieces.length < 2) return [];
  const parts: string[] = [];
  const add = (piece: string): void => {
    const folded = foldWord(piece);
    if (!folded || isStopWord(folded)) return;
    const term = stemTerm(folded);
    if (term !== whole && !parts.includes(term)) parts.push(term);
  };
  for (const piece of pieces) add(piece);
  const digit = FIRST_DIGIT.exec(raw);
  if (digit && digit.index > 1) add(raw.slice(0, digit.index));
  return parts;
}

const ASCII_WORD = /^[A-Za-z0-9]*$/;

/**
 * `raw.split(INNER_BOUNDARY)` for a word of ASCII letters and digits, without the Unicode-aware regex (which
 * costs about a microsecond a word: `GPT4`, `ResNet50` and `LLaMA` are common in abstracts).
 */
function asciiPieces(raw: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (let i = 1; i < raw.length; i++) {
    const before = raw.charCodeAt(i - 1);
    const here = raw.charCodeAt(i);
    const beforeLower = before >= 97;
    const beforeUpper = before >= 65 && before <= 90;
    const hereUpper = here >= 65 && here <= 90;
    const boundary =
      (beforeLower && hereUpper) ||
      ((beforeLower || beforeUpper) && here <= 57) ||
      (beforeUpper && hereUpper && raw.charCodeAt(i + 1) >= 97 && raw.charCodeAt(i + 2) >= 97);
    if (boundary) {
      pieces.push(raw.slice(from, i));
      from = i;
    }
  }
  pieces.push(raw.slice(from));
  return pieces;
}

/** Walks `text` and calls `visit` for every term (see TermVisitor). Never throws. */
export function analyze(text: string, visit: TermVisitor): void {
  const n = text.length;
  let lastEnd = -2;
  // The current hyphen chain: its folded words and where each starts.
  const chain: string[] = [];
  const chainStarts: number[] = [];
  let chainLength = 0;
  let chainEnd = 0;
  let i = 0;
  while (i < n) {
    if (wordCharLength(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    let flags = 0;
    let prevKind = 0; // 1 lower, 2 upper, 3 digit, 4 other letter
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isApostrophe(c)) {
        if (i + 1 < n && wordCharLength(text, i + 1) > 0) {
          flags |= HAS_APOSTROPHE;
          i++;
          continue;
        }
        break;
      }
      if (c < 0x80) {
        let kind: number;
        if (c >= 97 && c <= 122) kind = 1;
        else if (c >= 65 && c <= 90) kind = 2;
        else if (c >= 48 && c <= 57) kind = 3;
        else break;
        if (kind === 2) flags |= HAS_UPPER;
        if ((prevKind === 1 && kind === 2) || ((prevKind === 1 || prevKind === 2) && kind === 3)) flags |= HAS_INNER_BOUNDARY;
        prevKind = kind;
        i++;
      } else {
        const step = wordCharLength(text, i);
        if (step === 0) break;
        flags |= HAS_NON_ASCII;
        prevKind = 4;
        i += step;
      }
    }
    const end = i;
    let raw = text.slice(start, end);
    if (flags & HAS_APOSTROPHE) raw = raw.replace(/['\u2019]/g, '');
    // Most words are lower-case ASCII already: skip the fold for them (the scan above knows).
    const folded = flags & HAS_NON_ASCII ? foldWord(raw) : flags & HAS_UPPER ? raw.toLowerCase() : raw;
    const joined = lastEnd === start - 1 && isHyphen(text.charCodeAt(start - 1));
    lastEnd = end;
    if (!joined && chainLength > 0) closeChain();
    if (!folded) continue;
    const stop = isStopWord(folded);
    const term = stop ? folded : stemTerm(folded);
    if (term.length > MAX_TERM_LENGTH) {
      if (visit(term, WORD, start, end, true) === true) return;
      closeChain();
      continue;
    }
    if (visit(term, WORD, start, end, stop) === true) return;
    if (flags & (HAS_INNER_BOUNDARY | HAS_NON_ASCII)) {
      for (const part of partsOf(raw, term)) visit(part, PART, start, end, false);
    }
    chain[chainLength] = folded;
    chainStarts[chainLength] = start;
    const k = ++chainLength;
    if (k >= 2) {
      const previous = chain[k - 2]!;
      // Pairs with a stop word (`of-the`) are noise; the whole chain still joins them (`stateoftheart`).
      if (!stop && !isStopWord(previous) && previous.length + folded.length <= MAX_TERM_LENGTH) {
        visit(stemTerm(previous + folded), COMPOUND, chainStarts[k - 2]!, end, false);
      }
    }
    chainEnd = end;
  }
  closeChain();

  /** Chains of three or more words also yield the whole chain (`stateoftheart`), once they end. */
  function closeChain(): void {
    const k = chainLength;
    chainLength = 0;
    if (k < 3 || k > MAX_COMPOUND_WORDS) return;
    let whole = '';
    for (let w = 0; w < k; w++) whole += chain[w]!;
    if (whole.length <= MAX_TERM_LENGTH) visit(stemTerm(whole), COMPOUND, chainStarts[0]!, chainEnd, false);
  }
}

/** A word of a text with its span, for sequences, snippets and highlights. */
export interface TextWord {
  term: string;
  start: number;
  end: number;
  stop: boolean;
}

/** The words of `text` (no parts, no compounds), in order. */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  analyze(text, (term, kind, start, end, stop) => {
    if (kind === WORD) words.push({ term, start, end, stop });
  });
  return words;
}

/**
 * Checks texts for a phrase: whether their words hold `terms` in a row (the last one as a prefix when `open`).
 *
 * When every letter of a text is ASCII (nearly every abstract; smart quotes and dashes do not matter) it only
 * tokenises around the places where the first term can start. A term is a prefix of its word, case aside and
 * apostrophes aside (they only ever join letters); a stem ending in `y` may come from `-ies`, so the `y` is left
 * out. A case-insensitive pattern allowing apostrophes between letters thus finds every candidate, and since
 * words are delimited by their own characters, a window starting at one tokenises as the whole text would.
 * Text with other letters (accents, Greek) is walked in full.
 */
export class PhraseMatcher {
  private readonly start: RegExp | undefined;

  constructor(
    private readonly terms: readonly string[],
    private readonly open: boolean,
  ) {
    const first = terms[0] ?? '';
    const root = first.length > 1 && first.endsWith('y') ? first.slice(0, -1) : first;
    // Index terms of ASCII text are ASCII letters and digits; a root with anything else cannot start there.
    if (/^[a-z0-9]+$/.test(root) && terms.length <= 30) this.start = new RegExp([...root].join("['\u2019]?"), 'gi');
  }

  test(text: string): boolean {
    const { terms, open } = this;
    const n = terms.length;
    if (n === 0) return false;
    if (!this.start || (NON_ASCII.test(text) && NON_ASCII_WORD_CHAR.test(text))) return walkSequence(text, terms, open, false);
    const pattern = this.start;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const at = match.index;
      pattern.lastIndex = at + 1;
      if (at > 0 && (isAsciiAlnum(text.charCodeAt(at - 1)) || (isApostrophe(text.charCodeAt(at - 1)) && at > 1 && isAsciiAlnum(text.charCodeAt(at - 2))))) {
        continue; // inside a word
      }
      let end = Math.min(text.length, at + 48 * n);
      while (end < text.length && (isAsciiAlnum(text.charCodeAt(end)) || isApostrophe(text.charCodeAt(end)))) end++;
      if (walkSequence(text.slice(at, end), terms, open, true)) return true;
    }
    return false;
  }
}

/** Whether the words of `text` hold `terms` in a row (see PhraseMatcher, which to reuse for many texts). */
export function containsSequence(text: string, terms: readonly string[], open: boolean): boolean {
  return new PhraseMatcher(terms, open).test(text);
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_WORD_CHAR = /(?![\x00-\x7f])[\p{L}\p{N}\p{M}]/u;

/** The word walk behind containsSequence; `anchored` only accepts a run starting at the first word. */
function walkSequence(text: string, terms: readonly string[], open: boolean, anchored: boolean): boolean {
  const n = terms.length;
  if (n > 30) {
    // Beyond the bit mask below (the parser keeps 32 words in all, so only hand-built queries get here).
    const words = textWords(text);
    const at = (i: number) => terms.every((t, j) => (j === n - 1 && open ? words[i + j]?.term.startsWith(t) : words[i + j]?.term === t));
    return anchored ? at(0) : words.some((_, i) => at(i));
  }
  // Bit j of `state`: the words just read end with terms[0..j].
  let state = 0;
  let found = false;
  let index = 0;
  const full = 1 << (n - 1);
  analyze(text, (term, kind) => {
    if (kind !== WORD) return;
    let next = 0;
    for (let j = n - 1; j >= 0; j--) {
      if (j > 0 ? !(state & (1 << (j - 1))) : anchored && index > 0) continue;
      const want = terms[j]!;
      if (j === n - 1 && open ? term.startsWith(want) : term === want) next |= 1 << j;
    }
    index++;
    state = next;
    if (state & full) found = true;
    // Anchored: nothing can start after the first word, so stop once the run breaks.
    return found || (anchored && state === 0);
  });
  return found;
}

/** Every term `text` is indexed under (stop words excluded), duplicates kept. For tests and tools. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  analyze(text, (term, _kind, _start, _end, stop) => {
    if (!stop) terms.push(term);
  });
  return terms;
}
