import { describe, expect, it } from 'vitest';
import { mergeInterests, normalizeInterests, sameInterests, MAX_INTERESTS } from './interests';

describe('normalizeInterests', () => {
  it.each([
    ['trims and drops empty entries', { keywords: ['  diffusion ', '', '   '] }, { keywords: ['diffusion'], authors: [], likeMyLibrary: true }],
    ['drops keywords repeated in another case or accent', { keywords: ['Schrödinger bridge', 'schrodinger  BRIDGE'] }, { keywords: ['Schrödinger bridge'], authors: [], likeMyLibrary: true }],
    ['drops an author written in another form', { authors: ['John Smith', 'Smith, John', 'Jane Smith'] }, { keywords: [], authors: ['John Smith', 'Jane Smith'], likeMyLibrary: true }],
    ['keeps "like my library" off when off', { likeMyLibrary: false }, { keywords: [], authors: [], likeMyLibrary: false }],
    ['gives the defaults for nothing', undefined, { keywords: [], authors: [], likeMyLibrary: true }],
  ] as const)('%s', (_name, input, expected) => {
    expect(normalizeInterests(input as never)).toEqual(expected);
  });

  it(`keeps at most ${MAX_INTERESTS} keywords`, () => {
    const many = Array.from({ length: MAX_INTERESTS + 50 }, (_, i) => `topic ${i}`);
    expect(normalizeInterests({ keywords: many }).keywords).toHaveLength(MAX_INTERESTS);
  });
});

describe('mergeInterests', () => {
  it('unions keywords and authors, current first, and takes the incoming library setting', () => {
    const merged = mergeInterests(
      { keywords: ['diffusion'], authors: ['Yann LeCun'], likeMyLibrary: true },
      { keywords: ['Diffusion', 'SLAM'], authors: ['LeCun, Yann', 'Fei-Fei Li'], likeMyLibrary: false },
    );
    expect(merged).toEqual({ keywords: ['diffusion', 'SLAM'], authors: ['Yann LeCun', 'Fei-Fei Li'], likeMyLibrary: false });
  });

  it('sameInterests tells a no-op merge from a change', () => {
    const a = { keywords: ['x'], authors: [], likeMyLibrary: true };
    expect(sameInterests(a, mergeInterests(a, a))).toBe(true);
    expect(sameInterests(a, mergeInterests(a, { ...a, keywords: ['y'] }))).toBe(false);
  });
});
