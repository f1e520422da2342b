/**
 * One normal form for paper titles, so a title written the arXiv way and the same title as the corpus holds it
 * compare equal.
 *
 * arXiv titles are TeX source: `PanGu-$\pi$`, `S$^{2}$FT`, `CO$_2$`, `$\epsilon$-greedy`,
 * `$\mathcal{O}\left(k^{-3}\right)$`, `Schr\"odinger`, `--`, wrapped over lines. The corpus (Hugging Face pages
 * saved as text) has the same titles rendered or half-mangled: `PanGu-π`, `S^{2}FT`, `CO_2`, `ε-greedy`,
 * `Oleft(k^{-3} right)`, `scriptsizeFLaws` (TeX commands that lost their backslash). Both sides go through the
 * same steps, so whatever one step cannot undo it at least does the same way to both:
 *
 * 1. TeX text escapes and accents (`\"o`, `{\'e}`, `\ss`) become letters;
 * 2. Unicode folding: NFKD, combining marks dropped, a few letters with no decomposition spelled out (`ß`→`ss`),
 *    format characters (zero-width space, soft hyphen) dropped, Greek letters spelled as names (`π`→`pi`);
 * 3. TeX commands: Greek (`\pi`→`pi`) and operator names (`\log`) become words, formatting (`\mathcal`,
 *    `\left`, `\scriptsize`) is dropped keeping its argument, symbols (`\to`, `\cdot`) become punctuation,
 *    unknown commands keep their name (that is what a lost backslash leaves on the other side);
 * 4. math syntax that joins rather than separates (`$`, `{`, `}`, `^`, `_`) is removed without a space, so
 *    `S$^{2}$FT` and `S^{2}FT` and `S²FT` all read `S2FT`;
 * 5. TeX command names that lost their backslash are dropped the same way (`scriptsizeFLaws` → `FLaws`);
 * 6. lower case, everything that is not a letter or digit becomes one space.
 *
 * The result is lower-case letters and digits separated by single spaces; `normalizeTitle` is idempotent.
 */

/** TeX text accents with one-letter argument: `\"o`, `\"{o}`, `{\"o}`, `\'{\i}`, `\c{c}`, `\v{s}`, `\H o`. */
const TEX_SYMBOL_ACCENT = /\\["'^`~=.]\s*(?:\{\s*\\?([A-Za-z])\s*\}|\\?([A-Za-z]))/g;
const TEX_LETTER_ACCENT = /\\[uvHcdbkrt](?:\s*\{\s*\\?([A-Za-z])\s*\}|\s+([A-Za-z]))/g;
/** TeX's named letters (`\ss`, `\o`, `\ae`, …). Matched as whole command names; TeX swallows the space after one (`Stra\ss e`). */
const TEX_LETTERS: Record<string, string> = {
  ss: 'ss', o: 'o', O: 'O', ae: 'ae', AE: 'AE', oe: 'oe', OE: 'OE', aa: 'a', AA: 'A', l: 'l', L: 'L', i: 'i', j: 'j',
};
const TEX_LETTER_COMMAND = /\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])(?:\{\}|\s+)?/g;

/**
 * Characters NFKD leaves whole that have a Latin spelling, and the math symbols whose TeX commands read as words
 * in step 3 (`×` and `\times` both become `x`, so `8×7B` and `8$\times$7B` agree).
 */
const LATIN_SPELLINGS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd',
  Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'ng', Ŋ: 'Ng', '×': 'x', '∞': 'infinity', '∇': 'nabla',
};
const LATIN_SPELLING_RE = new RegExp(`[${Object.keys(LATIN_SPELLINGS).join('')}]`, 'g');

const GREEK_NAMES = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'omicron', 'pi', 'rho', 'sigma', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];
/** Greek letter → name: α..ω (U+03B1..U+03C9, ς included), Α..Ω (U+0391..U+03A9), and the symbol variants NFKD keeps. */
const GREEK: Record<string, string> = { ϐ: 'beta', ϵ: 'epsilon', ϑ: 'theta', ϕ: 'phi', ϖ: 'pi', ϱ: 'rho', ϰ: 'kappa', ϲ: 'sigma', ϝ: 'digamma' };
GREEK_NAMES.forEach((name, i) => {
  GREEK[String.fromCodePoint(0x3b1 + i)] = name;
  if (i !== 17) GREEK[String.fromCodePoint(0x391 + i)] = name; // U+03A2 is unassigned (there is no capital final sigma)
});
const GREEK_RE = new RegExp(`[${Object.keys(GREEK).join('')}]`, 'g');

/** Unicode folding (step 2). Safe to apply more than once. */
function foldUnicode(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .replace(LATIN_SPELLING_RE, (c) => LATIN_SPELLINGS[c] ?? c)
    .replace(GREEK_RE, (c) => GREEK[c] ?? c);
}

/** `\alpha` … `\Omega` and their `\var` forms → the letter's name. */
const TEX_GREEK = new Set([...GREEK_NAMES, 'digamma']);
/** Operators TeX prints as words (`$\log n$` reads "log n" rendered). */
const TEX_WORDS: Record<string, string> = {
  log: 'log', ln: 'ln', exp: 'exp', sin: 'sin', cos: 'cos', tan: 'tan', max: 'max', min: 'min', arg: 'arg',
  argmax: 'argmax', argmin: 'argmin', det: 'det', lim: 'lim', sup: 'sup', inf: 'inf', dim: 'dim', ker: 'ker',
  deg: 'deg', Pr: 'Pr', infty: 'infinity', ell: 'l', times: 'x', nabla: 'nabla', hbar: 'h', LaTeX: 'LaTeX',
  TeX: 'TeX', BibTeX: 'BibTeX',
};
/**
 * Commands that only format or size their argument (which stays), or delimit (`\left(`). Dropped.
 * Source: the commands seen in arXiv titles plus the standard LaTeX/AMS font, size and delimiter-size commands.
 */
const TEX_FORMATTING = new Set([
  'mathcal', 'mathbb', 'mathbf', 'mathrm', 'mathit', 'mathsf', 'mathtt', 'mathfrak', 'mathscr', 'mathnormal',
  'boldsymbol', 'bm', 'pmb', 'text', 'textbf', 'textit', 'textrm', 'texttt', 'textsc', 'textsf', 'textup', 'textsl',
  'textnormal', 'emph', 'underline', 'overline', 'widehat', 'widetilde', 'hat', 'tilde', 'bar', 'vec', 'dot', 'ddot',
  'check', 'breve', 'acute', 'grave', 'mbox', 'hbox', 'operatorname', 'displaystyle', 'textstyle', 'scriptstyle',
  'scriptscriptstyle', 'tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge',
  'Huge', 'it', 'bf', 'rm', 'sf', 'tt', 'sc', 'sl', 'em', 'up', 'cal', 'frak', 'Bbb', 'left', 'right', 'middle',
  'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr', 'limits',
  'nolimits', 'mathop', 'mathrel', 'mathbin', 'mathord', 'ensuremath', 'xspace', 'protect', 'boxed', 'sqrt',
  'textsuperscript', 'textsubscript', 'color', 'textcolor', 'noindent', 'relax',
]);
/** Symbols: relations, arrows, dots, delimiters. They separate words like punctuation does. */
const TEX_PUNCTUATION = new Set([
  'to', 'rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'mapsto', 'gets',
  'longrightarrow', 'longleftarrow', 'uparrow', 'downarrow', 'cdot', 'cdots', 'ldots', 'dots', 'vdots', 'ddots',
  'star', 'ast', 'circ', 'bullet', 'dagger', 'ddagger', 'sim', 'simeq', 'approx', 'cong', 'equiv', 'propto', 'le',
  'leq', 'ge', 'geq', 'll', 'gg', 'ne', 'neq', 'pm', 'mp', 'in', 'notin', 'ni', 'subset', 'subseteq', 'supset',
  'supseteq', 'cup', 'cap', 'setminus', 'forall', 'exists', 'neg', 'lnot', 'land', 'lor', 'wedge', 'vee', 'oplus',
  'otimes', 'odot', 'langle', 'rangle', 'lvert', 'rvert', 'lVert', 'rVert', 'vert', 'Vert', 'mid', 'parallel',
  'lfloor', 'rfloor', 'lceil', 'rceil', 'quad', 'qquad', 'top', 'bot', 'perp', 'prime', 'partial', 'emptyset',
  'varnothing', 'checkmark', 'textendash', 'textemdash', 'textquoteright', 'textquoteleft', 'S', 'P', 'dag',
  'colon', 'vdash', 'models', 'triangle', 'square', 'Box', 'diamond',
]);

/** Step 3: one TeX command (name without backslash) → its replacement text. */
function replaceCommand(name: string): string {
  // `\pi`, `\Pi`, `\varpi` (not `\PI`, which is no Greek command).
  const greek = name.startsWith('var') ? name.slice(3) : name;
  if (/^[A-Za-z][a-z]*$/.test(greek) && TEX_GREEK.has(greek.toLowerCase())) return greek.toLowerCase();
  const word = TEX_WORDS[name];
  if (word !== undefined) return word;
  if (TEX_FORMATTING.has(name)) return '';
  if (TEX_PUNCTUATION.has(name)) return ' ';
  return name;
}

/**
 * Command names that lose their backslash in the corpus and are not English words (so `small`, `large`, `left`
 * are not here: see BARE_DELIMITER_SIZE for `left`/`right`). Also `var` Greek forms.
 */
const BARE_FORMATTING = [
  'mathcal', 'mathbb', 'mathbf', 'mathrm', 'mathit', 'mathsf', 'mathtt', 'mathfrak', 'mathscr', 'mathnormal',
  'boldsymbol', 'textbf', 'textit', 'textrm', 'texttt', 'textsc', 'textsf', 'textnormal', 'scriptsize',
  'footnotesize', 'operatorname', 'displaystyle', 'textstyle', 'scriptstyle', 'emph',
];
const BARE_VAR_GREEK: Record<string, string> = {
  varepsilon: 'epsilon', varphi: 'phi', vartheta: 'theta', varpi: 'pi', varrho: 'rho', varsigma: 'sigma',
  varkappa: 'kappa',
};
// A run of such names not preceded by a letter; replaced (or not) by `dropBareNames` depending on what follows.
const BARE_NAMES_RE = new RegExp(`(?<![\\p{L}])(?:${[...BARE_FORMATTING, ...Object.keys(BARE_VAR_GREEK)].join('|')})+`, 'giu');
// `Oleft(k^{-3} right)`: a bare `left`/`right` directly before a delimiter (a run of them, so that removing one
// cannot bring another up against the delimiter for the next call to find).
const BARE_DELIMITER_SIZE = /(?:left)+(?=[([|])|(?:right)+(?=[)\]|])/g;
/** A necessary condition for either pattern above: the first four letters of some name (one short alternation). */
const MIGHT_HOLD_BARE_NAME = new RegExp(
  [...new Set([...BARE_FORMATTING, ...Object.keys(BARE_VAR_GREEK), 'left', 'right'].map((name) => name.slice(0, 4)))].join('|'),
  'i',
);

/**
 * Step 5. A bare name is dropped only when what follows cannot continue a word: `scriptsizeFLaws` and
 * `mathcal O` lose the name, `textbfish` keeps it. Matching the run case-insensitively and deciding on the next
 * character alone keeps this step stable under the lower-casing of step 6 (so the whole is idempotent).
 */
function dropBareNames(s: string): string {
  // Most titles hold none of the names: one cheap test spares them the two long alternations below.
  if (!MIGHT_HOLD_BARE_NAME.test(s)) return s;
  // Delimiter sizes first: `mathcalleft(` must leave `mathcal(`, whose name the next replace then drops.
  return s
    .replace(BARE_DELIMITER_SIZE, '')
    .replace(BARE_NAMES_RE, (run: string, offset: number, whole: string) => {
      const next = whole.slice(offset + run.length).match(/^./u)?.[0] ?? '';
      if (/\p{Ll}/u.test(next)) return run;
      const lower = run.toLowerCase();
      const greek = Object.keys(BARE_VAR_GREEK).find((v) => lower.endsWith(v));
      return greek ? BARE_VAR_GREEK[greek]! : '';
    });
}

/** Anything outside printable ASCII, or a TeX character: the title needs every step below. */
const NEEDS_FULL_STEPS = /[^\x20-\x7e]|[\\$^_{}~]/;

/** The normal form of a title: lower-case letters and digits, single spaces. See the module comment for the steps. */
export function normalizeTitle(title: string): string {
  // Most titles on a listing are printable ASCII without TeX: then steps 1–3 and the Unicode folding change
  // nothing, and only the bare names, the case and the punctuation remain (a 1,000-entry page normalises every
  // title in the content script, at DOMContentLoaded).
  if (!NEEDS_FULL_STEPS.test(title)) {
    return dropBareNames(title)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  let s = title
    // 1. TeX escapes for punctuation, then accents and named letters.
    .replace(/\\[&%#_]/g, ' ')
    .replace(/\\[$ {}]/g, ' ')
    .replace(TEX_SYMBOL_ACCENT, (_m, a?: string, b?: string) => a ?? b ?? '')
    .replace(TEX_LETTER_ACCENT, (_m, a?: string, b?: string) => a ?? b ?? '')
    .replace(TEX_LETTER_COMMAND, (_m, name: string) => TEX_LETTERS[name] ?? name);
  // 2.
  s = foldUnicode(s);
  // 3. `\\`, `\,` `\;` `\!` `\:` are spacing; `~` is a non-breaking space.
  s = s
    .replace(/\\(?:\\|[,;:!>])/g, ' ')
    .replace(/~/g, ' ')
    .replace(/\\([A-Za-z]+)\*?/g, (_m, name: string) => replaceCommand(name))
    .replace(/\\/g, ' ');
  // 4, 5.
  s = dropBareNames(s);
  s = s.replace(/[${}^_]/g, '');
  s = dropBareNames(s);
  // 6. Lower-casing can produce characters that fold further (`İ` → `i̇`), so fold again before the final cut.
  return foldUnicode(s.toLowerCase())
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
