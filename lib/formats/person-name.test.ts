import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinName, splitName } from './person-name';

describe('splitName', () => {
  it.each([
    ['Ashish Vaswani', { given: 'Ashish', family: 'Vaswani' }],
    ['Jean de la Fontaine', { given: 'Jean', 'non-dropping-particle': 'de la', family: 'Fontaine' }],
    ['Plato', { family: 'Plato' }],
    ['Aidan N. Gomez', { given: 'Aidan N.', family: 'Gomez' }],
    ['Martin Luther King, Jr.', { literal: 'Martin Luther King, Jr.' }],
    ['OpenAI 2', { literal: 'OpenAI 2' }],
    ['de Gaulle', { given: 'de', family: 'Gaulle' }],
  ])('%s', (name, parts) => {
    expect(splitName(name)).toEqual(parts);
  });

  it('joins back to exactly the name it split', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(joinName(splitName(name))).toBe(name);
      }),
    );
  });
});
