/**
 * Where "open" takes the reader, and where an exported checklist links: the arXiv abstract page when the arXiv id
 * is known, else the page the paper was saved from (http or https only: never a `javascript:` link), else its DOI,
 * else an arXiv title search (the corpus has no ids, and a title search lands on the paper in one click far more
 * often than a guess would).
 */
export function paperUrl(paper: { arxivId?: string; url?: string; doi?: string; title: string }): string {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  if (paper.url && /^https?:\/\//i.test(paper.url.trim())) return paper.url.trim();
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  return `https://arxiv.org/search/?searchtype=title&query=${encodeURIComponent(paper.title)}`;
}
