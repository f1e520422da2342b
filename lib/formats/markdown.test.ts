import fc from 'fast-check';
import type { Blockquote, Heading, Link, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { cleanLine } from './citation-record';
import { exportMarkdown } from './markdown';
import { snapshotArb } from './testing/arbitraries';
import { emptySnapshot, type FormatPaper, type LibrarySnapshot } from './snapshot';

const paper = (fields: Partial<FormatPaper> & { id: string; title: string }): FormatPaper => ({ tags: [], addedAt: 1, updatedAt: 1, ...fields });

const attention = paper({
  id: 'arxiv:1706.03762',
  arxivId: '1706.03762',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
  year: 2017,
  url: 'https://arxiv.org/abs/1706.03762',
  status: 'read',
});
const ddpm = paper({ id: 'u-ddpm', title: 'Denoising *Diffusion* [Models] <b>', authors: ['Jonathan Ho'], year: 2020, doi: '10.48550/arXiv.2006.11239' });

const library: LibrarySnapshot = {
  papers: [attention, ddpm, paper({ id: 'u-loose', title: 'Not in a list' })],
  lists: [
    { id: 'l-later', name: 'Weekend', createdAt: 5, updatedAt: 5 },
    { id: 'reading-list', name: 'Reading list', createdAt: 9, updatedAt: 9 },
  ],
  memberships: [
    { listId: 'reading-list', paperId: 'u-ddpm', addedAt: 2 },
    { listId: 'reading-list', paperId: 'arxiv:1706.03762', addedAt: 3 },
    { listId: 'l-later', paperId: 'u-ddpm', addedAt: 4 },
  ],
  tags: [],
  notes: [{ id: 'n', paperId: 'u-ddpm', text: 'Key idea:\n\n- predict the noise\n- `eps`', createdAt: 1, updatedAt: 1 }],
};

describe('exportMarkdown', () => {
  it('writes each list as a checklist, the reading list first, read papers ticked, notes quoted under their paper', () => {
    expect(exportMarkdown(library)).toBe(
      [
        '## Reading list',
        '',
        '- [ ] [Denoising \\*Diffusion\\* \\[Models\\] \\<b\\>](https://doi.org/10.48550/arXiv.2006.11239) — Jonathan Ho, 2020',
        '  > Key idea:',
        '  >',
        '  > - predict the noise',
        '  > - `eps`',
        '- [x] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — Ashish Vaswani, Noam Shazeer, Niki Parmar et al., 2017',
        '',
        '## Weekend',
        '',
        '- [ ] [Denoising \\*Diffusion\\* \\[Models\\] \\<b\\>](https://doi.org/10.48550/arXiv.2006.11239) — Jonathan Ho, 2020',
        '  > Key idea:',
        '  >',
        '  > - predict the noise',
        '  > - `eps`',
        '',
        '## Other saved papers',
        '',
        '- [ ] [Not in a list](https://arxiv.org/search/?searchtype=title&query=Not%20in%20a%20list)',
        '',
      ].join('\n'),
    );
  });

  it('writes a library without lists as one checklist', () => {
    expect(exportMarkdown({ ...emptySnapshot(), papers: [attention] })).toBe(
      '- [x] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — Ashish Vaswani, Noam Shazeer, Niki Parmar et al., 2017\n',
    );
  });
});

/** Plain text of an mdast node, as a reader sees it. */
function text(node: RootContent | Root): string {
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(text).join(node.type === 'blockquote' ? '\n' : '');
  return node.type === 'break' ? '\n' : '';
}

describe('exportMarkdown read by an independent Markdown parser (mdast-util-from-markdown)', () => {
  it('parses to one list item per paper with the exact title as link text and where "open" goes as link', () => {
    fc.assert(
      fc.property(snapshotArb({ uniqueArxiv: false }, 4), (snapshot) => {
        const flat = { ...snapshot, lists: [], memberships: [], notes: [] };
        const tree = fromMarkdown(exportMarkdown(flat));
        if (flat.papers.length === 0) {
          expect(tree.children).toEqual([]);
          return;
        }
        const [list, ...rest] = tree.children;
        expect(rest).toEqual([]);
        expect(list?.type).toBe('list');
        const items = (list as List).children;
        expect(items).toHaveLength(flat.papers.length);
        items.forEach((item: ListItem, i) => {
          const p = flat.papers[i]!;
          const paragraph = item.children[0] as Paragraph;
          expect(text(paragraph).startsWith(`${p.status === 'read' ? '[x]' : '[ ]'} ${cleanLine(p.title)}`)).toBe(true);
          const link = paragraph.children.find((c): c is Link => c.type === 'link');
          const url = p.arxivId
            ? `https://arxiv.org/abs/${p.arxivId}`
            : p.url && /^https?:\/\//i.test(p.url.trim())
              ? p.url.trim()
              : p.doi
                ? `https://doi.org/${p.doi}`
                : `https://arxiv.org/search/?searchtype=title&query=${encodeURIComponent(p.title)}`;
          expect(link && text(link)).toBe(cleanLine(p.title));
          // The parser percent-encodes destinations its own way; compare what they decode to.
          expect(decodeURI(link!.url)).toBe(decodeURI(url));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps each note inside its paper\'s list item, as a quote holding the note\'s text', () => {
    const tree = fromMarkdown(exportMarkdown(library));
    const headings = tree.children.filter((c): c is Heading => c.type === 'heading').map(text);
    expect(headings).toEqual(['Reading list', 'Weekend', 'Other saved papers']);
    const firstItem = (tree.children[1] as List).children[0]!;
    const quote = firstItem.children[1] as Blockquote;
    expect(quote.type).toBe('blockquote');
    expect(quote.children.map((c) => c.type)).toEqual(['paragraph', 'list']);
    expect(text(quote)).toBe('Key idea:\npredict the noiseeps');
  });
});
