import { describe, expect, it } from 'vitest';
import { highlightIdFromHash, highlightLink, highlightSearchText, inReadingOrder, quoteMarkdown } from './highlights';

const at = (url: string, start: number, createdAt = 0) => ({ url, createdAt, selector: { quote: { exact: `${url}@${start}`, prefix: '', suffix: '' }, position: { start, end: start + 1 } } });

describe('highlight helpers', () => {
  it('links to the page with a fragment the content script reads back', () => {
    const link = highlightLink({ id: 'hl-1', url: 'https://arxiv.org/html/1706.03762v7' });
    expect(link).toBe('https://arxiv.org/html/1706.03762v7#paperlight-highlight=hl-1');
    expect(highlightIdFromHash(new URL(link).hash)).toBe('hl-1');
    expect(highlightIdFromHash('#S3.SS2')).toBeNull();
    expect(highlightIdFromHash('#paperlight-highlight=')).toBeNull();
  });

  it('orders by page (abstract first) and position, then creation', () => {
    const html = 'https://arxiv.org/html/1706.03762v7';
    const abs = 'https://arxiv.org/abs/1706.03762';
    const sorted = inReadingOrder([at(html, 50), at(abs, 900), at(html, 10, 2), at(html, 10, 1)]);
    expect(sorted.map((h) => [h.url, h.selector.position.start, h.createdAt])).toEqual([
      [abs, 900, 0],
      [html, 10, 1],
      [html, 10, 2],
      [html, 50, 0],
    ]);
  });

  it('search text is every quote and comment', () => {
    expect(highlightSearchText([{ selector: at('u', 1).selector, comment: 'why' }, { selector: at('v', 2).selector }])).toBe('u@1\nwhy\nv@2');
  });

  it.each([
    ['with a section', 'S3.SS2', '> a quote\n\n— [§ S3.SS2](https://arxiv.org/html/1706.03762v7#S3.SS2)'],
    ['outside any section', undefined, '> a quote\n\n— [source](https://arxiv.org/html/1706.03762v7)'],
  ])('quote to note, %s: a block quote and a link to the nearest section anchor', (_name, section, expected) => {
    expect(quoteMarkdown('a quote', 'https://arxiv.org/html/1706.03762v7#paperlight-highlight=hl-9', section)).toBe(expected);
  });
});
