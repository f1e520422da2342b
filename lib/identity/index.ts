/**
 * Paper identity on pages: arXiv ids (old and new style, versions), title normalisation, and matching page titles
 * to corpus papers. Pure: runs in the content script, the background and Node alike.
 */
export { arxivIdFromUrl, findArxivIds, formatArxivId, parseArxivId, type ArxivId } from './arxiv-id';
export { normalizeTitle } from './normalize-title';
export {
  FUZZY_MIN_LENGTH,
  FUZZY_MIN_SIMILARITY,
  TitleMatcher,
  type CorpusTitle,
  type NearTitle,
  type TitleMatch,
  type TitleMatcherOptions,
} from './title-matcher';
