/**
 * Compact number streams for the serialised index: LEB128 varints in a growable byte buffer, carried in JSON as
 * base64. Posting lists are sorted, so their gaps are small and most take one byte; the index for 87k abstracts
 * serialises to about a quarter of its JSON-array size and decodes without a JSON parse per number.
 * Pure code (no Buffer, no atob): the same module runs in the extension's service worker and in Node.
 */

export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  /** Appends a non-negative integer below 2^32. */
  writeVarint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  finish(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

export class ByteReader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  readVarint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.position >= this.bytes.length) throw new Error('search: the serialised index ends early; rebuild it from the papers');
      const byte = this.bytes[this.position++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
      if (shift > 35) throw new Error('search: the serialised index holds a malformed number; rebuild it from the papers');
    }
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 3 * 8192;
  const codes = new Uint16Array((CHUNK / 3) * 4);
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, bytes.length);
    let out = 0;
    let i = offset;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      codes[out++] = ALPHABET.charCodeAt(n >> 18);
      codes[out++] = ALPHABET.charCodeAt((n >> 12) & 63);
      codes[out++] = ALPHABET.charCodeAt((n >> 6) & 63);
      codes[out++] = ALPHABET.charCodeAt(n & 63);
    }
    if (i < end) {
      const n = (bytes[i]! << 16) | ((i + 1 < end ? bytes[i + 1]! : 0) << 8);
      codes[out++] = ALPHABET.charCodeAt(n >> 18);
      codes[out++] = ALPHABET.charCodeAt((n >> 12) & 63);
      codes[out++] = i + 1 < end ? ALPHABET.charCodeAt((n >> 6) & 63) : 61;
      codes[out++] = 61; // '='
    }
    chunks.push(String.fromCharCode.apply(null, codes.subarray(0, out) as unknown as number[]));
  }
  return chunks.join('');
}

export function decodeBase64(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61) length--;
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  let out = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) throw new Error(`search: the serialised index has a bad character at ${i}; rebuild it from the papers`);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, out);
}
