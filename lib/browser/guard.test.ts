/**
 * Promise 5 of issue 9: only our own code may ask. Table tests for every kind of sender the background can see,
 * and fast-check for look-alike senders and for every ProtocolMap message's payload schema.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkMessage, MessageRefused, type RefusalCode } from './guard';
import { ALLOWED_HOSTS, CONTENT_SCRIPT_MESSAGES, senderKind, type ProtocolMap } from './messages';
import { PAYLOADS } from './payload';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const TAB = { id: 7 };
const refusal = (f: () => void): RefusalCode | 'accepted' | 'other' => {
  try {
    f();
    return 'accepted';
  } catch (error) {
    return error instanceof MessageRefused ? error.code : 'other';
  }
};

/** One well-formed payload per message: what our own UI sends. */
const VALID: { [K in keyof ProtocolMap]: unknown } = {
  getCorpusStatus: undefined,
  search: { query: 'scaling laws', limit: 20 },
  related: { id: 'c-0123456789ab' },
  getPaper: { id: 'c-0123456789ab' },
  savePaper: { paper: { arxivId: '1706.03762', title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762', year: 2017 }, listId: 'reading-list' },
  setStatus: { ids: ['c-1'], status: 'read' },
  addTags: { ids: ['c-1'], tags: ['to-cite'] },
  removeTags: { ids: ['c-1'], tags: ['to-cite'] },
  suggestTags: { prefix: 'to' },
  putNote: { paperId: 'c-1', text: 'A note', noteId: 'note-1' },
  getLists: undefined,
  getListPapers: { listId: 'reading-list' },
  createList: { name: 'Thesis' },
  renameList: { id: 'list-1', name: 'Thesis, chapter 2' },
  deleteList: { id: 'list-1' },
  restoreList: { deleted: { list: { id: 'list-1', name: 'Thesis', createdAt: 1, updatedAt: 2 }, memberships: [{ listId: 'list-1', paperId: 'c-1', addedAt: 3 }] } },
  addToList: { ids: ['c-1'], listId: 'list-1' },
  removeFromList: { ids: ['c-1'], listId: 'list-1' },
  removePapers: { ids: ['c-1'] },
  getSnapshot: undefined,
  applyImport: {
    changes: {
      papers: [{ id: 'arxiv:1706.03762', title: 'Attention', tags: [], addedAt: 1, updatedAt: 1 }],
      lists: [],
      memberships: [{ listId: 'reading-list', paperId: 'arxiv:1706.03762', addedAt: 1 }],
      tags: [{ name: 'to-cite', createdAt: 1 }],
      notes: [{ id: 'n-1', paperId: 'arxiv:1706.03762', text: 'x', createdAt: 1, updatedAt: 1 }],
    },
    baseRevision: 4,
  },
  lookupPapers: { refs: [{ id: '1706.03762', title: 'Attention Is All You Need' }] },
  pageContext: { listing: true },
  getHighlights: { paperId: 'arxiv:1706.03762' },
  addHighlight: {
    paper: { arxivId: '1706.03762', title: 'Attention Is All You Need' },
    selector: { quote: { exact: 'scaled dot-product attention', prefix: 'We call our particular attention ', suffix: '. The input consists' }, position: { start: 100, end: 128 }, section: 'S3.SS2' },
    comment: 'the core trick',
    url: 'https://arxiv.org/html/1706.03762v7',
  },
  updateHighlight: { id: 'h-0123456789ab', comment: 'revised' },
  deleteHighlight: { id: 'h-0123456789ab' },
  restoreHighlight: {
    highlight: {
      id: 'hl-mh3k2a-0a1b2c',
      paperId: 'arxiv:1706.03762',
      selector: { quote: { exact: 'scaled dot-product attention', prefix: 'We call our particular attention ', suffix: '. The input consists' }, position: { start: 100, end: 128 }, section: 'S3.SS2' },
      comment: 'the core trick',
      url: 'https://arxiv.org/html/1706.03762v7',
      createdAt: 1_760_000_000_000,
      updatedAt: 1_760_000_000_000,
    },
  },
  getInterests: undefined,
  setInterests: { interests: { keywords: ['diffusion', 'state space model'], authors: ['Smith, J.'], likeMyLibrary: true } },
  watchAuthor: { name: 'Ashish Vaswani' },
  likePaper: { paper: { arxivId: '1706.03762', title: 'Attention Is All You Need' } },
  triagePage: { entries: [{ title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], abstract: 'The dominant sequence transduction models…' }] },
  getPageTriage: undefined,
  showPageEntry: { index: 3 },
  quoteToNote: { paper: { arxivId: '1706.03762', title: 'Attention Is All You Need' }, markdown: '> scaled dot-product attention\n\n[§3.2](https://arxiv.org/html/1706.03762v7#S3.SS2)' },
};
const TYPES = Object.keys(PAYLOADS) as (keyof ProtocolMap)[];

describe('senderKind: who is asking', () => {
  it.each<[string, Parameters<typeof senderKind>[0], ReturnType<typeof senderKind>]>([
    ['our popup', { id: ID, url: `${ORIGIN}popup.html` }, 'extension-page'],
    ['our library page in a tab', { id: ID, url: `${ORIGIN}library.html#settings`, tab: TAB }, 'extension-page'],
    ['our content script on arXiv', { id: ID, url: 'https://arxiv.org/abs/1706.03762', tab: TAB }, 'content-script'],
    ['our content script on Hugging Face', { id: ID, url: 'https://huggingface.co/papers/2401.00001', tab: TAB }, 'content-script'],
    ['arXiv with a port', { id: ID, url: 'https://arxiv.org:443/abs/1', tab: TAB }, 'content-script'],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }, 'foreign'],
    ["another extension's page naming our origin in its path", { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/${ORIGIN}` }, 'foreign'],
    ['a sender without an id', { url: `${ORIGIN}popup.html` }, 'foreign'],
    ['an empty sender', {}, 'foreign'],
    ['our id, a page without a tab', { id: ID, url: 'https://arxiv.org/abs/1706.03762' }, 'foreign'],
    ['our id, a host not allowed', { id: ID, url: 'https://evil.example/arxiv.org', tab: TAB }, 'foreign'],
    ['plain http arXiv', { id: ID, url: 'http://arxiv.org/abs/1706.03762', tab: TAB }, 'foreign'],
    ['plain http Hugging Face', { id: ID, url: 'http://huggingface.co/papers', tab: TAB }, 'foreign'],
    ['look-alike arxiv.org.evil.com', { id: ID, url: 'https://arxiv.org.evil.com/abs/1', tab: TAB }, 'foreign'],
    ['look-alike xarxiv.org', { id: ID, url: 'https://xarxiv.org/abs/1', tab: TAB }, 'foreign'],
    ['a subdomain (export.arxiv.org)', { id: ID, url: 'https://export.arxiv.org/abs/1', tab: TAB }, 'foreign'],
    ['credentials before the host', { id: ID, url: 'https://arxiv.org@evil.com/abs/1', tab: TAB }, 'foreign'],
    ['a trailing-dot host', { id: ID, url: 'https://arxiv.org./abs/1', tab: TAB }, 'foreign'],
    ['a data: URL in a tab', { id: ID, url: 'data:text/html,<p>arxiv.org</p>', tab: TAB }, 'foreign'],
    ['a blob: URL of arXiv', { id: ID, url: 'blob:https://arxiv.org/0b7d', tab: TAB }, 'foreign'],
    ['javascript: URL', { id: ID, url: 'javascript:alert(1)', tab: TAB }, 'foreign'],
    ['a tab with no URL', { id: ID, tab: TAB }, 'foreign'],
    ['an origin that only starts like ours', { id: ID, url: `chrome-extension://${ID}x/popup.html`, tab: TAB }, 'foreign'],
  ])('%s → %s', (_name, sender, kind) => {
    expect(senderKind(sender, ID, ORIGIN)).toBe(kind);
  });

  it('fuzz: a content script is recognised only on https with a host exactly in the allowlist', () => {
    const host = fc.oneof(
      fc.domain(),
      fc.constantFrom(...ALLOWED_HOSTS),
      fc.tuple(fc.constantFrom(...ALLOWED_HOSTS), fc.domain()).map(([a, d]) => `${a}.${d}`),
      fc.tuple(fc.domain(), fc.constantFrom(...ALLOWED_HOSTS)).map(([d, a]) => `${d}${a}`),
      fc.tuple(fc.string({ maxLength: 3 }), fc.constantFrom(...ALLOWED_HOSTS)).map(([s, a]) => `${s}${a}`),
    );
    const url = fc.oneof(
      fc.tuple(fc.constantFrom('https:', 'http:', 'ftp:', 'wss:'), host, fc.webPath()).map(([p, h, path]) => `${p}//${h}${path}`),
      fc.webUrl(),
      fc.string(),
    );
    const sender = fc.record(
      { id: fc.constantFrom(ID, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', ''), url, tab: fc.constant(TAB) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(sender, (s) => {
        const kind = senderKind(s, ID, ORIGIN);
        if (kind !== 'content-script') return true;
        const parsed = new URL(s.url!);
        return s.id === ID && !!s.tab && parsed.protocol === 'https:' && (ALLOWED_HOSTS as readonly string[]).includes(parsed.hostname);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('checkMessage: the gate every handler passes', () => {
  const page = { id: ID, url: `${ORIGIN}popup.html` };
  const script = { id: ID, url: 'https://arxiv.org/list/cs.LG/new', tab: TAB };

  it.each(TYPES)('our own page may send a well-formed %s', (type) => {
    expect(refusal(() => checkMessage(type, page, VALID[type], ID, ORIGIN))).toBe('accepted');
    expect(checkMessage(type, page, VALID[type], ID, ORIGIN)).toBe('extension-page');
  });

  it.each(TYPES)('the content script may send %s only if it is in CONTENT_SCRIPT_MESSAGES', (type) => {
    expect(refusal(() => checkMessage(type, script, VALID[type], ID, ORIGIN))).toBe(CONTENT_SCRIPT_MESSAGES.has(type) ? 'accepted' : 'not-for-content-scripts');
    if (CONTENT_SCRIPT_MESSAGES.has(type)) expect(checkMessage(type, script, VALID[type], ID, ORIGIN)).toBe('content-script');
  });

  it.each(['getSnapshot', 'applyImport', 'removePapers', 'deleteList', 'restoreList', 'createList', 'renameList', 'restoreHighlight'] as const)(
    'a content script cannot ask for %s (export, import, delete, list management, undoing a deleted highlight)',
    (type) => {
      const error = (() => {
        try {
          checkMessage(type, script, VALID[type], ID, ORIGIN);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(MessageRefused);
      expect(error).toMatchObject({ code: 'not-for-content-scripts', message: `background: "${type}" refused from a content script (only the extension's own pages may ask for it)` });
    },
  );

  it.each<[string, object]>([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }],
    ['a page without a tab', { id: ID, url: 'https://arxiv.org/abs/1' }],
    ['a host not allowed', { id: ID, url: 'https://evil.example/', tab: TAB }],
    ['http arXiv', { id: ID, url: 'http://arxiv.org/abs/1', tab: TAB }],
    ['arxiv.org.evil.com', { id: ID, url: 'https://arxiv.org.evil.com/', tab: TAB }],
    ['xarxiv.org', { id: ID, url: 'https://xarxiv.org/', tab: TAB }],
  ])('%s is refused for every message, before its payload is looked at', (_name, sender) => {
    for (const type of TYPES) {
      expect(refusal(() => checkMessage(type, sender, VALID[type], ID, ORIGIN)), type).toBe('foreign-sender');
      expect(refusal(() => checkMessage(type, sender, { junk: true }, ID, ORIGIN)), type).toBe('foreign-sender');
    }
  });

  it.each(['exportEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])('an unknown type "%s" is refused', (type) => {
    expect(refusal(() => checkMessage(type, page, {}, ID, ORIGIN))).toBe('unknown-message');
  });

  it.each<[keyof ProtocolMap, unknown, string]>([
    ['search', { query: 42 }, 'background: malformed "search" message: query: Invalid type: Expected string but received 42'],
    ['savePaper', { paper: { title: 'x', evil: true } }, 'background: malformed "savePaper" message: paper.evil:'],
    ['removePapers', { ids: [] }, 'background: malformed "removePapers" message: ids: Invalid length: Expected >=1 but received 0'],
    ['applyImport', { changes: VALID.applyImport, baseRevision: -1 }, 'background: malformed "applyImport" message:'],
    ['putNote', { paperId: 'c-1', text: 'x'.repeat(1_000_001) }, 'background: malformed "putNote" message: text:'],
    ['getLists', { anything: 1 }, 'background: malformed "getLists" message:'],
  ])('a malformed %s is refused with the field named', (type, data, message) => {
    expect(() => checkMessage(type, page, data, ID, ORIGIN)).toThrow(MessageRefused);
    expect(() => checkMessage(type, page, data, ID, ORIGIN)).toThrow(message);
    expect(refusal(() => checkMessage(type, page, data, ID, ORIGIN))).toBe('malformed-payload');
  });
});

/** Replaces the value at one random path of `value` (or adds/drops a key there) with arbitrary data. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object') return fc.oneof(fc.anything(), fc.constant(value));
  const entries = Object.entries(value as Record<string, unknown>);
  const options: fc.Arbitrary<unknown>[] = [
    fc.anything(),
    fc.string().map((k) => ({ ...(value as object), [k]: 'extra' })),
  ];
  for (const [key, child] of entries) {
    options.push(mutated(child).map((c) => (Array.isArray(value) ? Object.assign([...value], { [key]: c }) : { ...(value as object), [key]: c })));
    options.push(fc.constant(Array.isArray(value) ? value.filter((_, i) => String(i) !== key) : Object.fromEntries(entries.filter(([k]) => k !== key))));
  }
  return fc.oneof(...options);
}

describe('payload fuzzing: every ProtocolMap message', () => {
  it.each(TYPES)('%s: random and mutated payloads are accepted or refused as malformed-payload, nothing else', (type) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated(VALID[type])), (data) => {
        const outcome = refusal(() => checkMessage(type, { id: ID, url: `${ORIGIN}library.html` }, data, ID, ORIGIN));
        return outcome === 'accepted' || outcome === 'malformed-payload';
      }),
      { numRuns: 300 },
    );
  });

  it.each(TYPES.filter((t) => VALID[t] !== undefined))('%s: an unknown extra field is always refused (strict objects)', (type) => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((k) => !Object.hasOwn(VALID[type] as object, k) && k !== '__proto__'), (key) => {
        const data = { ...(VALID[type] as object), [key]: 1 };
        return refusal(() => checkMessage(type, { id: ID, url: `${ORIGIN}popup.html` }, data, ID, ORIGIN)) === 'malformed-payload';
      }),
      { numRuns: 100 },
    );
  });
});
