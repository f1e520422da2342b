import { describe, expect, it } from 'vitest';
import { highlightRanges, makeSnippet, SNIPPET_LENGTH, type Highlight } from './snippet';

const highlight = (terms: Record<string, number>, prefixes: Highlight['prefixes'] = [], phrases: Highlight['phrases'] = []): Highlight => ({
  terms: new Map(Object.entries(terms)),
  prefixes,
  phrases,
});

const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');

describe('makeSnippet', () => {
  it('returns a short text whole, with its matches', () => {
    const text = 'Scaling laws for neural language models.';
    const { snippet, snippetMatches } = makeSnippet(text, highlight({ law: 0, model: 1 }));
    expect(snippet).toBe(text);
    expect(snippetMatches.map(([s, e]) => snippet.slice(s, e))).toEqual(['laws', 'models']);
  });

  it('picks the window covering the most query words, cut at spaces, with ellipses', () => {
    const text = `${filler(40)} only attention here. ${filler(40)} attention and routing together. ${filler(40)}`;
    const { snippet, snippetMatches } = makeSnippet(text, highlight({ attention: 0, routing: 1 }));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(snippet).toContain('attention and routing together');
    const matched = snippetMatches.map(([s, e]) => snippet.slice(s, e));
    expect(matched).toContain('routing');
    expect(matched).toContain('attention');
    expect(snippet.slice(1, 2)).not.toBe(' ');
  });

  it('starts at the beginning when nothing matches', () => {
    const text = filler(80);
    const { snippet, snippetMatches } = makeSnippet(text, highlight({ absent: 0 }));
    expect(snippet.startsWith('filler0 ')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippetMatches).toEqual([]);
  });

  it('highlights prefixes and phrases, merging overlaps', () => {
    const text = 'Mixture of experts meets mixtures of experts.';
    const ranges = highlightRanges(text, highlight({ expert: 0 }, [{ prefix: 'mixtur', word: 1 }], [{ terms: ['mixture', 'of', 'expert'], open: false, word: 2 }]));
    // The phrase also matches its plural occurrence; the prefix and word matches inside it merge with it.
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Mixture of experts', 'mixtures of experts']);
  });

  it('gives ranges in UTF-16 units of the original text, accents and Greek included', () => {
    const text = '🎉 u-μP and Schrödinger: µP meets π';
    const ranges = highlightRanges(text, highlight({ mup: 0, schrodinger: 1, pi: 2 }));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['μP', 'Schrödinger', 'µP', 'π']);
  });

  it('never cuts a surrogate pair', () => {
    const text = '😀'.repeat(300);
    const { snippet } = makeSnippet(text, highlight({}));
    expect(snippet.replace(/…$/, '')).toMatch(/^(?:\ud83d\ude00)+$/);
  });
});
