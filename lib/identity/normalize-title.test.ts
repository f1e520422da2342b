import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './normalize-title';

describe('normalizeTitle', () => {
  it.each([
    ['Attention Is All You Need', 'attention is all you need'],
    ['  Attention\n   Is All\tYou Need. ', 'attention is all you need'],
    ['Building Bridges, Not Walls -- Advancing Interpretability', 'building bridges not walls advancing interpretability'],
    ['PanGu-$\\pi$: Enhancing', 'pangu pi enhancing'],
    ['$\\epsilon$-greedy', 'epsilon greedy'],
    ['$\\varepsilon$-greedy', 'epsilon greedy'],
    ['S$^{2}$FT', 's2ft'],
    ['CO$_2$ forcing', 'co2 forcing'],
    ['$\\mathcal{O}\\left(k^{-3}\\right)$ Convergence', 'o k 3 convergence'],
    ['Schr\\"odinger', 'schrodinger'],
    ['Schr{\\"o}dinger', 'schrodinger'],
    ['Pad\\\'{e}', 'pade'],
    ['Erd\\H{o}s and \\L{}ukasz', 'erdos and lukasz'],
    ['Stra\\ss e', 'strasse'],
    ['Straße', 'strasse'],
    ['Q\\&A', 'q a'],
    ['$\\log n$ Depth', 'log n depth'],
    ['Mixtral 8$\\times$7B', 'mixtral 8x7b'],
    ['$\\infty$-former', 'infinity former'],
    ['$\\ell_1$ Regularization', 'l1 regularization'],
    ['$\\textbf{Bold}$ \\emph{Claims}', 'bold claims'],
    ['Trans\u00adformer\u200bs', 'transformers'], // soft hyphen, zero-width space
    ['𝒪(n) and ＦＵＬＬＷＩＤＴＨ', 'o n and fullwidth'], // math script letter, fullwidth forms
    ['S²FT and CO₂', 's2ft and co2'],
    ['ΠΘ', 'pitheta'],
    ['ϵ and ϕ', 'epsilon and phi'],
    ['<img src=x onerror=alert(1)>', 'img src x onerror alert 1'],
    ['', ''],
    ['$$ {} ^_ --', ''],
  ])('normalises %j → %j', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  // Left: the arXiv way (TeX source). Right: how the corpus (saved Hugging Face pages) holds the same title.
  it.each([
    ['PanGu-$\\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation', 'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation'],
    ['S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity', 'S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity'],
    ['Transfer Learning for Emulating Ocean Climate Variability across $CO_2$ forcing', 'Transfer Learning for Emulating Ocean Climate Variability across CO_2 forcing'],
    ['$\\epsilon$-shotgun: $\\epsilon$-greedy Batch Bayesian Optimisation', 'ε-shotgun: ε-greedy Batch Bayesian Optimisation'],
    ['Damped Newton Method with Near-Optimal Global $\\mathcal{O}\\left(k^{-3}\\right)$ Convergence Rate', 'Damped Newton Method with Near-Optimal Global Oleft(k^{-3} right) Convergence Rate'],
    ['Inference Scaling $\\scriptsize\\mathtt{F}$Laws: The Limits of LLM Resampling with Imperfect Verifiers', 'Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling with Imperfect Verifiers'],
    ['u-$\\mu$P: The Unit-Scaled Maximal Update Parametrization', 'u-μP: The Unit-Scaled Maximal Update Parametrization'],
    ['$\\mu$LO: Compute-Efficient Meta-Generalization of Learned Optimizers', 'μLO: Compute-Efficient Meta-Generalization of Learned Optimizers'],
    ['Optimally truncated WKB approximation for the highly oscillatory stationary 1D Schr\\"odinger equation', 'Optimally truncated WKB approximation for the highly oscillatory stationary 1D Schrödinger equation'],
    ['PAON: A New Neuron Model using Pad\\\'e Approximants', 'PAON: A New Neuron Model using Padé Approximants'],
    ['Big Bang Nucleosynthesis constraints on the Energy-Momentum Squared Gravity: The $T^{2}$ model', 'Big Bang Nucleosynthesis constraints on the Energy-Momentum Squared Gravity: The T^{2} model'],
    ['$\\mathcal{X}$-Armed Bandits', 'mathcal{X}-Armed Bandits'],
    ['$\\mathcal{X}$-Armed Bandits', '𝒳-Armed Bandits'],
    ['Learning Scale Free Networks by Reweighted $\\ell_1$ regularization', 'Learning Scale Free Networks by Reweighted ℓ₁ regularization'],
    ['Building Bridges, Not Walls --\n  Advancing Interpretability by Unifying Feature, Data, and Model\n  Component Attribution', 'Building Bridges, Not Walls – Advancing Interpretability by Unifying Feature, Data, and Model Component Attribution'],
    ['ATTENTION IS ALL YOU NEED', 'Attention is all you need'],
    ["Don't Stop Pretraining", 'Don’t Stop Pretraining'],
  ])('reads %j and %j alike', (arxiv, corpus) => {
    expect(normalizeTitle(arxiv)).toBe(normalizeTitle(corpus));
  });

  // Things that look strippable but are words, and near titles that must stay apart.
  it.each([
    ['Small Language Models Are Also Few-Shot Learners', 'small language models are also few shot learners'],
    ['Left-to-Right Decoding', 'left to right decoding'],
    ['Large Language Models', 'large language models'],
    ['Text to Image with Emphasis', 'text to image with emphasis'],
    ['The Variance of Adaptive Learning Rates', 'the variance of adaptive learning rates'],
  ])('keeps words: %j', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  it.each([
    ['Scaling Laws for Neural Machine Translation', 'Scaling Laws for Neural Language Models'],
    ['Llama 2: Open Foundation and Fine-Tuned Chat Models', 'Llama 3: Open Foundation and Fine-Tuned Chat Models'],
    ['Unraveling the Mystery of Scaling Laws: Part I', 'Unraveling the Mystery of Scaling Laws: Part II'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(normalizeTitle(a)).not.toBe(normalizeTitle(b));
  });
});

/** Text that exercises the TeX and Unicode steps far more often than uniform random strings would. */
const texish = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'abcdefgxyzABCXYZ0129 -:,.$^_{}()[]|\\"\'`~=&%#*/'.split('')),
    fc.constantFrom('\\mathcal', '\\left', '\\right', '\\pi', '\\varepsilon', '\\times', 'mathcal', 'scriptsize', 'left(', 'right)', 'var', 'epsilon', '\\ss', '\\"o', 'İ', 'ẞ', 'ß', 'π', 'Σ', 'ς', 'é', '\u0301', '\u200b', '²', '𝒪', 'ǅ', 'Ⅻ', '＄'),
  ),
  maxLength: 30,
});

describe('normalizeTitle properties', () => {
  it('is idempotent and yields lower-case words separated by single spaces, on TeX-ish text', () => {
    fc.assert(
      fc.property(texish, (s) => {
        const once = normalizeTitle(s);
        expect(normalizeTitle(once)).toBe(once);
        expect(once).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
        expect(once).toBe(once.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent and never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const once = normalizeTitle(s);
        expect(normalizeTitle(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case and spacing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ  \n\t-'.split('')), maxLength: 40 }), (s) => {
        expect(normalizeTitle(s.toUpperCase())).toBe(normalizeTitle(s));
        expect(normalizeTitle(` ${s.replace(/ /g, '  ')}\n`)).toBe(normalizeTitle(s));
      }),
    );
  });

  it('takes the plain-ASCII shortcut only where every full step would change nothing', () => {
    // A trailing zero-width space forces the full steps (it is not ASCII) and folds away in step 2.
    const fragment = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abcXYZ019 -:,.()!?/\'"'.split('')), maxLength: 12 }),
      fc.constantFrom('mathcal', 'Mathbb', 'textbf', 'varepsilon', 'left(', 'right)', 'scriptsize', 'emph', 'leftright['),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), (parts) => {
        const title = parts.join('');
        expect(normalizeTitle(title)).toBe(normalizeTitle(`${title}\u200b`));
      }),
      { numRuns: 2_000 },
    );
  });
});
