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
