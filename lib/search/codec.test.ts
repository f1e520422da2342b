import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, decodeBase64, encodeBase64 } from './codec';

describe('codec', () => {
  it('round-trips varints', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 200 }), (numbers) => {
        const writer = new ByteWriter();
        for (const n of numbers) writer.writeVarint(n);
        const reader = new ByteReader(writer.finish());
        expect(numbers.map(() => reader.readVarint())).toEqual(numbers);
        expect(reader.done).toBe(true);
      }),
    );
  });

  it('writes small numbers in one byte', () => {
    const writer = new ByteWriter();
    writer.writeVarint(127);
    writer.writeVarint(128);
    expect([...writer.finish()]).toEqual([127, 0x80, 1]);
  });

  it('round-trips base64 and matches the standard alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('names the problem in a damaged stream', () => {
    expect(() => decodeBase64('ab$d')).toThrow('search: the serialised index has a bad character at 2; rebuild it from the papers');
    expect(() => new ByteReader(new Uint8Array([0x80])).readVarint()).toThrow('search: the serialised index ends early; rebuild it from the papers');
  });
});
