// Promise 8 of issue 9: every page adapter on mutated real pages (text edits, then DOM edits), linkedom as the
// adapter tests use it. The team's saved pages in ../shared join the hand-written ones when present.
import { describe, expect, it } from 'vitest';
import { ADAPTER_TARGETS, USES_SHARED_PAGES } from '../../../test/fuzz/targets';
import { fuzzTests } from '../../../test/fuzz/unit';
import { SKIP_NO_SHARED } from '../../../test/shared';
import { loadPage } from '../../../test/fixtures/pages/load-page';
import { ADAPTERS, FALLBACK_ADAPTER } from './index';

describe('fuzz: page adapters', () => {
  if (!USES_SHARED_PAGES) console.log(`fuzz: the saved real pages are ${SKIP_NO_SHARED.replace(/^skipped: /, 'missing: ')}; mutating test/fixtures/pages only`);
  fuzzTests(ADAPTER_TARGETS);
});

describe('found by fuzzing', () => {
  // A page script can remove the root element; linkedom (npm run page) then threw from document.body, and the
  // whole-page adapters handed back the Document itself as the element to mark.
  it.each([
    ['arxiv-abs', 'arxiv-abs.html', 'https://arxiv.org/abs/2402.00001'],
    ['arxiv-html', 'arxiv-html.html', 'https://arxiv.org/html/2312.17276v1'],
    ['hf-paper', 'hf-paper.html', 'https://huggingface.co/papers/2109.07740'],
  ])('%s on a page whose root element was removed: no entries, no throw', (name, file, url) => {
    const doc = loadPage(file);
    doc.documentElement.remove();
    const adapter = [...ADAPTERS, FALLBACK_ADAPTER].find((a) => a.name === name)!;
    expect(adapter.extract(doc, new URL(url))).toEqual([]);
  });
});
