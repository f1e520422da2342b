import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorsMatch, parseAuthorName } from './authors';

describe('parseAuthorName', () => {
  it.each([
    ['John Smith', { family: 'smith', given: 'john' }],
    ['J. Smith', { family: 'smith', given: 'j' }],
    ['Smith, J.', { family: 'smith', given: 'j' }],
    ['Smith, John', { family: 'smith', given: 'john' }],
    ['Smith J', { family: 'smith', given: 'j' }], // PubMed order
    ['John Smith Jr.', { family: 'smith', given: 'john' }],
    ['John Smith, Jr.', { family: 'smith', given: 'john' }],
    ['Jürgen Schmidhuber', { family: 'schmidhuber', given: 'jurgen' }],
    ['Laurens van der Maaten', { family: 'maaten', given: 'laurens' }],
    ['van der Maaten, L.', { family: 'maaten', given: 'l' }],
    ["Sean O'Brien", { family: 'obrien', given: 'sean' }],
    ['Jean-Pierre Dupont-Moretti', { family: 'dupontmoretti', given: 'jean' }],
    ['Schmidhuber', { family: 'schmidhuber', given: '' }],
  ] as const)('%s', (raw, name) => {
    expect(parseAuthorName(raw)).toEqual(name);
  });

  it.each(['', '   ', ', .', '—'])('holds no name: %j', (raw) => {
    expect(parseAuthorName(raw)).toBeUndefined();
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => void parseAuthorName(raw)), { numRuns: 300 });
  });
});

describe('authorsMatch', () => {
  const smithForms = ['Smith, J.', 'J. Smith', 'John Smith', 'Smith, John', 'Smith J', 'John A. Smith', 'JOHN SMITH'];
  it.each(smithForms.flatMap((a) => smithForms.map((b) => [a, b] as const)))('%s meets %s', (a, b) => {
    expect(authorsMatch(a, b)).toBe(true);
  });

  it.each([
    ['J. Smith', 'Jane Smyth', false], // a different family name, even with the same initial
    ['John Smith', 'Jane Smith', false], // both given names spelled out and different
    ['J. Smith', 'Jane Smith', true], // an initial cannot tell them apart
    ['J. Smith', 'K. Smith', false],
    ['Jürgen Schmidhuber', 'Jurgen Schmidhuber', true],
    ['Schmidhuber, Jürgen', 'J. Schmidhuber', true],
    ['Łukasz Kaiser', 'Lukasz Kaiser', true],
    ['Laurens van der Maaten', 'van der Maaten, L.', true],
    ['Schmidhuber', 'Jürgen Schmidhuber', true], // a family name alone watches every given name
    ['John Smith', 'Smithson, John', false],
    ['Yann LeCun', 'Yann Lecun', true],
  ] as const)('%s vs %s → %s', (a, b, same) => {
    expect(authorsMatch(a, b)).toBe(same);
    expect(authorsMatch(b, a)).toBe(same);
  });
});
