import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAuthorName } from './authors';
import { analyze, COMPOUND } from '../search/tokenize';
import { buildProfile, isEmptyProfile, TITLE_TERM_WEIGHT } from './profile';
import { idf } from '../search/rank';
import { AUTHOR_POINTS, familyFilter, highlightCap, KEYWORD_ABSTRACT_POINTS, KEYWORD_TITLE_POINTS, mayBeKnown, nearestSimilarities, scoreEntries, SIMILARITY_THRESHOLD } from './score';
import { DEFAULT_INTERESTS, type Interests, type ProfilePaper, type TriageEntry } from './types';

const interests = (overrides: Partial<Interests>): Interests => ({ ...DEFAULT_INTERESTS, likeMyLibrary: false, ...overrides });

const unrelated: TriageEntry = {
  title: 'Legged Locomotion over Rough Terrain with Model Predictive Control',
  abstract: 'We present a controller for quadruped robots that plans footholds on uneven ground in real time.',
};

describe('keywords', () => {
  const cases: { name: string; keyword: string; entry: TriageEntry; field?: 'title' | 'abstract'; points?: number }[] = [
    { name: 'in the title', keyword: 'diffusion', entry: { title: 'Diffusion Models Beat GANs', abstract: 'We study image synthesis.' }, field: 'title', points: KEYWORD_TITLE_POINTS },
    { name: 'in the abstract', keyword: 'diffusion', entry: { title: 'Better Image Synthesis', abstract: 'We train a diffusion model.' }, field: 'abstract', points: KEYWORD_ABSTRACT_POINTS },
    {
      name: 'in both: the title counts, the abstract adds',
      keyword: 'diffusion',
      entry: { title: 'Diffusion Models Beat GANs', abstract: 'A diffusion model.' },
      field: 'title',
      points: KEYWORD_TITLE_POINTS + KEYWORD_ABSTRACT_POINTS,
    },
    { name: 'plural and case', keyword: 'LLM', entry: { title: 'Scaling LLMs' }, field: 'title' },
    { name: 'accents folded', keyword: 'Schrödinger', entry: { title: 'A Schrodinger Bridge for Generative Modelling' }, field: 'title' },
    { name: 'a phrase, words in a row', keyword: 'state space model', entry: { title: 'Mamba', abstract: 'A selective state space model for sequences.' }, field: 'abstract' },
    { name: 'a phrase with stop words', keyword: 'attention is all you need', entry: { title: 'Attention Is All You Need' }, field: 'title' },
    { name: 'a phrase, words apart', keyword: 'state space model', entry: { title: 'A model of the state space' } },
    { name: 'a phrase, words in another order', keyword: 'language model', entry: { title: 'Modeling language: a model of language' } },
    { name: 'hyphenated keyword meets the closed compound', keyword: 'pre-training', entry: { title: 'Scaling Pretraining Data' }, field: 'title' },
    { name: 'closed keyword meets the hyphenated form', keyword: 'pretraining', entry: { title: 'Scaling Pre-Training Data' }, field: 'title' },
    { name: 'a camelCase part', keyword: 'DNA', entry: { title: 'HyenaDNA: Long-Range Genomic Sequence Modeling' }, field: 'title' },
    { name: 'not a substring of another word', keyword: 'rag', entry: { title: 'Leveraging Storage for Agents' } },
  ];
  it.each(cases)('$name', ({ keyword, entry, field, points }) => {
    const profile = buildProfile(interests({ keywords: [keyword] }), []);
    const [result] = scoreEntries(profile, [entry]);
    if (!field) {
      expect(result).toEqual({ score: 0, highlighted: false, reasons: [] });
      return;
    }
    expect(result!.highlighted).toBe(true);
    expect(result!.reasons).toEqual([{ kind: 'keyword', keyword, field, points: points ?? expect.any(Number) }]);
  });

  it('weighs a title hit above an abstract hit', () => {
    const profile = buildProfile(interests({ keywords: ['retrieval'] }), []);
    const [inTitle, inAbstract] = scoreEntries(profile, [
      { title: 'Retrieval for Agents', abstract: 'We study agents.' },
      { title: 'Agents', abstract: 'We study retrieval for agents.' },
    ]);
    expect(inTitle!.score).toBeGreaterThan(inAbstract!.score);
  });

  it('saturates repeated abstract mentions below a title hit', () => {
    const profile = buildProfile(interests({ keywords: ['retrieval'] }), []);
    const [many] = scoreEntries(profile, [{ title: 'Agents', abstract: 'retrieval '.repeat(50) }]);
    expect(many!.score).toBeLessThan(KEYWORD_TITLE_POINTS);
  });

  it('sets aside keywords of only stop words, saying so', () => {
    const profile = buildProfile(interests({ keywords: ['the', 'of the', '  ', 'diffusion'] }), []);
    expect(profile.keywords.map((k) => k.text)).toEqual(['diffusion']);
    expect(profile.warnings).toEqual([
      'triage: keyword "the" holds only common words (the, of, …); add a more specific word',
      'triage: keyword "of the" holds only common words (the, of, …); add a more specific word',
    ]);
  });
});

describe('authors', () => {
  it.each([
    ['Smith, J.', 'John Smith', true],
    ['J. Smith', 'John Smith', true],
    ['John Smith', 'Smith, John', true],
    ['Smith, John', 'J. Smith', true],
    ['Jürgen Schmidhuber', 'Jurgen Schmidhuber', true],
    ['Jurgen Schmidhuber', 'Jürgen Schmidhuber', true],
    ['J. Smith', 'Jane Smyth', false],
    ['John Smith', 'Jane Smith', false],
  ] as const)('watching %s, an entry by %s → %s', (watched, author, matches) => {
    const profile = buildProfile(interests({ authors: [watched] }), []);
    const [result] = scoreEntries(profile, [{ title: 'A paper', authors: ['Ada Lovelace', author] }]);
    expect(result!.highlighted).toBe(matches);
    expect(result!.reasons).toEqual(matches ? [{ kind: 'author', watched, author, points: AUTHOR_POINTS }] : []);
  });

  it('counts a watched name once however often it is written', () => {
    const profile = buildProfile(interests({ authors: ['J. Smith'] }), []);
    const [result] = scoreEntries(profile, [{ title: 'A paper', authors: ['John Smith', 'Smith, John'] }]);
    expect(result!.reasons).toHaveLength(1);
  });

  it('treats full names on two saved papers as library authors', () => {
    const saved: ProfilePaper[] = [
      { id: 'a', title: 'One', authors: ['Ada Lovelace', 'J. Smith'] },
      { id: 'b', title: 'Two', authors: ['Lovelace, Ada', 'J. Smith'] },
    ];
    const profile = buildProfile({ keywords: [], authors: [], likeMyLibrary: true }, saved);
    const [byAda, byJ] = scoreEntries(profile, [
      { title: 'Unrelated words entirely', authors: ['A. Lovelace'] },
      { title: 'Unrelated words entirely', authors: ['John Smith'] }, // initials on the saved papers: not counted
    ]);
    expect(byAda!.reasons).toEqual([{ kind: 'library-author', author: 'A. Lovelace', savedPapers: 2, points: 1 }]);
    expect(byAda!.highlighted).toBe(true);
    expect(byJ!.reasons.filter((r) => r.kind === 'library-author')).toEqual([]);
  });
});

describe('like my library', () => {
  const saved: ProfilePaper = {
    id: 'arxiv:2312.00752',
    title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
    abstract:
      'Foundation models are almost universally based on the Transformer architecture. We identify that a key weakness of ' +
      'subquadratic models is their inability to perform content-based reasoning, and let the state space model parameters ' +
      'be functions of the input. Mamba enjoys fast inference and linear scaling in sequence length.',
  };
  const likeIt: TriageEntry = {
    title: 'Selective State Space Sequence Modeling for Long Sequences',
    abstract: 'We extend selective state space models with linear-time scaling in sequence length and fast inference.',
  };

  it('a library of one paper highlights what resembles it, and says which paper', () => {
    const profile = buildProfile({ keywords: [], authors: [], likeMyLibrary: true }, [saved]);
    const [near, far] = scoreEntries(profile, [likeIt, unrelated]);
    expect(near!.highlighted).toBe(true);
    expect(near!.reasons).toHaveLength(1);
    const reason = near!.reasons[0]!;
    expect(reason).toMatchObject({ kind: 'similar', paperId: saved.id, title: saved.title, starter: false });
    if (reason.kind !== 'similar') throw new Error('unreachable');
    expect(reason.similarity).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(reason.points).toBeCloseTo(reason.similarity / SIMILARITY_THRESHOLD, 2);
    expect(far).toEqual({ score: 0, highlighted: false, reasons: [] });
  });

  it('names the nearest of several saved papers', () => {
    const other: ProfilePaper = { id: 'u-1', title: 'Quadruped Locomotion with Reinforcement Learning', abstract: 'Legged robots learn to walk on rough terrain.' };
    const profile = buildProfile({ keywords: [], authors: [], likeMyLibrary: true }, [other, saved]);
    const [near, robot] = scoreEntries(profile, [likeIt, unrelated]);
    expect(near!.reasons[0]).toMatchObject({ kind: 'similar', paperId: saved.id });
    expect(robot!.reasons[0]).toMatchObject({ kind: 'similar', paperId: other.id });
  });

  it('falls back to the corpus as a starter library, and says so', () => {
    const profile = buildProfile({ keywords: [], authors: [], likeMyLibrary: true }, [], { corpus: [saved] });
    const [near] = scoreEntries(profile, [likeIt]);
    expect(near!.reasons[0]).toMatchObject({ kind: 'similar', paperId: saved.id, starter: true });
  });

  it('uses no library when the reader turned it off', () => {
    const profile = buildProfile({ keywords: [], authors: [], likeMyLibrary: false }, [saved], { corpus: [saved] });
    expect(isEmptyProfile(profile)).toBe(true);
    expect(scoreEntries(profile, [likeIt])[0]).toEqual({ score: 0, highlighted: false, reasons: [] });
  });

  it('lists distinctive terms of the library', () => {
    const profile = buildProfile({ keywords: [], authors: [], likeMyLibrary: true }, [saved]);
    expect(profile.distinctiveTerms).toContain('mamba');
  });
});

describe('nearest saved paper', () => {
  /**
   * A paper's terms by definition: the search analyzer's index terms (no stop words, no compounds) with their
   * counts, a title word counting TITLE_TERM_WEIGHT times.
   */
  function paperTermCounts(title: string, abstract: string | undefined): Map<string, number> {
    const counts = new Map<string, number>();
    const count = (text: string, weight: number) =>
      analyze(text, (term, kind, _start, _end, stop) => {
        if (!stop && kind !== COMPOUND) counts.set(term, (counts.get(term) ?? 0) + weight);
      });
    count(abstract ?? '', 1);
    count(title, TITLE_TERM_WEIGHT);
    return counts;
  }

  /** Each saved paper's cosine with the entry by brute force, from paperTermCounts and idf. */
  function bruteForceCosines(library: ProfilePaper[], entry: TriageEntry): number[] {
    const counts = library.map((p) => paperTermCounts(p.title, p.abstract));
    const df = new Map<string, number>();
    for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const vector = (c: Map<string, number>) => new Map([...c].map(([t, n]) => [t, Math.log(1 + n) * idf(df.get(t) ?? 0, library.length)]));
    const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
    const e = vector(paperTermCounts(entry.title, entry.abstract));
    return counts.map((c) => {
      const v = vector(c);
      let dot = 0;
      for (const [t, w] of e) dot += w * (v.get(t) ?? 0);
      return dot / (norm(v) * norm(e));
    });
  }

  // Libraries of 40–90 papers over a small vocabulary where a few words are on most papers: the common terms
  // that NearestPaper bounds instead of walking (a term on ≥ 20% of the papers, and on ≥ 32 of them).
  const common = ['model', 'learning', 'data', 'method', 'results'];
  const rare = ['ours', 'diffusion', 'graph', 'robot', 'protein', 'speech', 'vision', 'policy', 'retrieval', 'molecule', 'audio', 'kernel', 'bandit', 'tabular', 'climate', 'legal', 'medical'];
  const text = fc.tuple(fc.array(fc.constantFrom(...common), { minLength: 2, maxLength: 6 }), fc.array(fc.constantFrom(...rare), { minLength: 1, maxLength: 5 })).map(([a, b]) => [...a, ...b].join(' '));
  const paper = fc.tuple(text, text).map(([title, abstract]) => ({ title, abstract }));

  // The profile keeps weights as 32-bit floats: cosines agree to ~1e-7, and papers that near count as a tie.
  it('is the paper with the highest cosine, as by brute force', () => {
    fc.assert(
      fc.property(fc.array(paper, { minLength: 40, maxLength: 90 }), fc.array(paper, { minLength: 1, maxLength: 8 }), (papers, entries) => {
        const library: ProfilePaper[] = papers.map((p, i) => ({ id: `p${i}`, ...p }));
        const profile = buildProfile(interests({ likeMyLibrary: true }), library);
        const cosines = nearestSimilarities(profile, entries);
        const scored = scoreEntries(profile, entries, { maxShare: 1 });
        entries.forEach((entry, i) => {
          const all = bruteForceCosines(library, entry);
          const best = Math.max(0, ...all);
          expect(cosines[i]).toBeCloseTo(best, 6);
          const similar = scored[i]!.reasons.find((r) => r.kind === 'similar');
          if (best >= SIMILARITY_THRESHOLD / 2 + 1e-6) {
            // The reason names the nearest paper, or one as near.
            expect(similar?.kind === 'similar' && all[Number(similar.paperId.slice(1))]).toBeCloseTo(best, 6);
          } else if (best < SIMILARITY_THRESHOLD / 2 - 1e-6) {
            expect(similar).toBeUndefined();
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('threshold and cap', () => {
  it('an empty profile highlights nothing', () => {
    const profile = buildProfile(DEFAULT_INTERESTS, []);
    expect(isEmptyProfile(profile)).toBe(true);
    const results = scoreEntries(profile, [likeEverything(0), unrelated]);
    expect(results.every((r) => r.score === 0 && !r.highlighted && r.reasons.length === 0)).toBe(true);
  });

  it.each([
    [1, 3],
    [10, 3],
    [20, 3],
    [40, 6],
    [100, 15],
    [400, 60],
  ])('a page of %i entries highlights at most %i', (count, cap) => {
    expect(highlightCap(count)).toBe(cap);
  });

  it.each([10, 100, 250])('holds on a page of %i where everything matches, keeping the strongest', (count) => {
    const profile = buildProfile(interests({ keywords: ['diffusion'] }), []);
    // Every entry matches in the abstract; every seventh also in the title, so it must win a place first.
    const entries = Array.from({ length: count }, (_, i) => likeEverything(i));
    const results = scoreEntries(profile, entries);
    const highlighted = results.flatMap((r, i) => (r.highlighted ? [i] : []));
    expect(highlighted).toHaveLength(highlightCap(count));
    expect(results.every((r) => r.score >= 1)).toBe(true);
    const titleHits = entries.flatMap((e, i) => (e.title.includes('Diffusion') ? [i] : []));
    const expected = [...titleHits, ...entries.map((_, i) => i).filter((i) => !titleHits.includes(i))].slice(0, highlightCap(count));
    expect(highlighted).toEqual(expected.sort((a, b) => a - b));
  });

  it('respects a custom cap', () => {
    const profile = buildProfile(interests({ keywords: ['diffusion'] }), []);
    const results = scoreEntries(profile, Array.from({ length: 100 }, (_, i) => likeEverything(i)), { maxShare: 0.05, minCap: 1 });
    expect(results.filter((r) => r.highlighted)).toHaveLength(5);
  });

  function likeEverything(i: number): TriageEntry {
    return { title: i % 7 === 0 ? `Diffusion paper ${i}` : `Paper ${i}`, abstract: 'We train a diffusion model.' };
  }
});

describe('reasons', () => {
  it('are ordered strongest first, ties in interest order, and stable across runs', () => {
    const profile = buildProfile(interests({ keywords: ['retrieval', 'agents', 'benchmark'], authors: ['Smith, J.'] }), []);
    const entry: TriageEntry = {
      title: 'A Benchmark for Retrieval Agents',
      abstract: 'Retrieval agents retrieve; retrieval helps.',
      authors: ['Jane Smith'],
    };
    const first = scoreEntries(profile, [entry]);
    expect(first[0]!.reasons.map((r) => (r.kind === 'keyword' ? `${r.keyword}@${r.field}` : r.kind))).toEqual([
      'retrieval@title', // title + 3 abstract mentions
      'agents@title', // title + 1 abstract mention
      'benchmark@title',
      'author', // ties benchmark at 3 points; keywords come first
    ]);
    expect(first[0]!.score).toBeCloseTo(first[0]!.reasons.reduce((s, r) => s + r.points, 0), 10);
    expect(scoreEntries(profile, [entry])).toEqual(first);
  });
});

describe('remembered author names (clearScoreMemo)', () => {
  const entry: TriageEntry = { title: 'A Selective State Space Model', abstract: 'Long sequences with a state space model.', authors: ['Albert Gu'] };

  it('give the same results as a cold run', async () => {
    const { clearScoreMemo } = await import('./score');
    clearScoreMemo();
    const single = buildProfile(interests({ keywords: ['sequences'], authors: ['Gu, A.'] }), []);
    const phrase = buildProfile(interests({ keywords: ['state space model'], authors: ['Gu, A.'] }), []);
    const warmSingle = scoreEntries(single, [entry]); // analyses the texts without their word sequence
    const warmPhrase = scoreEntries(phrase, [entry]);
    clearScoreMemo();
    const coldPhrase = scoreEntries(phrase, [entry]);
    clearScoreMemo();
    expect(warmPhrase).toEqual(coldPhrase);
    expect(warmPhrase[0]!.reasons.map((r) => r.kind)).toEqual(['keyword', 'author']);
    expect(scoreEntries(single, [entry])).toEqual(warmSingle);
  });
});

describe('names skipped unparsed', () => {
  // The skip is only sound if a name whose parsed family is in the profile always passes the filter.
  it('never skips a name whose family the profile knows', () => {
    const piece = fc.constantFrom('Smith', 'smith', 'J.', 'J', 'John', ', ', ',', ' ', '  ', '-', "O'", 'Brien', 'van', 'der', 'Jr.', 'III', 'JH', '2', 'é', 'Müller', '.', '’', 'Dupont', 'Moretti', '(', 'x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (pieces) => {
        const raw = pieces.join('');
        const name = parseAuthorName(raw);
        if (!name) return;
        const profile = buildProfile({ keywords: [], authors: [raw], likeMyLibrary: false }, []);
        expect(mayBeKnown(raw, familyFilter(profile)!)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('skips a name without a known family', () => {
    const profile = buildProfile({ keywords: [], authors: ['Yann LeCun'], likeMyLibrary: false }, []);
    expect(mayBeKnown('Geoffrey Hinton', familyFilter(profile)!)).toBe(false);
    expect(mayBeKnown('LeCun, Y.', familyFilter(profile)!)).toBe(true);
    expect(mayBeKnown('Yann Lecunn', familyFilter(profile)!)).toBe(false);
  });
});
