import { describe, expect, it } from 'vitest';
import { isAllowedPage, senderKind } from './messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('senderKind', () => {
  it.each([
    ['our popup', { id: ID, url: `${ORIGIN}popup.html` }, 'extension-page'],
    ['our library page in a tab', { id: ID, url: `${ORIGIN}library.html`, tab: { id: 3 } }, 'extension-page'],
    ['our content script on arXiv', { id: ID, url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 4 } }, 'content-script'],
    ['our content script on Hugging Face', { id: ID, url: 'https://huggingface.co/papers', tab: { id: 4 } }, 'content-script'],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }, 'foreign'],
    ['a sender without an id', { url: `${ORIGIN}popup.html` }, 'foreign'],
    ['our id from a host we do not serve', { id: ID, url: 'https://evil.example/arxiv.org', tab: { id: 5 } }, 'foreign'],
    ['our id from a page without a tab', { id: ID, url: 'https://arxiv.org/abs/1706.03762' }, 'foreign'],
    ['plain http arXiv', { id: ID, url: 'http://arxiv.org/abs/1706.03762', tab: { id: 6 } }, 'foreign'],
    ['a look-alike host', { id: ID, url: 'https://arxiv.org.evil.example/abs/1', tab: { id: 6 } }, 'foreign'],
  ])('%s → %s', (_name, sender, kind) => {
    expect(senderKind(sender, ID, ORIGIN)).toBe(kind);
  });
});

describe('isAllowedPage', () => {
  it.each([
    ['https://arxiv.org/abs/2401.00001', true],
    ['https://huggingface.co/papers/2401.00001', true],
    ['https://export.arxiv.org/abs/2401.00001', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedPage(url)).toBe(allowed);
  });
});
