import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from './vocabulary';

/** Optimal string alignment distance, the textbook way: the reference the trie walk must agree with. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function vocabularyOf(terms: readonly string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const term of terms) vocabulary.intern(term);
  return vocabulary;
}

function fuzzy(vocabulary: Vocabulary, query: string, distance: number, sameFirstLetter = false): string[] {
  const found: string[] = [];
  vocabulary.fuzzy(query, distance, sameFirstLetter, (id, d) => found.push(`${vocabulary.terms[id]}:${d}`));
  return found.sort();
}

describe('Vocabulary', () => {
  const vocabulary = vocabularyOf(['neural', 'numeral', 'nural', 'network', 'learning', 'leaning', 'earning', 'reinforcement', 'model', 'mode', 'models']);

  it('interns terms once', () => {
    const v = vocabularyOf(['a', 'b', 'a']);
    expect(v.size).toBe(2);
    expect(v.idOf('a')).toBe(0);
    expect(v.idOf('c')).toBeUndefined();
  });

  it.each([
    ['nueral', 1, false, ['neural:1', 'numeral:1', 'nural:1']], // a swap is one edit
    ['lerning', 1, false, ['leaning:1', 'learning:1']],
    ['reinforcment', 1, false, ['reinforcement:1']],
    ['earning', 1, true, ['earning:0']], // 'learning' is one edit away, but not under the same first letter
    ['model', 1, false, ['mode:1', 'model:0', 'models:1']],
  ] as const)('finds %s within %i edit(s)', (query, distance, sameFirstLetter, expected) => {
    expect(fuzzy(vocabulary, query, distance, sameFirstLetter)).toEqual([...expected].sort());
  });

  it('agrees with a brute-force edit distance on random vocabularies', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, fc.integer({ min: 1, max: 2 }), fc.boolean(), (terms, query, distance, sameFirst) => {
        const v = vocabularyOf(terms);
        const expected = terms
          .filter((t) => (!sameFirst || t[0] === query[0]) && osa(t, query) <= distance)
          .map((t) => `${t}:${osa(t, query)}`)
          .sort();
        expect(fuzzy(v, query, distance, sameFirst)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('lists completions of a prefix, also for terms added after a lookup', () => {
    const v = vocabularyOf(['scale', 'scaling', 'scalar', 'score']);
    const completions = (prefix: string) => [...v.withPrefix(prefix)].map((id) => v.terms[id]).sort();
    expect(completions('scal')).toEqual(['scalar', 'scale', 'scaling']);
    v.intern('scalable');
    expect(completions('scal')).toEqual(['scalable', 'scalar', 'scale', 'scaling']);
    expect(completions('x')).toEqual([]);
  });

  it('searches a subset of its terms', () => {
    const frequent = vocabulary.subset((id) => vocabulary.terms[id]!.startsWith('n'));
    const found: string[] = [];
    frequent.fuzzy('nueral', 1, false, (id) => found.push(vocabulary.terms[id]!));
    expect(found.sort()).toEqual(['neural', 'numeral', 'nural']);
  });
});
