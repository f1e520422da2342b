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
