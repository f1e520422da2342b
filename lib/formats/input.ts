/**
 * What every importer shares before and after parsing: the size limit, byte decoding, the typed error and
 * offset → line conversion.
 */

/**
 * Inputs above this are refused before any parsing. A 5,000-paper backup with long notes is about 10 MB; 50 MB
 * leaves room for real libraries while keeping a runaway file from freezing the page that imports it.
 * @default 50 MiB
 */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Why an import was refused. `entry` names the record the way its format does; `line` is 1-based. */
export interface ImportError {
  message: string;
  /**
   * The record as its format names it: citation key or `#n` (BibTeX), `ID` or `#n` (RIS), `id` or JSON path `[3]`
   * (CSL-JSON), JSON path such as `papers[3]` (backup). `#n` counts from 1, JSON paths from 0.
   */
  entry?: string;
  /** 1-based line of the start of that entry in the input. */
  line?: number;
}

/** Thrown only by the few functions whose signature returns a plain value (`decodeInput`); carries the same detail. */
export class FormatError extends Error {
  readonly detail: ImportError;
  constructor(detail: ImportError) {
    super(detail.message);
    this.name = 'FormatError';
    this.detail = detail;
  }
}

export function tooLargeError(byteLength: number): ImportError {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    message: `import: the file is ${mb(byteLength)} MB, over the ${mb(MAX_INPUT_BYTES)} MB limit; nothing was read. Split it (for example export one list at a time) and import the parts.`,
  };
}

/** UTF-8 length of a string without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The UTF-8 size when it exceeds MAX_INPUT_BYTES, else undefined. A code unit is one to three bytes, so short
 * strings need no count at all, and a long one costs a single scan (about 20 ms for 20 million characters).
 */
export function oversizeBytes(text: string): number | undefined {
  if (text.length * 3 <= MAX_INPUT_BYTES) return undefined;
  const bytes = utf8Length(text);
  return bytes > MAX_INPUT_BYTES ? bytes : undefined;
}

/**
 * Bytes of an imported file → text. A byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE) and is dropped; without
 * one, valid UTF-8 is UTF-8 and anything else is read as Windows-1252, the encoding of most old .bib files that
 * are not UTF-8 (Latin-1 is a subset). UTF-16 without a mark is recognised by its zero bytes, as Windows
 * Notepad and some exporters write it. Throws FormatError for inputs over MAX_INPUT_BYTES, before decoding.
 */
export function decodeInput(bytes: Uint8Array): string {
  if (bytes.length > MAX_INPUT_BYTES) throw new FormatError(tooLargeError(bytes.length));
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const unmarked = guessUnmarkedUtf16(bytes);
  if (unmarked) return new TextDecoder(unmarked).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Some engines (Node 20 among them) decode the 'windows-1252' label as ISO-8859-1, leaving bytes 0x80–0x9F as
    // C1 controls; map those to the Windows-1252 characters the file meant (– ” € …).
    return new TextDecoder('windows-1252')
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
}

// Bytes 0x80–0x9F in Windows-1252 (https://encoding.spec.whatwg.org/index-windows-1252.txt); the five unassigned
// bytes stay as they are.
const WINDOWS_1252_HIGH = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

/** ASCII-heavy text in UTF-16 has a zero in every other byte; text in UTF-8 never contains a zero byte. */
function guessUnmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** Offset → 1-based line, by binary search over newline positions found once. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** 1-based line of one offset, for error paths that need a single lookup. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
