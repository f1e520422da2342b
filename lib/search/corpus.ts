/**
 * Corpus papers → search documents. The seed pages give no author names (only a count), so `authors` is set
 * only when a paper carries them; the year is the page's `published.year`, which Hugging Face omits for the
 * current year.
 */
import type { CorpusPaper } from '../corpus/types';
import type { SearchDoc } from './types';

export function corpusToDocs(papers: readonly CorpusPaper[]): SearchDoc[] {
  return papers.map((paper) => {
    const doc: SearchDoc = { id: paper.id, title: paper.title, abstract: paper.abstract, inCorpus: true };
    if (paper.authors?.length) doc.authors = paper.authors;
    if (paper.published?.year !== undefined) doc.year = paper.published.year;
    return doc;
  });
}
