/**
 * Writes a title the way arXiv pages print it, for the recall test and the benchmark: the corpus holds titles as
 * Hugging Face rendered them (`PanGu-π`, `S^{2}FT`, `Schrödinger`, `–`), arXiv holds the TeX source
 * (`PanGu-$\pi$`, `S$^{2}$FT`, `Schr\"odinger`, `--`), wrapped at about 70 columns with two-space indents, and
 * readers meet it in other cases too. Deterministic: the same title and style give the same text.
 */

export type ArxivStyle = 'tex' | 'tex-upper' | 'tex-lower-wrapped' | 'title-case-dashes';
export const ARXIV_STYLES: readonly ArxivStyle[] = ['tex', 'tex-upper', 'tex-lower-wrapped', 'title-case-dashes'];

const GREEK_COMMANDS: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota',
  κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', υ: 'upsilon',
  φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Π: 'Pi', Σ: 'Sigma',
  Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};
/** Combining mark → TeX accent command. */
const ACCENTS: Record<string, string> = { '\u0308': '"', '\u0301': "'", '\u0300': '`', '\u0302': '^', '\u0303': '~', '\u0304': '=' };

function toTex(title: string): string {
  return (
    title
      // Undo the corpus's lost backslashes (`scriptsizeFLaws`, `Oleft(k right)`): arXiv has the commands.
      .replace(/(?<![A-Za-z])(mathcal|mathbb|mathbf|mathrm|mathtt|scriptsize|textbf|emph)(?=[A-Z{])/g, '\\$1 ')
      .replace(/left(?=[([|])/g, '\\left')
      .replace(/ ?right(?=[)\]|])/g, '\\right')
      // Superscripts and subscripts as HF leaves them (`S^{2}`, `CO_2`) go into math mode, as arXiv has them.
      .replace(/([\^_](?:\{[^{}]*\}|[A-Za-z0-9]))/g, '$$$1$$')
      .replace(/[α-ωΓ-Ω]/g, (c) => (GREEK_COMMANDS[c] ? `$\\${GREEK_COMMANDS[c]}$` : c))
      .replace(/×/g, '$\\times$')
      .replace(/∞/g, '$\\infty$')
      .replace(/[–—]/g, '--')
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .normalize('NFD')
      .replace(/([A-Za-z])([\u0300-\u0304\u0308])/g, (_m, letter: string, mark: string) => `\\${ACCENTS[mark]}${letter}`)
      .normalize('NFC')
  );
}

/** Breaks before the word that would pass `width` columns, indenting continuation lines as arXiv does. */
function wrap(text: string, width = 70): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n  ');
}

/** Changes the case of the prose only: math (`$…$`) and TeX commands keep theirs, as on arXiv. */
function proseCase(text: string, change: (prose: string) => string): string {
  return text.replace(/\$[^$]*\$|\\[A-Za-z]+|[^$\\]+|[$\\]/g, (part) => (/^(?:\$.*\$|\\[A-Za-z]+)$/s.test(part) ? part : change(part)));
}

export function rewriteTheArxivWay(title: string, style: ArxivStyle): string {
  switch (style) {
    case 'tex':
      return toTex(title);
    case 'tex-upper':
      return proseCase(toTex(title), (prose) => prose.toUpperCase());
    case 'tex-lower-wrapped':
      return wrap(proseCase(toTex(title), (prose) => prose.toLowerCase()));
    case 'title-case-dashes':
      return title
        .replace(/\b([a-z])/g, (c) => c.toUpperCase())
        .replace(/ [-–—] /g, ' -- ')
        .replace(/: /g, ':  ');
  }
}
