import { describe, expect, it } from 'vitest';
import { loadPage } from '../../../test/fixtures/pages/load-page';
import { FALLBACK_ADAPTER, pickAdapter } from './index';

describe('pickAdapter', () => {
  it.each([
    ['https://arxiv.org/list/cs.LG/new', 'arxiv-listing'],
    ['https://arxiv.org/list/astro-ph/pastweek?show=1000', 'arxiv-listing'],
    ['https://arxiv.org/list/cs/recent', 'arxiv-listing'],
    ['https://arxiv.org/list/hep-th/2401', 'arxiv-listing'],
    ['https://arxiv.org/catchup/cs.LG/2024-11-20', 'arxiv-listing'],
    ['https://arxiv.org/a/vaswani_a_1', 'arxiv-listing'],
    ['https://arxiv.org/abs/2401.12345v2', 'arxiv-abs'],
    ['https://export.arxiv.org/abs/hep-th/9901001', 'arxiv-abs'],
    ['https://arxiv.org/search/?query=x&searchtype=all', 'arxiv-search'],
    ['https://arxiv.org/search/advanced?terms-0-term=x', 'arxiv-search'],
    ['https://arxiv.org/html/2410.00260v1', 'arxiv-html'],
    ['https://ar5iv.labs.arxiv.org/html/1706.03762', 'arxiv-html'],
    ['https://ar5iv.org/abs/1706.03762', 'arxiv-html'],
    ['https://huggingface.co/papers/2509.24002', 'hf-paper'],
    ['https://huggingface.co/papers', 'hf-papers'],
    ['https://huggingface.co/papers/date/2025-01-06', 'hf-papers'],
    ['https://huggingface.co/papers/week/2025-W02', 'hf-papers'],
    ['https://huggingface.co/papers/month/2025-01', 'hf-papers'],
    ['https://huggingface.co/papers/trending', 'hf-papers'],
    ['https://huggingface.co/papers?q=diffusion', 'hf-papers'],
    ['https://huggingface.co/search/full-text?q=x&type=paper', 'hf-papers'],
    ['https://arxiv.org/pdf/2401.12345', null],
    ['https://scholar.google.com/scholar?q=x', null],
    ['https://example.com/list/cs/new', null],
  ])('%s → %s', (url, name) => {
    expect(pickAdapter(new URL(url))?.name ?? null).toBe(name);
  });
});

describe('every adapter on its fixture', () => {
  it.each([
    ['arxiv-list-2023.html', 'https://arxiv.org/list/cs.LG/new', 3],
    ['arxiv-list-2024.html', 'https://arxiv.org/list/cs.LG/pastweek', 3],
    ['arxiv-list-empty.html', 'https://arxiv.org/list/cs/9101', 0],
    ['arxiv-abs.html', 'https://arxiv.org/abs/2402.00001', 1],
    ['arxiv-abs-old.html', 'https://arxiv.org/abs/hep-th/9901001v2', 1],
    ['arxiv-search.html', 'https://arxiv.org/search/?query=scaling+laws', 3],
    ['arxiv-html.html', 'https://arxiv.org/html/2312.17276v1', 1],
    ['hf-daily.html', 'https://huggingface.co/papers/date/2024-12-12', 3],
    ['hf-paper.html', 'https://huggingface.co/papers/2109.07740', 1],
    ['hf-search.html', 'https://huggingface.co/search/full-text?q=scaling+laws&type=paper', 3],
  ])('%s: %i entries, page left unchanged', (file, href, count) => {
    const doc = loadPage(file);
    const before = doc.documentElement.outerHTML;
    const url = new URL(href);
    const refs = (pickAdapter(url) ?? FALLBACK_ADAPTER).extract(doc, url);
    expect(refs).toHaveLength(count);
    for (const ref of refs) {
      // No keys beyond the PaperRef fields (authors and abstract may be lazy getters that read undefined).
      const present = Object.keys(ref).filter((k) => (ref as unknown as Record<string, unknown>)[k] !== undefined);
      expect(present.sort()).toEqual(['element', 'id', 'title', 'version', ...(ref.authors ? ['authors'] : []), ...(ref.abstract ? ['abstract'] : [])].sort());
      expect(doc.contains(ref.element)).toBe(true);
    }
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
