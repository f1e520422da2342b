import { describe, expect, it } from 'vitest';
import { loadPage } from '../../../test/fixtures/pages/load-page';
import { extract } from './hf-papers';

describe('Hugging Face daily papers', () => {
  const doc = loadPage('hf-daily.html');
  const refs = extract(doc, new URL('https://huggingface.co/papers/date/2024-12-12'));

  it('reads one entry per card, in order, ignoring navigation and arXiv links', () => {
    expect(refs.map((r) => r.id)).toEqual(['2412.08946', '2401.00003', '2001.08361']);
    expect(refs.every((r) => r.element.localName === 'article' && r.version === null)).toBe(true);
  });

  it('takes the heading link as the title, not the image, author or comment links', () => {
    expect(refs[0]!.title).toBe('S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity');
    expect(refs[2]!.title).toBe('Scaling Laws for Neural Language Models');
  });

  it("reads each card's abstract and authors from the page's hydration blob, as plain text", () => {
    expect(refs[0]!.authors).toEqual(['Xinyu Yang', 'Jixuan Leng']);
    expect(refs[0]!.abstract).toMatch(/^Current PEFT methods for LLMs can achieve either high quality, efficient training, or scalable serving, but not all three/);
    expect(refs[2]!.authors).toEqual(['Jared Kaplan', 'Sam McCandlish', 'Tom Henighan']);
    expect(refs[2]!.abstract).toMatch(/^We study empirical scaling laws .* <b>Not markup<\/b>$/);
    // A card the blob does not describe has neither, and the marks never needed the blob.
    expect(refs[1]!.authors).toBeUndefined();
    expect(refs[1]!.abstract).toBeUndefined();
  });

  it('ignores a missing, broken or differently shaped blob', () => {
    for (const props of [null, '{not json', '{"dailyPapers":{}}', '{"dailyPapers":[{"paper":{"id":"2412.08946","summary":7,"authors":"Ada"}}]}', 'null']) {
      const page = loadPage('hf-daily.html');
      const blob = page.querySelector('[data-target="DailyPapers"]')!;
      if (props === null) blob.removeAttribute('data-props');
      else blob.setAttribute('data-props', props);
      const cards = extract(page, new URL('https://huggingface.co/papers/date/2024-12-12'));
      expect(cards.map((r) => r.id)).toEqual(['2412.08946', '2401.00003', '2001.08361']);
      expect(cards.map((r) => [r.authors, r.abstract])).toEqual([[undefined, undefined], [undefined, undefined], [undefined, undefined]]);
    }
  });

  it('keeps a hostile title as inert text', () => {
    expect(refs[1]!.title).toBe('<script>alert("card")</script> Titles Are Text');
    expect(doc.querySelectorAll('script').length).toBe(0);
  });
});

describe('Hugging Face search results (cards without <article>)', () => {
  it('groups each result block by its paper links and takes the longest non-label link as title', () => {
    const doc = loadPage('hf-search.html');
    const refs = extract(doc, new URL('https://huggingface.co/search/full-text?q=scaling+laws&type=paper'));
    expect(refs.map((r) => [r.id, r.title])).toEqual([
      ['2001.08361', 'Scaling Laws for Neural Language Models'],
      ['2109.07740', 'Scaling Laws for Neural Machine Translation'],
      ['2512.00001', 'Scaling Laws for Neural Speech Translation'],
    ]);
    expect(refs.every((r) => r.element.classList.contains('rounded-lg'))).toBe(true);
  });
});
