/**
 * Markdown: each list as a GFM task list, for pasting into a notes app, an issue or a README.
 *
 *     ## Reading list
 *
 *     - [ ] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — Ashish Vaswani, Noam Shazeer, Niki Parmar et al., 2017
 *       > my note, which may itself be Markdown
 *
 * Read papers are ticked. A paper's notes follow it as a block quote inside the list item: a quote needs no blank
 * line before it (so the list stays tight) and keeps whatever Markdown the note holds inside the item.
 */
import { paperUrl } from '../library/urls';
import { READING_LIST_ID } from '../library/types';
import { cleanLine, cleanMultiline } from './citation-record';
import { compareStrings, notesByPaper, type FormatPaper, type LibrarySnapshot } from './snapshot';
import { highlightLink, inReadingOrder, type Highlight } from '../library/highlights';

/** Authors shown before "et al.": a checklist line, not a bibliography. @default 3 */
const MAX_AUTHORS = 3;

/**
 * Backslash-escapes what would turn title text into markup (CommonMark lets any ASCII punctuation be escaped):
 * emphasis, code, links, HTML, GFM strikethrough and tables, an entity (`&amp;`), an image (`![`). A plain `&` or
 * `!` stays readable.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)|!(?=\[)/g, '\\$&');
}

/** Link destinations may not contain spaces, controls or unbalanced parentheses; percent-encoding them is safe. */
function escapeUrl(url: string): string {
  return url.trim().replace(/[\s()<>]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function itemLines(paper: FormatPaper, notes: readonly string[], highlights: readonly Highlight[] = []): string[] {
  const title = escapeInline(cleanLine(paper.title));
  // A checklist is for clicking: every paper links where "open" would go (lib/library/urls).
  const link = `[${title}](${escapeUrl(paperUrl(paper))})`;
  const authors = (paper.authors ?? []).map(cleanLine).filter((a) => a.length > 0);
  const byline = [
    authors.length > 0
      ? escapeInline(authors.slice(0, MAX_AUTHORS).join(', ')) + (authors.length > MAX_AUTHORS ? ' et al.' : '')
      : undefined,
    paper.year?.toString(),
  ].filter((part) => part !== undefined);
  const lines = [`- [${paper.status === 'read' ? 'x' : ' '}] ${link}${byline.length > 0 ? ` — ${byline.join(', ')}` : ''}`];
  notes.forEach((note, i) => {
    if (i > 0) lines.push('  >');
    for (const line of note.split('\n')) lines.push(line ? `  > ${line}` : '  >');
  });
  // Highlights (issue #8) as a nested list in reading order: the quote, the comment, a link back to the place.
  for (const h of highlights) {
    const comment = h.comment ? ` — ${escapeInline(cleanLine(h.comment))}` : '';
    const where = h.selector.section ? `§ ${escapeInline(h.selector.section)}` : 'on the page';
    lines.push(`  - “${escapeInline(cleanLine(h.selector.quote.exact))}”${comment} ([${where}](${escapeUrl(highlightLink(h))}))`);
  }
  return lines;
}

export function exportMarkdown(snapshot: LibrarySnapshot): string {
  const notes = notesByPaper(snapshot.notes);
  const highlights = new Map<string, Highlight[]>();
  for (const h of inReadingOrder(snapshot.highlights ?? [])) highlights.set(h.paperId, [...(highlights.get(h.paperId) ?? []), h]);
  const papers = new Map(snapshot.papers.map((p) => [p.id, p]));
  const render = (paper: FormatPaper) =>
    itemLines(
      paper,
      (notes.get(paper.id) ?? []).map((n) => cleanMultiline(n.text)).filter((t) => t.length > 0),
      highlights.get(paper.id),
    );

  const lists = [...snapshot.lists].sort(
    (a, b) => Number(b.id === READING_LIST_ID) - Number(a.id === READING_LIST_ID) || a.createdAt - b.createdAt || compareStrings(a.id, b.id),
  );
  const sections: string[] = [];
  const listed = new Set<string>();
  for (const list of lists) {
    const members = snapshot.memberships
      .filter((m) => m.listId === list.id && papers.has(m.paperId))
      .sort((a, b) => a.addedAt - b.addedAt || compareStrings(a.paperId, b.paperId));
    if (members.length === 0) continue;
    members.forEach((m) => listed.add(m.paperId));
    sections.push([`## ${escapeInline(cleanLine(list.name))}`, '', ...members.flatMap((m) => render(papers.get(m.paperId)!))].join('\n'));
  }
  const rest = snapshot.papers.filter((p) => !listed.has(p.id));
  if (rest.length > 0) {
    const lines = rest.flatMap(render);
    // Without lists (a converted .bib) the checklist stands alone; beside lists it gets its own heading.
    sections.push(sections.length > 0 ? ['## Other saved papers', '', ...lines].join('\n') : lines.join('\n'));
  }
  return sections.length > 0 ? sections.join('\n\n') + '\n' : '';
}
