/**
 * Watched keywords against a listing entry's title and abstract, through the search core's analyzer: a keyword
 * meets a text when it would find it in a search. One word matches the same index term anywhere, including
 * camelCase parts and hyphen compounds (`dna` finds `HyenaDNA`, `pretraining` finds `pre-training`); several
 * words match in a row, stop words included (`attention is all you need`); a hyphenated keyword also matches its
 * closed compound (`pre-training` finds `pretraining`).
 */
import { analyze, COMPOUND, WORD } from '../search/tokenize';

export interface CompiledKeyword {
  /** As the reader typed it, for the reason shown. */
  text: string;
  /** Index terms in a row (stop words kept, they count for adjacency); one term for a one-word keyword. */
  sequence: string[];
  /** The closed compound of a hyphenated keyword (`pretraining` for `pre-training`), matched as one term. */
  compound?: string;
}

/** A title or abstract analysed once, for every keyword and for similarity. */
export interface AnalyzedField {
  /** Word terms in text order, stop words included: what phrases are matched against (empty unless asked for). */
  words: string[];
  /** Non-stop words and camelCase parts, with their counts: what single keywords and similarity use. */
  terms: Map<string, number>;
  /** Hyphen compounds (`pretraining`), counted apart so similarity does not count a word twice. */
  compounds: Map<string, number>;
}

/** `withWords`: keep the word sequence too, which only phrase keywords need (it costs an array per text). */
export function analyzeField(text: string, withWords = true): AnalyzedField {
  const field: AnalyzedField = { words: [], terms: new Map(), compounds: new Map() };
  analyze(text, (term, kind, _start, _end, stop) => {
    if (withWords && kind === WORD) field.words.push(term);
    if (stop) return;
    const counts = kind === COMPOUND ? field.compounds : field.terms;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  });
  return field;
}

/** Undefined when the keyword holds only stop words or nothing at all: it would match nearly every entry or none. */
export function compileKeyword(text: string): CompiledKeyword | undefined {
  const sequence: string[] = [];
  let content = 0;
  let firstStart = -1;
  let lastEnd = -1;
  let compound: { term: string; start: number; end: number } | undefined;
  analyze(text, (term, kind, start, end, stop) => {
    if (kind === WORD) {
      sequence.push(term);
      if (!stop) content++;
      if (firstStart < 0) firstStart = start;
      lastEnd = end;
    } else if (kind === COMPOUND) {
      compound = { term, start, end };
    }
  });
  if (content === 0) return undefined;
  const keyword: CompiledKeyword = { text, sequence };
  if (compound && compound.start === firstStart && compound.end === lastEnd) keyword.compound = compound.term;
  return keyword;
}

/** How often `keyword` occurs in `field` (0 when it does not). */
export function countKeyword(keyword: CompiledKeyword, field: AnalyzedField): number {
  const { sequence } = keyword;
  if (sequence.length === 1) {
    const term = sequence[0]!;
    return (field.terms.get(term) ?? 0) + (field.compounds.get(term) ?? 0);
  }
  let inRow = 0;
  const words = field.words;
  const n = sequence.length;
  for (let i = 0; i + n <= words.length; i++) {
    let j = 0;
    while (j < n && words[i + j] === sequence[j]) j++;
    if (j === n) inRow++;
  }
  if (keyword.compound === undefined) return inRow;
  // `pre-training` yields both the words and the compound: take the larger count, not the sum.
  const closed = (field.terms.get(keyword.compound) ?? 0) + (field.compounds.get(keyword.compound) ?? 0);
  return Math.max(inRow, closed);
}
