import { describe, expect, it } from 'vitest';
import { nextStatus, normalizeTag, paperKeyFor, statusRank } from './types';

describe('statuses', () => {
  it('sort reading, to-read, none, read', () => {
    // Wrapped: Array#sort puts bare undefined last without asking the comparator.
    const sorted = (['read', undefined, 'to-read', 'reading'] as const).map((status) => ({ status })).sort((a, b) => statusRank(a.status) - statusRank(b.status));
    expect(sorted.map((p) => p.status)).toEqual(['reading', 'to-read', undefined, 'read']);
  });
  it.each([
    [undefined, 'to-read'],
    ['to-read', 'reading'],
    ['reading', 'read'],
    ['read', null],
  ] as const)('one press after %s is %s', (from, to) => {
    expect(nextStatus(from)).toBe(to);
  });
});

describe('normalizeTag', () => {
  it.each([
    ['  Diffusion Models ', 'diffusion-models'],
    ['#LLM', 'llm'],
    ['Ünïcode Tag', 'ünïcode-tag'],
    ['<b>x', 'bx'],
    ['cs.LG/theory', 'cs.lg/theory'],
  ])('%j → %j', (raw, tag) => {
    expect(normalizeTag(raw)).toBe(tag);
  });
});

describe('paperKeyFor', () => {
  it('prefers the corpus id, then the arXiv id, then the DOI, then the folded title', () => {
    expect(paperKeyFor({ corpusId: 'c-1', arxivId: '1706.03762', title: 'x' })).toBe('c-1');
    expect(paperKeyFor({ arxivId: '1706.03762', doi: '10.1/x', title: 'x' })).toBe('arxiv:1706.03762');
    expect(paperKeyFor({ doi: '10.1/X', title: 'x' })).toBe(paperKeyFor({ doi: '10.1/x', title: 'other' }));
    expect(paperKeyFor({ title: 'Attention Is All You Need!' })).toBe(paperKeyFor({ title: 'attention is all you need' }));
    expect(paperKeyFor({ title: 'Attention Is All You Need' })).not.toBe(paperKeyFor({ title: 'Attention Is Not All You Need' }));
    expect(paperKeyFor({ title: 'x' })).toMatch(/^u-[0-9a-f]{14}$/);
  });
});
