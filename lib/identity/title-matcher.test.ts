import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build';
import { SKIP_NO_SHARED, sharedPath } from '../../test/shared';
import { ARXIV_STYLES, rewriteTheArxivWay } from './arxiv-rewrite';
import { boundedEditDistance } from './edit-distance';
import { normalizeTitle } from './normalize-title';
import { FUZZY_MIN_SIMILARITY, TitleMatcher } from './title-matcher';

const small = [
  { id: 'c-nmt', title: 'Scaling Laws for Neural Machine Translation' },
  { id: 'c-nlm', title: 'Scaling Laws for Neural Language Models' },
  { id: 'c-precision', title: 'Scaling Laws for Precision' },
  { id: 'c-pangu', title: 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation' },
  { id: 'c-part1', title: 'Unraveling the Mystery of Scaling Laws: Part I' },
  { id: 'c-llama2', title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models' },
  { id: 'c-newton', title: 'Damped Newton Method with Near-Optimal Global Oleft(k^{-3} right) Convergence Rate' },
  { id: 'c-flaws', title: 'Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling with Imperfect Verifiers' },
];

describe('TitleMatcher on a small corpus', () => {
  const matcher = new TitleMatcher(small);

  it.each([
    ['Scaling Laws for Neural Machine Translation', 'c-nmt', 'exact'],
    ['SCALING LAWS FOR NEURAL\n  LANGUAGE MODELS', 'c-nlm', 'exact'],
    ['PanGu-$\\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation', 'c-pangu', 'exact'],
    ['Damped Newton Method with Near-Optimal Global $\\mathcal{O}\\left(k^{-3}\\right)$ Convergence Rate', 'c-newton', 'exact'],
    ['Inference Scaling $\\scriptsize\\mathtt{F}$Laws: The Limits of LLM Resampling with Imperfect Verifiers', 'c-flaws', 'exact'],
    // Version drift: a typo fixed, a spelling changed, an article dropped.
    ['Scaling Laws for Neural Machine Translaton', 'c-nmt', 'fuzzy'],
    ['PanGu-$\\pi$: Enhancing Language Model Architecture via Non-linearity Compensation', 'c-pangu', 'fuzzy'],
  ])('matches %j to %s (%s)', (title, id, how) => {
    const m = matcher.match(title);
    expect(m).toMatchObject({ id, how });
    expect(m!.score).toBeGreaterThanOrEqual(how === 'exact' ? 1 : FUZZY_MIN_SIMILARITY);
  });

  it.each([
    ['Scaling Laws for Neural Speech Translation', 'a near title is another paper'],
    ['Scaling Laws for Prediction', 'short titles match exactly or not at all'],
    ['Scaling Laws for Neural Models', 'a dropped content word on a short title'],
    ['Unraveling the Mystery of Scaling Laws: Part II', 'a different part number'],
    ['Llama 3: Open Foundation and Fine-Tuned Chat Models', 'a different version number'],
    ['Llama3: Open Foundation and Fine-Tuned Chat Models', 'a different version number, glued'],
    ['Attention Is All You Need', 'not in the corpus'],
    ['', 'empty'],
    ['$$ -- $$', 'nothing but punctuation'],
  ])('does not match %j (%s)', (title) => {
    expect(matcher.match(title)).toBeNull();
  });

  it('refuses a tie between two corpus papers', () => {
    const twins = new TitleMatcher([
      { id: 'a', title: 'Efficient Training of Language Models with Sparse Experts A' },
      { id: 'b', title: 'Efficient Training of Language Models with Sparse Experts B' },
    ]);
    expect(twins.match('Efficient Training of Language Models with Sparse Experts C')).toBeNull();
    expect(twins.match('Efficient Training of Language Models with Sparse Experts B')).toMatchObject({ id: 'b', how: 'exact' });
  });

  it('reports near titles with scores for tuning', () => {
    const near = matcher.near('Scaling Laws for Neural Machine Translation', 0.7);
    expect(near[0]).toMatchObject({ id: 'c-nmt', score: 1, sameNumbers: true });
    expect(near.map((n) => n.id)).not.toContain('c-pangu');
  });

  it('keeps the first paper when two share a normal form', () => {
    const m = new TitleMatcher([
      { id: 'first', title: 'Pre-training Is All You Need' },
      { id: 'second', title: 'Pretraining is all you need.' },
    ]);
    expect(m.size).toBe(1);
    expect(m.match('PRE-TRAINING IS ALL YOU NEED')?.id).toBe('first');
  });
});

describe('TitleMatcher filters', () => {
  // A base title and variants a few random edits away: near pairs on both sides of every threshold, which is
  // where a filter that is too eager would lose a match.
  const letters = 'abcdefghij';
  const base = fc.string({ unit: fc.constantFrom(...letters.split('')), minLength: 20, maxLength: 70 });
  const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'substitute'), letter: fc.constantFrom(...letters.split('')) });
  const variant = (text: string, edits: { at: number; kind: string; letter: string }[]) =>
    edits.reduce((t, e) => {
      const i = e.at % (t.length + 1);
      if (e.kind === 'insert') return t.slice(0, i) + e.letter + t.slice(i);
      if (e.kind === 'delete') return t.slice(0, i) + t.slice(i + 1);
      return t.slice(0, i) + e.letter + t.slice(i + 1);
    }, text);
  const keyOf = (t: string) => normalizeTitle(t).replace(/ /g, '');

  it('lose nothing: near() finds exactly the titles a brute-force edit distance finds', () => {
    fc.assert(
      fc.property(
        base,
        fc.array(fc.array(edit, { maxLength: 12 }), { minLength: 1, maxLength: 25 }),
        fc.array(edit, { maxLength: 12 }),
        fc.constantFrom(0.7, 0.8, 0.85, 0.9, 0.95),
        (text, corpusEdits, queryEdits, s) => {
          const titles = [...new Set(corpusEdits.map((e) => variant(text, e)).filter((t) => t.length > 0))];
          const corpus = titles.map((t, i) => ({ id: String(i), title: t }));
          const matcher = new TitleMatcher(corpus);
          const query = variant(text, queryEdits);
          const q = keyOf(query);
          const expected = corpus
            .filter(({ title: t }) => {
              const k = keyOf(t);
              const maxEdits = Math.floor((1 - s) * Math.max(k.length, q.length) + 1e-9);
              return q.length > 0 && boundedEditDistance(q, k, maxEdits) <= maxEdits;
            })
            .map((c) => c.id)
            .sort();
          expect(matcher.near(query, s).map((n) => n.id).sort()).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('TitleMatcher on the bundled corpus', () => {
  const papers = buildCorpus().asset.papers;
  const matcher = new TitleMatcher(papers);

  it('matches every corpus title to its own paper, exactly', () => {
    const misses = papers.filter((p) => matcher.match(p.title)?.id !== p.id).map((p) => p.title);
    expect(misses).toEqual([]);
  });

  it.each(ARXIV_STYLES)('matches every corpus title rewritten the arXiv way (%s)', (style) => {
    const misses = papers
      .map((p) => ({ p, rewritten: rewriteTheArxivWay(p.title, style) }))
      .filter(({ p, rewritten }) => matcher.match(rewritten)?.id !== p.id)
      .map(({ p, rewritten }) => `${p.title} → ${rewritten}`);
    expect(misses).toEqual([]);
  });

  it('never answers one "scaling law(s)" paper for another (each left out in turn)', () => {
    const scaling = papers.filter((p) => /scaling laws?/i.test(p.title));
    expect(scaling.length).toBeGreaterThanOrEqual(30);
    for (const left of scaling) {
      const others = new TitleMatcher(papers.filter((p) => p !== left));
      for (const style of ARXIV_STYLES) {
        expect(others.match(rewriteTheArxivWay(left.title, style)), left.title).toBeNull();
      }
    }
  });
});

describe('TitleMatcher against 87k real titles that are not corpus papers', () => {
  const gz = sharedPath('data', 'paperlists-abstracts.jsonl.gz');

  it('fires fuzzy matches on at most 1 in 10,000 titles at the default threshold', { timeout: 120_000 }, () => {
    if (!gz) {
      console.log(`identity: false-match check ${SKIP_NO_SHARED}`);
      return;
    }
    const titles = gunzipSync(readFileSync(gz))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { title: string }).title);
    expect(titles.length).toBeGreaterThan(80_000);
    const matcher = new TitleMatcher(buildCorpus().asset.papers);
    const fuzzy: string[] = [];
    let exact = 0;
    for (const title of titles) {
      const m = matcher.match(title);
      if (m?.how === 'exact') exact++;
      if (m?.how === 'fuzzy') fuzzy.push(`${m.score.toFixed(3)} ${title}`);
    }
    console.log(`identity: ${titles.length} titles, ${exact} exact (same paper in both sets), ${fuzzy.length} fuzzy: ${fuzzy.join(' | ')}`);
    // Exact coincidences are genuine: the same paper published at a venue and featured on Hugging Face.
    expect(exact).toBeLessThan(100);
    expect(fuzzy.length).toBeLessThanOrEqual(Math.floor(titles.length / 10_000));
  });
});
