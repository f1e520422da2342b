import { describe, expect, it } from 'vitest';
import { loadSharedPage, parsePage } from '../../../test/fixtures/pages/load-page';
import { SKIP_NO_SHARED } from '../../../test/shared';
import { extract } from './paper-links';

const url = new URL('https://example.org/reading-group');

describe('fallback: entries from paper links', () => {
  it('makes one entry per block that links to one paper, whatever the site', () => {
    const doc = parsePage(`<html><body><main><ul>
      <li><a href="https://arxiv.org/abs/1706.03762v5">Attention Is All You Need</a> [<a href="https://arxiv.org/pdf/1706.03762">pdf</a>]</li>
      <li><a href="https://huggingface.co/papers/2001.08361">2001.08361</a> — <a href="https://huggingface.co/papers/2001.08361">Scaling Laws for Neural Language Models</a></li>
      <li><a href="https://doi.org/10.48550/arXiv.hep-th/9901001">arXiv:hep-th/9901001</a></li>
      <li><a href="https://example.org/other">Not a paper</a></li>
    </ul></main></body></html>`);
    const refs = extract(doc, url);
    expect(refs.map((r) => [r.id, r.version, r.title, r.element.localName])).toEqual([
      ['1706.03762', 5, 'Attention Is All You Need', 'li'],
      ['2001.08361', null, 'Scaling Laws for Neural Language Models', 'li'],
      ['hep-th/9901001', null, '', 'li'],
    ]);
  });

  it('climbs to the largest block holding one paper when there is no list item', () => {
    const doc = parsePage(`<html><body><div id="feed">
      <div class="card"><div class="inner"><h4><a href="/abs/2401.12345">First Paper</a></h4></div><p>blurb</p></div>
      <div class="card"><div class="inner"><h4><a href="/abs/2401.54321">Second Paper</a></h4></div></div>
    </div></body></html>`);
    const refs = extract(doc, new URL('https://www.alphaxiv.org/explore'));
    expect(refs.map((r) => [r.id, r.title, r.element.getAttribute('class')])).toEqual([
      ['2401.12345', 'First Paper', 'card'],
      ['2401.54321', 'Second Paper', 'card'],
    ]);
  });

  it('falls back to citation meta for a page about one paper', () => {
    const doc = parsePage('<html><head><meta name="citation_arxiv_id" content="2401.12345v3"><meta name="citation_title" content="A Mirror"></head><body></body></html>');
    expect(extract(doc, url)).toMatchObject([{ id: '2401.12345', version: 3, title: 'A Mirror' }]);
  });

  it('finds nothing on a page without paper links (Google Scholar, 2016)', () => {
    const doc = loadSharedPage('other/scholar-search-2016-05.html');
    if (!doc) return console.log(SKIP_NO_SHARED);
    expect(extract(doc, new URL('https://scholar.google.com/scholar?q=x'))).toEqual([]);
  });
});
