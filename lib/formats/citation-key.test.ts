import { describe, expect, it } from 'vitest';
import { asciiFold, baseCitationKey, citationKeys } from './citation-key';

describe('baseCitationKey', () => {
  it.each([
    [['Ashish Vaswani'], 2017, 'Attention Is All You Need', 'vaswani2017attention'],
    [['Sven Türpe'], 2019, 'The Security of TeX', 'turpe2019security'],
    [['Łukasz Kaiser'], 2017, 'One Model To Learn Them All', 'kaiser2017one'],
    [['Jean de la Fontaine'], undefined, 'A Fable', 'fontainefable'],
    [['King, Martin Luther'], 1963, 'I have a dream', 'king1963i'],
    [[], 2020, 'On the Origin of Species', 'anon2020origin'],
    [['王小明'], 2021, '深度学习', 'anon2021'],
    [['Jonathan Ho'], 2020, 'Denoising Diffusion Probabilistic Models', 'ho2020denoising'],
  ])('%j %s %j → %s', (authors, year, title, key) => {
    expect(baseCitationKey({ authors, year, title })).toBe(key);
  });
});

describe('citationKeys', () => {
  const paper = (id: string, addedAt: number) => ({ id, title: 'Attention', authors: ['A Smith'], year: 2020, tags: [], addedAt, updatedAt: 0 });

  it('suffixes collisions a, b, … in order of addedAt, whatever the input order', () => {
    const keys = citationKeys([paper('c', 3), paper('a', 1), paper('b', 2)]);
    expect(Object.fromEntries(keys)).toEqual({ a: 'smith2020attention', b: 'smith2020attentiona', c: 'smith2020attentionb' });
  });

  it('keeps going past z (aa, ab, …) and never repeats a key', () => {
    const keys = citationKeys(Array.from({ length: 60 }, (_, i) => paper(`p${i}`, i)));
    expect(new Set(keys.values()).size).toBe(60);
    expect(keys.get('p27')).toBe('smith2020attentionaa');
  });
});

describe('asciiFold', () => {
  it.each([
    ['Türpe', 'turpe'],
    ['Straße', 'strasse'],
    ['Ørsted', 'orsted'],
    ['Æsop', 'aesop'],
    ['Đorđević', 'dordevic'],
    ['O’Neil-Smith', 'oneilsmith'],
  ])('%s → %s', (text, folded) => {
    expect(asciiFold(text)).toBe(folded);
  });
});
