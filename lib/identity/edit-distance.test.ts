import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance';

/** The textbook full-matrix Levenshtein distance, as the reference. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

describe('boundedEditDistance', () => {
  it.each([
    ['', '', 3, 0],
    ['abc', '', 3, 3],
    ['', 'abcd', 3, 4], // over the bound: max + 1
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3],
    ['scalinglawsforprecision', 'scalinglawsforprediction', 5, 3],
    ['flaw', 'lawn', 2, 2],
    ['abcdef', 'abcdef', 0, 0],
    ['abcdef', 'abcdeg', 0, 1],
  ])('%j vs %j within %i → %i', (a, b, max, expected) => {
    expect(boundedEditDistance(a, b, max)).toBe(expected);
    expect(boundedEditDistance(b, a, max)).toBe(expected);
  });

  it('equals the full distance when within the bound, and max + 1 otherwise', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 8 }), (a, b, max) => {
        const full = editDistance(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 3000 },
    );
  });
});
