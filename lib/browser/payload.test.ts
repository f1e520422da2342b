import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertPayload, PAYLOADS, PayloadError } from './payload';

describe('assertPayload', () => {
  it.each([
    ['search', { query: 'scaling laws', limit: 20 }],
    ['savePaper', { paper: { arxivId: '1706.03762', title: 'Attention', url: 'https://arxiv.org/abs/1706.03762' } }],
    ['setStatus', { ids: ['c-1'], status: null }],
    ['getCorpusStatus', undefined],
    ['addHighlight', { paper: { arxivId: '1706.03762', title: 'Attention' }, selector: { quote: { exact: 'scaled dot-product attention', prefix: 'We call it ', suffix: ' .' }, position: { start: 10, end: 38 }, section: 'S3.SS2' }, comment: 'why', url: 'https://arxiv.org/html/1706.03762v7' }],
    ['updateHighlight', { id: 'hl-1', comment: '' }],
    ['restoreHighlight', { highlight: { id: 'hl-1', paperId: 'arxiv:1706.03762', selector: { quote: { exact: 'scaled', prefix: '', suffix: '' }, position: { start: 1, end: 7 } }, url: 'https://arxiv.org/abs/1706.03762', createdAt: 1, updatedAt: 2 } }],
  ] as const)('accepts a well-formed %s', (type, data) => {
    expect(() => assertPayload(type, data)).not.toThrow();
  });

  it.each([
    ['search', { query: 42 }, 'background: malformed "search" message: query: Invalid type: Expected string but received 42'],
    ['setStatus', { ids: [], status: 'read' }, 'background: malformed "setStatus" message: ids: Invalid length: Expected >=1 but received 0'],
    ['setStatus', { ids: ['c-1'], status: 'skimmed' }, 'background: malformed "setStatus" message: status:'],
    ['savePaper', { paper: { title: 'x', evil: true } }, 'background: malformed "savePaper" message: paper.evil:'],
    ['savePaper', { paper: { title: 'x', url: 'not a url' } }, 'background: malformed "savePaper" message: paper.url:'],
    ['addHighlight', { paper: { title: 'x' }, selector: { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 0 } }, url: 'https://arxiv.org/abs/1' }, 'background: malformed "addHighlight" message: selector.quote.exact: Invalid length'],
    ['addHighlight', { paper: { title: 'x' }, selector: { quote: { exact: 'x'.repeat(20_001), prefix: '', suffix: '' }, position: { start: 0, end: 1 } }, url: 'https://arxiv.org/abs/1' }, 'background: malformed "addHighlight" message: selector.quote.exact: Invalid length: Expected <=20000'],
    ['updateHighlight', { id: 'hl-1' }, 'background: malformed "updateHighlight" message: comment:'],
    ['restoreHighlight', { highlight: { id: 'hl-1', paperId: 'arxiv:1', selector: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } }, url: 'https://arxiv.org/abs/1', createdAt: 1 } }, 'background: malformed "restoreHighlight" message: highlight.updatedAt:'],
    ['restoreHighlight', { highlight: { id: 'hl-1', paperId: 'arxiv:1', selector: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } }, url: 'https://arxiv.org/abs/1', createdAt: 1, updatedAt: 1, evil: true } }, 'background: malformed "restoreHighlight" message: highlight.evil:'],
  ] as const)('refuses a malformed %s', (type, data, message) => {
    expect(() => assertPayload(type, data)).toThrow(PayloadError);
    expect(() => assertPayload(type, data)).toThrow(message);
  });

  it('refuses an unknown message type', () => {
    expect(() => assertPayload('exportEverything' as never, {})).toThrow('background: unknown message "exportEverything"');
  });

  it('random payloads either pass or fail with a PayloadError, never anything else', () => {
    const types = Object.keys(PAYLOADS) as (keyof typeof PAYLOADS)[];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.anything(), (type, data) => {
        try {
          assertPayload(type, data);
        } catch (error) {
          return error instanceof PayloadError;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
