import { describe, expect, it } from 'vitest';
import { paperUrl } from './urls';

describe('paperUrl', () => {
  it.each([
    [{ arxivId: '1706.03762', title: 'Attention' }, 'https://arxiv.org/abs/1706.03762'],
    [{ arxivId: 'hep-th/9901001', title: 'Old' }, 'https://arxiv.org/abs/hep-th/9901001'],
    [{ url: 'https://huggingface.co/papers/2509.24002', title: 'MCPMark' }, 'https://huggingface.co/papers/2509.24002'],
    [{ url: 'javascript:alert(1)', title: 'A & B' }, 'https://arxiv.org/search/?searchtype=title&query=A%20%26%20B'],
    [{ doi: '10.1000/xyz', title: 'Only a DOI' }, 'https://doi.org/10.1000/xyz'],
    [{ url: ' http://example.org/p ', doi: '10.1000/xyz', title: 'Both' }, 'http://example.org/p'],
    [{ title: 'Scaling Laws for Neural Language Models' }, 'https://arxiv.org/search/?searchtype=title&query=Scaling%20Laws%20for%20Neural%20Language%20Models'],
  ])('%o → %s', (paper, url) => {
    expect(paperUrl(paper)).toBe(url);
  });
});
