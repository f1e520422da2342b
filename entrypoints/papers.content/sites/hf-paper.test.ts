import { describe, expect, it } from 'vitest';
import { loadPage, loadSharedPage } from '../../../test/fixtures/pages/load-page';
import { SKIP_NO_SHARED } from '../../../test/shared';
import { extract, paperIdFromPath } from './hf-paper';

describe('Hugging Face paper page', () => {
  it('reads the id from the path and the h1 over two lines; authors from links and buttons', () => {
    const doc = loadPage('hf-paper.html');
    const refs = extract(doc, new URL('https://huggingface.co/papers/2109.07740'));
    expect(refs).toMatchObject([{ id: '2109.07740', version: null, title: 'Scaling Laws for Neural Machine Translation', authors: ['Behrooz Ghorbani', 'Orhan Firat'] }]);
    expect(refs[0]!.element).toBe(doc.querySelector('h1'));
  });

  it.each([
    ['https://huggingface.co/papers/2109.07740', '2109.07740'],
    ['https://huggingface.co/papers/2109.07740/', '2109.07740'],
    ['https://huggingface.co/papers', null],
    ['https://huggingface.co/papers/trending', null],
    ['https://huggingface.co/papers/date/2025-01-01', null],
    ['https://huggingface.co/papers/2109.07740/community/extra', null],
  ])('paperIdFromPath(%s) → %s', (url, id) => {
    expect(paperIdFromPath(new URL(url))?.id ?? null).toBe(id);
  });
});

describe('Hugging Face paper page, real saved page', () => {
  it('reads hf-paper-2509.24002 (re-serialised by BeautifulSoup: title over two lines)', () => {
    const doc = loadSharedPage('hf-paper/hf-paper-2509.24002-2025-10-bs4-prettified.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    const [ref, ...rest] = extract(doc, new URL('https://huggingface.co/papers/2509.24002'));
    expect(rest).toEqual([]);
    expect(ref).toMatchObject({ id: '2509.24002', version: null, title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use' });
    expect(ref!.authors?.slice(0, 2)).toEqual(['Zijian Wu', 'Xiangyan Liu']);
  });
});
