/**
 * Word → index term: Unicode folding, Greek letters spelled out, a light plural stemmer and the stop list.
 * The same functions run on documents and on queries, so whatever the user types meets what the page wrote:
 * `Schrodinger` finds `Schrödinger`, `muP` finds `μP`, `pi` finds `PanGu-π`, `LLM` finds `LLMs`.
 */

/**
 * Greek letters by name. Papers write `μP`, `ε-greedy` and `PanGu-π`; people type `muP`, `epsilon-greedy`
 * and `pangu pi`. Spelling the letter out on both sides makes the two meet without a synonym table.
 * Compatibility forms (`µ` micro sign, `ϵ`, `ϑ`, `ϕ`, `ϖ`) reach these letters through NFKD first.
 */
const GREEK_NAMES: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho',
  σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};

/** Latin letters that NFKD leaves whole, so stripping accents alone would not reach plain ASCII. */
const LATIN_EXTRAS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'n', ħ: 'h',
};

const EXTRA_LETTERS = new RegExp(`[${Object.keys(GREEK_NAMES).join('')}${Object.keys(LATIN_EXTRAS).join('')}]`, 'g');
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Folds one word (already split from the text) to lower-case ASCII where Unicode allows: accents dropped,
 * ligatures and compatibility forms expanded, Greek letters spelled out. Letters from other scripts stay as they
 * are (lower-cased), so Cyrillic or Arabic words still match themselves.
 */
export function foldWord(word: string): string {
  if (isPlainAscii(word)) return word.toLowerCase();
  // NFKD before lower-casing: compatibility forms (`𝐀`, `Ⅻ`) only become letters with a case once decomposed;
  // and once more after, for the few letters whose lower case decomposes further (`İ` → `i̇`).
  return word
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(EXTRA_LETTERS, (ch) => GREEK_NAMES[ch] ?? LATIN_EXTRAS[ch] ?? ch)
    .replace(NOT_WORD, '');
}

function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A plural stemmer in the spirit of Harman's S-stemmer (JASIS 1991): `laws`→`law`, `studies`→`study`,
 * `processes`→`process`, `LLMs`→`llm`, and nothing else. Heavier stemmers (Porter) merge words that ML titles
 * keep apart (`learning`/`learned`, `generative`/`generation`); prefix and typo matching cover the rest.
 * Words under four letters and words with digits are left alone (`gas`, `3ds`).
 */
export function stemTerm(term: string): string {
  const n = term.length;
  if (n < 4 || term.charCodeAt(n - 1) !== 115 /* s */) return term;
  for (let i = 0; i < n; i++) {
    const c = term.charCodeAt(i);
    if (c < 97 || c > 122) return term;
  }
  if (term.endsWith('sses')) return term.slice(0, -2);
  if (term.endsWith('ies') && n > 4 && !term.endsWith('eies') && !term.endsWith('aies')) return term.slice(0, -3) + 'y';
  // -ss, -us, -is, -ous: not plurals (`process`, `corpus`, `analysis`, `various`).
  const before = term.charCodeAt(n - 2);
  if (before === 115 || before === 117 || before === 105 || term.endsWith('ous')) return term;
  return term.slice(0, -1);
}

/** The index term for a word as it appears in text: folded, then stemmed. */
export function termOf(word: string): string {
  return stemTerm(foldWord(word));
}

/**
 * Function words left out of the index. In 87k abstracts these few dozen words hold about a quarter of all
 * postings, and on their own they find nothing anyone looks for. They still count for ranking: the title
 * sequence check (see rank.ts) compares queries with titles word by word, stop words included, so
 * "Attention Is All You Need" still beats "Attention Need". Kept deliberately short: `not`, `without`, `all`,
 * `you`, `how`, `why` carry meaning in titles.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could do does for from had has have in into is it its itself ' +
    'of on or our than that the their them then there these they this those thus to was we were which while ' +
    'with within would via also such'
  ).split(' '),
);

/** Checked on the folded word, before stemming (`does` would stem to `doe`). */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
