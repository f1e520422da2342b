import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInput, FormatError, LineIndex, lineOfOffset, MAX_INPUT_BYTES, oversizeBytes } from './input';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeInput', () => {
  it.each([
    ['UTF-8', bytes(0x41, 0xc3, 0xa9), 'Aé'],
    ['UTF-8 with BOM (dropped)', bytes(0xef, 0xbb, 0xbf, 0x41), 'A'],
    ['UTF-16 LE with BOM', bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00), 'Aé'],
    ['UTF-16 BE with BOM', bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9), 'Aé'],
    ['UTF-16 LE without BOM', bytes(0x40, 0x00, 0x6d, 0x00, 0x69, 0x00, 0x73, 0x00, 0x63, 0x00), '@misc'],
    ['UTF-16 BE without BOM', bytes(0x00, 0x40, 0x00, 0x6d, 0x00, 0x69, 0x00, 0x73), '@mis'],
    ['Windows-1252 (not valid UTF-8)', bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80, 0x93, 0x94), 'Café – €“”'],
    ['empty', bytes(), ''],
  ])('decodes %s', (_name, input, text) => {
    expect(decodeInput(input)).toBe(text);
  });

  it('decodes any UTF-8 text to itself (a leading BOM aside, and NULs, which only UTF-16 is full of)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((t) => !t.startsWith('\ufeff') && !t.includes('\u0000')), (text) => {
        expect(decodeInput(new TextEncoder().encode(text))).toBe(text);
      }),
    );
  });

  it('refuses more than 50 MB before decoding, with a FormatError carrying the message', () => {
    const oversized = new Uint8Array(MAX_INPUT_BYTES + 1);
    expect(() => decodeInput(oversized)).toThrow(FormatError);
    expect(() => decodeInput(oversized)).toThrow('import: the file is 50.0 MB, over the 50.0 MB limit; nothing was read.');
  });
});

describe('oversizeBytes', () => {
  it.each([
    ['a short string', 'abc', undefined],
    ['50 MB of ASCII exactly', 'a'.repeat(MAX_INPUT_BYTES), undefined],
    ['one byte more', 'a'.repeat(MAX_INPUT_BYTES + 1), MAX_INPUT_BYTES + 1],
    ['emoji counted as four bytes', '😀'.repeat(MAX_INPUT_BYTES / 4 + 1), MAX_INPUT_BYTES + 4],
  ])('%s', (_name, text, expected) => {
    expect(oversizeBytes(text)).toBe(expected);
  });
});

describe('LineIndex', () => {
  it('agrees with counting newlines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % text.length;
        expect(new LineIndex(text).lineAt(offset)).toBe(text.slice(0, offset).split('\n').length);
        expect(lineOfOffset(text, offset)).toBe(text.slice(0, offset).split('\n').length);
      }),
    );
  });
});
