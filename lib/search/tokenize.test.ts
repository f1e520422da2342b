import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, isStopWord, stemTerm, termOf } from './fold';
import { analyze, COMPOUND, containsSequence, indexTerms, PART, partsOf, textWords, WORD } from './tokenize';

describe('foldWord', () => {
  it.each([
    ['Schrödinger', 'schrodinger'],
    ['Padé', 'pade'],
    ['Ångström', 'angstrom'],
    ['Straße', 'strasse'],
    ['Łukasz', 'lukasz'],
    ['ﬁne', 'fine'], // ligature
    ['μP', 'mup'],
    ['µP', 'mup'], // micro sign
    ['π', 'pi'],
    ['ε', 'epsilon'],
    ['ϵ', 'epsilon'], // lunate epsilon
    ['Σ', 'sigma'],
    ['x²', 'x2'],
    ['Привет', 'привет'], // other scripts stay, lower-cased
  ])('%s → %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (word) => {
        const once = foldWord(word);
        expect(foldWord(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('stemTerm', () => {
  it.each([
    ['laws', 'law'],
    ['studies', 'study'],
    ['processes', 'process'],
    ['llms', 'llm'],
    ['gaussians', 'gaussian'],
    ['process', 'process'],
    ['analysis', 'analysis'],
    ['corpus', 'corpus'],
    ['various', 'various'],
    ['gas', 'gas'],
    ['3ds', '3ds'],
    ['model', 'model'],
  ])('%s → %s', (term, stem) => {
    expect(stemTerm(term)).toBe(stem);
  });
});

describe('analyze', () => {
  const terms = (text: string, kind: number) => {
    const out: string[] = [];
    analyze(text, (term, k) => {
      if (k === kind) out.push(term);
    });
    return out;
  };

  it('folds, stems and keeps stop words apart', () => {
    const words = textWords('The Scaling Laws of Schrödinger’s μP');
    expect(words.map((w) => w.term)).toEqual(['the', 'scaling', 'law', 'of', 'schrodinger', 'mup']);
    expect(words.filter((w) => w.stop).map((w) => w.term)).toEqual(['the', 'of']);
    expect(indexTerms('The Scaling Laws of')).toEqual(['scaling', 'law']);
  });

  it('gives spans in the original text', () => {
    const text = 'u-μP: Padé «approximants»';
    for (const w of textWords(text)) expect(termOf(text.slice(w.start, w.end))).toBe(w.term);
  });

  it('splits camelCase and letter→digit words into parts', () => {
    expect(terms('HyenaDNA', PART)).toEqual(['hyena', 'dna']);
    expect(terms('RetrievalAttention', PART)).toEqual(['retrieval', 'attention']);
    expect(terms('ResNet50', PART)).toEqual(['res', 'net', '50', 'resnet']);
    expect(terms('Flash3D', PART)).toEqual(['flash', '3d']);
    expect(terms('LLMs GPT BERT', PART)).toEqual([]);
  });

  it('splits ASCII words where the Unicode rule would (its fast path)', () => {
    // The rule partsOf applies to every word, written with the Unicode regex it uses for non-ASCII words.
    const boundary = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2})/u;
    const reference = (raw: string): string[] => {
      const pieces = raw.split(boundary);
      if (pieces.length < 2) return [];
      const parts: string[] = [];
      const add = (piece: string) => {
        const folded = foldWord(piece);
        if (!folded || isStopWord(folded)) return;
        const term = stemTerm(folded);
        if (term !== termOf(raw) && !parts.includes(term)) parts.push(term);
      };
      pieces.forEach(add);
      const digit = /\p{N}/u.exec(raw);
      if (digit && digit.index > 1) add(raw.slice(0, digit.index));
      return parts;
    };
    const word = fc.array(fc.constantFrom('a', 'b', 's', 'A', 'B', 'N', 'et', 'HTML', 'Parser', '4', '50', 'x'), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(word, (pieces) => {
        const raw = pieces.join('');
        expect(partsOf(raw, termOf(raw))).toEqual(reference(raw));
      }),
      { numRuns: 3000 },
    );
    expect(partsOf('HTMLParser', 'htmlparser')).toEqual(['html', 'parser']);
  });

  it('joins hyphen chains into compounds', () => {
    expect(terms('pre-training', COMPOUND)).toEqual(['pretraining']);
    expect(terms('vision-language-action', COMPOUND)).toEqual(['visionlanguage', 'languageaction', 'visionlanguageaction']);
    expect(terms('state-of-the-art', COMPOUND)).toEqual(['stateoftheart']);
    expect(terms('GPT-4', COMPOUND)).toEqual(['gpt4']);
    expect(terms('pre - training', COMPOUND)).toEqual([]);
  });

  it('treats emoji, symbols and punctuation as separators', () => {
    expect(textWords('🎉 x→y; a/b ∞').map((w) => w.term)).toEqual(['x', 'y', 'a', 'b']);
  });

  it('never throws and keeps spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        analyze(text, (_term, kind, start, end) => {
          expect([WORD, PART, COMPOUND]).toContain(kind);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(start).toBeLessThan(end);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('knows its stop words by their folded form', () => {
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('does')).toBe(true);
    expect(isStopWord('attention')).toBe(false);
  });
});

describe('containsSequence', () => {
  it.each([
    ['Mixture of Experts for language', ['mixture', 'of', 'expert'], false, true],
    ['mixtures of the experts', ['mixture', 'of', 'expert'], false, false],
    ['of of mixture of mixture of experts', ['mixture', 'of', 'expert'], false, true],
    ['unit-scaled maximal update', ['unit', 'scaled', 'maximal', 'upd'], true, true],
    ['unit-scaled maximal update', ['unit', 'scaled', 'maximal', 'upd'], false, false],
    ['', ['a'], false, false],
    ['Case studies of policies', ['study', 'of', 'policy'], false, true], // -ies words under a -y stem
    ['the lawn of laws: Law\u2019s rule', ['law', 'rule'], false, true],
    ["don't stop", ['dont', 'stop'], false, true],
    ['Schrödinger bridges matter', ['schrodinger', 'bridge'], false, true], // non-ASCII: the full walk
    ['xlaw rule', ['law', 'rule'], false, false], // inside a word
  ])('%j holds %j (open: %s): %s', (text, terms, open, expected) => {
    expect(containsSequence(text, terms, open)).toBe(expected);
  });

  it('agrees with a word-by-word check on random texts', () => {
    const word = fc.constantFrom('a', 'b', 'ab', 'ba', 'As', 'bies', "a's", "x'ab", 'AB', "b\u2019a", 'é', 'a-b');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (words, terms, open) => {
        const text = words.join(' ');
        const folded = textWords(text).map((w) => w.term);
        const want = terms.map((t) => textWords(t)[0]?.term ?? 'a');
        const n = want.length;
        const expected = folded.some((_, i) => i + n <= folded.length && want.every((t, j) => (j === n - 1 && open ? folded[i + j]!.startsWith(t) : folded[i + j] === t)));
        expect(containsSequence(text, want, open)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
