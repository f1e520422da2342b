import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasText, MAX_QUERY_WORDS, parseQuery } from './query';
import type { ParsedQuery } from './types';

/** The parts of a parse a case states; the rest must be empty. */
type Expected = Partial<Pick<ParsedQuery, 'words' | 'phrases' | 'excludedWords' | 'excludedPhrases' | 'filters' | 'lastWordIsPrefix'>>;

const cases: [string, Expected][] = [
  ['scaling laws', { words: ['scaling', 'laws'], lastWordIsPrefix: true }],
  ['scaling laws ', { words: ['scaling', 'laws'], lastWordIsPrefix: false }],
  ['"mixture of experts"', { phrases: [{ text: 'mixture of experts', open: false }] }],
  ['“curly quotes”', { phrases: [{ text: 'curly quotes', open: false }] }],
  ['"unclosed phrase', { phrases: [{ text: 'unclosed phrase', open: true }] }],
  ['diffusion -vision', { words: ['diffusion'], excludedWords: ['vision'] }],
  ['-"text to image" models', { words: ['models'], excludedPhrases: ['text to image'], lastWordIsPrefix: true }],
  ['tag:MoE', { filters: [{ kind: 'tag', value: 'moe', negated: false }] }],
  ['-tag:survey', { filters: [{ kind: 'tag', value: 'survey', negated: true }] }],
  ['tag:"Diffusion Models"', { filters: [{ kind: 'tag', value: 'diffusion-models', negated: false }] }],
  ['list:"To Cite"', { filters: [{ kind: 'list', value: 'to-cite', negated: false }] }],
  ['status:to-read', { filters: [{ kind: 'status', value: 'to-read', negated: false }] }],
  ['STATUS:Reading', { filters: [{ kind: 'status', value: 'reading', negated: false }] }],
  ['status:read', { filters: [{ kind: 'status', value: 'read', negated: false }] }],
  ['year:2024', { filters: [{ kind: 'year', from: 2024, to: 2024, negated: false }] }],
  ['year:2020..2023', { filters: [{ kind: 'year', from: 2020, to: 2023, negated: false }] }],
  ['year:2023-2020', { filters: [{ kind: 'year', from: 2020, to: 2023, negated: false }] }],
  ['year:2020..', { filters: [{ kind: 'year', from: 2020, negated: false }] }],
  ['year:..2019', { filters: [{ kind: 'year', to: 2019, negated: false }] }],
  ['is:saved', { filters: [{ kind: 'saved', negated: false }] }],
  ['-is:corpus', { filters: [{ kind: 'corpus', negated: true }] }],
  ['foo:bar', { words: ['foo:bar'], lastWordIsPrefix: true }],
  ['https://arxiv.org/abs/1706.03762', { words: ['https://arxiv.org/abs/1706.03762'], lastWordIsPrefix: true }],
  ['year:abc', { words: ['year', 'abc'], lastWordIsPrefix: false }],
  ['status:done', { words: ['status', 'done'] }],
  ['is:starred', { words: ['is', 'starred'] }],
  ['tag:', {}],
  ['- - --', {}],
  ['""', {}],
  [
    'scaling "power law" -vision tag:moe year:2020..2023 is:saved kaplan',
    {
      words: ['scaling', 'kaplan'],
      phrases: [{ text: 'power law', open: false }],
      excludedWords: ['vision'],
      filters: [
        { kind: 'tag', value: 'moe', negated: false },
        { kind: 'year', from: 2020, to: 2023, negated: false },
        { kind: 'saved', negated: false },
      ],
      lastWordIsPrefix: true,
    },
  ],
];

describe('parseQuery', () => {
  it.each(cases)('parses %j', (raw, expected) => {
    const parsed = parseQuery(raw);
    expect(parsed.raw).toBe(raw);
    expect(parsed.words).toEqual(expected.words ?? []);
    expect(parsed.phrases).toEqual(expected.phrases ?? []);
    expect(parsed.excludedWords).toEqual(expected.excludedWords ?? []);
    expect(parsed.excludedPhrases).toEqual(expected.excludedPhrases ?? []);
    expect(parsed.filters).toEqual(expected.filters ?? []);
    expect(parsed.lastWordIsPrefix).toBe(expected.lastWordIsPrefix ?? false);
  });

  it.each([
    ['year:abc', 'search: year:abc is not a year or a range like 2020..2023; searched as text'],
    ['status:done', 'search: status:done is not one of to-read, reading, read; searched as text'],
    ['is:starred', 'search: is:starred is not one of is:saved, is:corpus; searched as text'],
    ['tag:', 'search: tag: needs a value'],
  ])('explains %j in a warning', (raw, warning) => {
    expect(parseQuery(raw).warnings).toEqual([warning]);
  });

  it('keeps the first MAX_QUERY_WORDS words of a pasted text and says so', () => {
    const parsed = parseQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    expect(parsed.words).toHaveLength(MAX_QUERY_WORDS);
    expect(parsed.words[0]).toBe('w0');
    expect(parsed.warnings).toEqual([`search: only the first ${MAX_QUERY_WORDS} words are used`]);
  });

  it('tells text from filter-only queries', () => {
    expect(hasText(parseQuery('is:saved tag:x'))).toBe(false);
    expect(hasText(parseQuery('is:saved "a phrase"'))).toBe(true);
  });

  it.each([
    ['10,000 characters', 'a'.repeat(10_000)],
    ['only operators', '- : "" -"" tag: is: year: -- ::'],
    ['right-to-left text', 'שלום עולם مرحبا بالعالم'],
    ['emoji', '🎉🧪 "📄 papers" -🙈 tag:🚀'],
    ['unbalanced quotes', '"a "b "c'],
    ['lone surrogates', '\ud800 \udc00x'],
  ])('never throws on %s', (_name, raw) => {
    expect(() => parseQuery(raw)).not.toThrow();
  });

  it('never throws on random text, and parses every word it keeps from the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const parsed = parseQuery(raw);
        for (const word of parsed.words) expect(raw).toContain(word.split(' ')[0]!);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '-', '"', ':', 'tag', 'is', 'year', '..', '2020', 'é') }), (raw) => {
        expect(() => parseQuery(raw)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
