import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findApproximate, scanDistances } from './approximate-search';

/** The textbook DP (Sellers 1980): D[i][j] over pattern rows and text columns; row 0 is 0 (or j when anchored). */
function referenceDistances(text: string, pattern: string, anchored: boolean): number[] {
  let prev = Array.from({ length: text.length + 1 }, (_, j) => (anchored ? j : 0));
  for (let i = 1; i <= pattern.length; i++) {
    const cur = [i];
    for (let j = 1; j <= text.length; j++) {
      const sub = prev[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev.slice(1);
}

function distances(text: string, pattern: string, anchored: boolean): number[] {
  const out: number[] = [];
  scanDistances(text, pattern, anchored, (_end, d) => out.push(d));
  return out;
}

const levenshtein = (a: string, b: string) => referenceDistances(b, a, true).at(-1) ?? a.length;

describe('scanDistances', () => {
  // Patterns up to 100 characters cross block boundaries (32, 64, 96), where the multi-block carries live.
  const alphabet = fc.constantFrom('a', 'b', 'c', ' ');
  const word = (max: number) => fc.array(alphabet, { maxLength: max }).map((cs) => cs.join(''));

  it('agrees with the dynamic programme, semi-global and anchored', () => {
    fc.assert(
      fc.property(word(120), word(100), fc.boolean(), (text, pattern, anchored) => {
        expect(distances(text, pattern, anchored)).toEqual(referenceDistances(text, pattern, anchored));
      }),
      { numRuns: 400 },
    );
  });
});

describe('findApproximate', () => {
  it.each([
    { text: 'the quick brown fox', pattern: 'quick', maxErrors: 0, expected: [{ start: 4, end: 9, errors: 0 }] },
    // A transposition is two edits; dropping the trailing letter is one.
    { text: 'the quikc brown fox', pattern: 'quick', maxErrors: 2, expected: [{ start: 4, end: 8, errors: 1 }] },
    { text: 'the quck brown fox', pattern: 'quick', maxErrors: 1, expected: [{ start: 4, end: 8, errors: 1 }] },
    { text: 'abc xyz abd', pattern: 'abc', maxErrors: 1, expected: [{ start: 0, end: 3, errors: 0 }, { start: 8, end: 11, errors: 1 }] },
    { text: 'nothing here', pattern: 'quick', maxErrors: 1, expected: [] },
  ])('finds $pattern in "$text" with ≤ $maxErrors errors', ({ text, pattern, maxErrors, expected }) => {
    expect(findApproximate(text, pattern, maxErrors)).toEqual(expected);
  });

  it('reports matches whose substring really is that many edits away', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 80 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 40 }),
        fc.nat(6),
        (text, pattern, k) => {
          for (const m of findApproximate(text, pattern, k)) {
            expect(m.errors).toBeLessThanOrEqual(k);
            expect(levenshtein(pattern, text.slice(m.start, m.end))).toBe(m.errors);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a 10,000-character pattern with edits in a long text', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = Array.from({ length: 4000 }, () => `w${Math.floor(random() * 5000)}`).join(' ');
    const pattern = words.slice(5000, 15000);
    const edited = `${words.slice(0, 6000)}XX${words.slice(6010, 9000)}Y${words.slice(9000)}`;
    const [best] = findApproximate(edited, pattern, 100);
    expect(best).toBeDefined();
    expect(best!.errors).toBeLessThanOrEqual(11);
    expect(Math.abs(best!.start - 5000)).toBeLessThanOrEqual(1);
  });
});
