import { describe, expect, it } from 'vitest';
import { describeReason } from './describe';
import type { Reason } from './types';

describe('describeReason', () => {
  it.each<[Reason, string]>([
    [{ kind: 'keyword', keyword: 'diffusion', field: 'title', points: 3 }, 'keyword “diffusion” in the title'],
    [{ kind: 'keyword', keyword: 'SLAM', field: 'abstract', points: 1 }, 'keyword “SLAM” in the abstract'],
    [{ kind: 'author', watched: 'Yann LeCun', author: 'Yann LeCun', points: 3 }, 'watched author Yann LeCun'],
    [{ kind: 'author', watched: 'Smith, J.', author: 'John Smith', points: 3 }, 'watched author Smith, J. (as John Smith)'],
    [{ kind: 'library-author', author: 'Ada Lovelace', savedPapers: 2, points: 1 }, 'Ada Lovelace is on 2 of your saved papers'],
    [{ kind: 'similar', paperId: 'p', title: 'Mamba', similarity: 0.31, starter: false, points: 1.5 }, 'resembles “Mamba” in your library'],
    [{ kind: 'similar', paperId: 'p', title: 'Mamba', similarity: 0.31, starter: true, points: 1.5 }, 'resembles “Mamba” (from the bundled corpus: your library is empty)'],
  ])('%j', (reason, text) => {
    expect(describeReason(reason)).toBe(text);
  });
});
