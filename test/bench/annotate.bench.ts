/**
 * Annotation figures (issue #8, "Annotate while reading"): on the ar5iv page of "Attention Is All You Need", the
 * cost of reading the page's text, describing 200 highlights and re-anchoring them all (`anchorAll`), on the same
 * page and on a perturbed copy (whitespace collapsed, a sentence in every tenth highlight edited). In happy-dom
 * (linkedom has no usable Range); the target in Chromium is ≤ 100 ms for 200 highlights.
 *
 * happy-dom 21 orders two boundary points by walking the document from one to its end (NodeUtility.isFollowing),
 * so each Range it makes costs a walk over the whole page; a browser compares them natively. The "match only" rows
 * are anchoring without making Ranges: the part that is ours, and what a browser adds little to.
 */
import { readFileSync } from 'node:fs';
import { type HighlightSelector, anchorAll, describeRange } from '../../lib/annotate/anchor';
import { matchQuote } from '../../lib/annotate/match-quote';
import { TextIndex } from '../../lib/annotate/text-index';
import { parseHtml } from '../fixtures/annotate/dom';
import { SKIP_NO_SHARED, sharedPath } from '../shared';
import { medianTime as time } from './stats';


const HIGHLIGHTS = 200;

export default async function annotateBench(): Promise<void> {
  const path = sharedPath('fixtures', 'pages', 'arxiv-html', 'ar5iv-1706.03762-attention.html');
  if (!path) {
    console.log(`annotate: ${SKIP_NO_SHARED}`);
    return;
  }
  const html = readFileSync(path, 'utf8');
  const page = parseHtml(html);
  const index = TextIndex.build(page);
  const { text } = index;

  // 200 highlights spread over the paper: sentence-sized, from one word start to a word end 60–400 characters on.
  const wordStarts = [...text.matchAll(/(?<= )\S/g)].map((m) => m.index);
  const ranges = Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const start = wordStarts[Math.floor((i * wordStarts.length) / HIGHLIGHTS)]!;
    const length = 60 + ((i * 131) % 340);
    const end = Math.min(text.length, text.indexOf(' ', start + length) === -1 ? text.length : text.indexOf(' ', start + length));
    return index.toRange(start, end);
  });

  let selectors: HighlightSelector[] = [];
  const indexMs = time(9, () => TextIndex.build(page));
  const describeMs = time(9, () => {
    const shared = TextIndex.build(page);
    selectors = ranges.map((r) => describeRange(page, r, shared));
  });
  const sameMs = time(3, () => anchorAll(page, selectors));
  const sameMatchMs = time(9, () => {
    const shared = TextIndex.build(page);
    for (const s of selectors) matchQuote(shared.text, s.quote, s.position);
  });
  const same = anchorAll(page, selectors);

  // The perturbed copy: whitespace between tags gone, and one word changed in every tenth highlight's quote.
  let perturbed = html.replace(/>\s+</g, '><');
  for (const [i, s] of selectors.entries()) {
    if (i % 10 !== 3) continue;
    const word = /\b[a-z]{5,}\b/.exec(s.quote.exact)?.[0];
    const context = word && s.quote.exact.slice(Math.max(0, s.quote.exact.indexOf(word) - 20), s.quote.exact.indexOf(word) + word.length);
    if (context && !/[\\{}]/.test(context) && perturbed.includes(context)) perturbed = perturbed.replace(context, context.replace(word, `${word}s`));
  }
  const copy = parseHtml(perturbed);
  const copyMs = time(3, () => anchorAll(copy, selectors));
  const copyMatchMs = time(9, () => {
    const shared = TextIndex.build(copy);
    for (const s of selectors) matchQuote(shared.text, s.quote, s.position);
  });
  const moved = anchorAll(copy, selectors);

  const count = (rs: ReturnType<typeof anchorAll>, how: string) => rs.filter((r) => ('orphan' in r ? how === 'orphan' : r.how === how)).length;
  console.log(`page: ${(html.length / 1000).toFixed(0)} k chars of HTML, reading text ${text.length.toLocaleString('en')} chars; ${HIGHLIGHTS} highlights of 60–400 chars`);
  console.log('\n| step (happy-dom, median) | ms | exact | prefix-suffix | fuzzy | orphan |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| read the page's text (TextIndex.build) | ${indexMs.toFixed(1)} | | | | |`);
  console.log(`| describe ${HIGHLIGHTS} ranges (one index) | ${describeMs.toFixed(1)} | | | | |`);
  for (const [name, ms, rs] of [
    ['anchorAll on the same page', sameMs, same],
    ['… match only (index + 200 quotes, no Ranges)', sameMatchMs, same],
    ['anchorAll on the perturbed copy', copyMs, moved],
    ['… match only (index + 200 quotes, no Ranges)', copyMatchMs, moved],
  ] as const) {
    console.log(`| ${name} | ${ms.toFixed(1)} | ${count(rs, 'exact')} | ${count(rs, 'prefix-suffix')} | ${count(rs, 'fuzzy')} | ${count(rs, 'orphan')} |`);
  }
}
