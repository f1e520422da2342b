import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, COMPOUND, WORD } from '../search/tokenize';
import { STOP_WORDS } from '../search/fold';
import { FieldTerms, ProfileTerms } from './scan';

/** What the search core's analyzer gives for a field: index terms (first-occurrence order), words, compounds. */
function reference(text: string) {
  const terms = new Map<string, number>();
  const words: string[] = [];
  const compounds: string[] = [];
  analyze(text, (term, kind, _start, _end, stop) => {
    if (kind === WORD) words.push(term);
    if (stop) return;
    if (kind === COMPOUND) compounds.push(term);
    else terms.set(term, (terms.get(term) ?? 0) + 1);
  });
  return { terms: [...terms], words, compounds };
}

/** scanField's output as strings: index terms with counts in first-occurrence order, word terms, compounds. */
function scanned(profile: ProfileTerms, text: string, countUnknown: boolean) {
  const field = new FieldTerms();
  profile.beginCall(countUnknown);
  profile.scanField(text, field, true, true);
  const terms: [string, number][] = [];
  for (let k = 0; k < field.distinct; k++) terms.push([profile.term(field.order[k]!), field.counts[field.order[k]!]!]);
  const words = Array.from(field.words.subarray(0, field.wordCount), (id) => (id < 0 ? undefined : profile.term(id)));
  const compounds = Array.from(field.compounds.subarray(0, field.compoundCount), (id) => profile.term(id));
  return { terms, words, compounds };
}

/** Known to the profile: every other term of the text (by first occurrence), so both paths are exercised. */
function profileFor(text: string): { profile: ProfileTerms; known: Set<string> } {
  const all = new Set<string>();
  analyze(text, (term) => void all.add(term));
  const known = new Set([...all].filter((_, i) => i % 2 === 0));
  const profile = new ProfileTerms(known);
  for (const stop of STOP_WORDS) known.add(stop);
  return { profile, known };
}

function expectSameAsAnalyzer(text: string): void {
  const ref = reference(text);
  const { profile, known } = profileFor(text);
  const all = scanned(profile, text, true);
  expect(all.terms).toEqual(ref.terms);
  expect(all.words).toEqual(ref.words.map((w) => (known.has(w) ? w : undefined)));
  expect(all.compounds).toEqual(ref.compounds.filter((c) => known.has(c)));
  const knownOnly = scanned(profile, text, false);
  expect(knownOnly.terms).toEqual(ref.terms.filter(([term]) => known.has(term)));
}

describe('scanField gives the search analyzer terms', () => {
  const cases = [
    'Diffusion Models Beat GANs on Image Synthesis',
    'We study the pre-training of LLMs: state-of-the-art vision-language-action models (ResNet50, HyenaDNA, GPT-4).',
    "Schrödinger's bridge, μP and PanGu-π; the ﬁne-tuning of BERT’s heads; naïve Bayes; 𝐀𝐁𝐂 does this",
    'studies processes classes corpus analysis various ties dies series aies eies thens doess HTMLParser’s',
    `${'x'.repeat(45)} ${'Ab'.repeat(30)} a-${'b'.repeat(39)} l2 L2 3D 3ds x2y`,
  ];
  it.each(cases)('%s', (text) => expectSameAsAnalyzer(text));

  it('on random text of tricky characters', () => {
    const piece = fc.constantFrom(
      'a', 'b', 's', 'ies', 'sses', 'ous', 'the', 'this', 'does', 'A', 'B', 'S', 'HTML', 'Net', '4', '50', ' ', ' ', '-', '‐', '‑', "'",
      '’', '.', ',', 'é', 'Ü', 'ß', 'μ', 'π', '\u0301', '𝐀', 'İ', 'ﬁ', 'Ⅻ', '日本', '\t', '(', 'x'.repeat(20),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => expectSameAsAnalyzer(pieces.join(''))),
      { numRuns: 2000 },
    );
  });

  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => expectSameAsAnalyzer(text)), { numRuns: 1000 });
  });
});
