import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from './json-locate';

describe('scanJson', () => {
  it('finds where each record of a top-level array starts', () => {
    const text = '[\n  {"a": 1},\n  "two",\n  [3]\n]';
    expect([...scanJson(text).records]).toEqual([
      ['[0]', 4],
      ['[1]', 16],
      ['[2]', 25],
    ]);
  });

  it('finds records in arrays under a top-level object', () => {
    const text = '{"format": "x", "papers": [{"id": 1}, {"id": 2}], "notes": []}';
    expect(Object.fromEntries(scanJson(text).records)).toEqual({ 'papers[0]': 27, 'papers[1]': 38 });
  });

  it.each([
    ['[{"a": 1}, {"b": ', { reason: 'the file ends before the JSON is complete (it looks truncated)', record: '[1]' }],
    ['[{"a": 1}, {"b": "cut', { reason: 'the file ends inside a string (it looks truncated)', record: '[1]' }],
    ['{"papers": [{"id": 1,}]}', { reason: 'unexpected "}" where a quoted property name should be', record: 'papers[0]' }],
    ['[1 2]', { reason: 'unexpected "2" where "," or "]" should be' }],
    ['{"a": tru}', { reason: 'unexpected "t" where a value should be' }],
    ['[] []', { reason: 'unexpected "[" after the end of the JSON' }],
    ['["a\\qb"]', { reason: 'an invalid escape "\\\\q" inside a string', record: '[0]' }],
    ['["two\nlines"]', { reason: 'a line break or control character inside a string (it must be written as \\n or \\u00XX)' }],
  ])('reports the first error in %j', (text, error) => {
    expect(scanJson(text).error).toMatchObject(error);
  });

  it('accepts exactly what JSON.parse accepts, on JSON and on mangled JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.nat({ max: 3 }), (json, at, cut) => {
        const mangled = cut === 0 ? json : json.slice(0, at % (json.length + 1)) + ['', ',', '}', '"'][cut] + json.slice(at % (json.length + 1));
        let valid = true;
        try {
          JSON.parse(mangled);
        } catch {
          valid = false;
        }
        expect(scanJson(mangled).error === undefined).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('survives deep nesting without overflowing the stack', () => {
    expect(scanJson('['.repeat(200_000)).error?.reason).toMatch(/truncated/);
  });
});
