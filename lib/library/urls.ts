/**
 * Where "open" takes the reader: the arXiv abstract page when the arXiv id is known, else the page the paper was
 * saved from, else an arXiv title search (the corpus has no ids, and a title search lands on the paper in one
 * click far more often than a guess would).
 */
export function paperUrl(paper: { arxivId?: string; arxivVersion?: number; url?: string; title: string }): string {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  if (paper.url && /^https:\/\//.test(paper.url)) return paper.url;
  return `https://arxiv.org/search/?searchtype=title&query=${encodeURIComponent(paper.title)}`;
}
