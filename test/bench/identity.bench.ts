/**
 * Identity figures (issue #6, "On the page"): how fast the title matcher builds and answers, how often its fuzzy
 * fallback fires on real titles that are not corpus papers (the 87,402 conference titles in ../shared/data) at
 * the chosen threshold and its neighbours, recall on corpus titles rewritten the arXiv way, and what the
 * adapters cost on the 397-entry astro-ph page (and its days repeated to 1,030 entries) in linkedom.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { pickAdapter } from '../../entrypoints/papers.content/sites/index';
import { buildCorpus } from '../../lib/corpus/build';
import { ARXIV_STYLES, rewriteTheArxivWay } from '../../lib/identity/arxiv-rewrite';
import { FUZZY_MIN_LENGTH, FUZZY_MIN_SIMILARITY, TitleMatcher } from '../../lib/identity/title-matcher';
import { SKIP_NO_SHARED, sharedPath } from '../shared';
import { medianTime as time } from './stats';

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(n && n < of / 1000 ? 3 : 1)}%`;

function readTitles(path: string): string[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { title: string }).title);
}

function parse(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

export default async function identityBench(): Promise<void> {
  const papers = buildCorpus().asset.papers;
  const buildMs = time(20, () => new TitleMatcher(papers));
  const matcher = new TitleMatcher(papers);
  console.log(`matcher: ${matcher.size} corpus titles indexed in ${buildMs.toFixed(1)} ms (median of 20)`);
  console.log(`threshold: fuzzy similarity ≥ ${FUZZY_MIN_SIMILARITY}, keys ≥ ${FUZZY_MIN_LENGTH} chars, same numbers, no tie`);

  // Recall: every corpus title in each arXiv style must come back to its own paper.
  console.log('\n| arXiv-style rewrite of the corpus titles | titles | right paper | exact | fuzzy | wrong or none | match time per title |');
  console.log('|---|---|---|---|---|---|---|');
  for (const style of ARXIV_STYLES) {
    let exact = 0;
    let fuzzy = 0;
    let right = 0;
    const rewritten = papers.map((p) => rewriteTheArxivWay(p.title, style));
    const perTitleUs = (time(5, () => rewritten.forEach((t) => matcher.match(t))) * 1000) / papers.length;
    for (const [i, p] of papers.entries()) {
      const m = matcher.match(rewritten[i]!);
      if (m?.id === p.id) right++;
      if (m?.how === 'exact') exact++;
      if (m?.how === 'fuzzy') fuzzy++;
    }
    console.log(`| ${style} | ${papers.length} | ${pct(right, papers.length)} | ${exact} | ${fuzzy} | ${papers.length - right} | ${perTitleUs.toFixed(1)} µs |`);
  }

  const gz = sharedPath('data', 'paperlists-abstracts.jsonl.gz');
  if (!gz) {
    console.log(`\nfalse matches and match time on 87k titles: ${SKIP_NO_SHARED}`);
  } else {
    const titles = readTitles(gz);
    console.log(`\n| threshold (87,402 titles, none a corpus paper but by coincidence) | exact (same paper) | fuzzy fired | fuzzy rate | match time per title | examples |`);
    console.log('|---|---|---|---|---|---|');
    for (const threshold of [0.8, 0.85, FUZZY_MIN_SIMILARITY, 0.95]) {
      const m = new TitleMatcher(papers, { minSimilarity: threshold });
      let exact = 0;
      const fired: string[] = [];
      const t = performance.now();
      for (const title of titles) {
        const r = m.match(title);
        if (r?.how === 'exact') exact++;
        else if (r) fired.push(`${r.score.toFixed(3)} "${title}" → "${papers.find((p) => p.id === r.id)!.title}"`);
      }
      const perTitleUs = ((performance.now() - t) * 1000) / titles.length;
      const label = threshold === FUZZY_MIN_SIMILARITY ? `**${threshold}** (chosen)` : String(threshold);
      console.log(`| ${label} | ${exact} | ${fired.length} | ${pct(fired.length, titles.length)} | ${perTitleUs.toFixed(1)} µs | ${fired.slice(0, 3).join('; ') || '—'} |`);
    }
    // The closest non-exact pairs at all, guards off: how much room the chosen threshold leaves.
    const near = titles
      .map((title) => ({ title, best: matcher.near(title, 0.75).find((n) => n.score < 1) }))
      .filter((x) => x.best)
      .sort((a, b) => b.best!.score - a.best!.score)
      .slice(0, 5);
    console.log(`closest non-identical pairs (no guards): ${near.map((x) => `${x.best!.score.toFixed(3)} "${x.title}" ~ "${x.best!.title}"`).join('; ')}`);

    // A corpus the size of the 87k set: does the index keep lookups flat?
    const bigBuildMs = time(3, () => new TitleMatcher(titles.map((title, i) => ({ id: String(i), title }))));
    const big = new TitleMatcher(titles.map((title, i) => ({ id: String(i), title })));
    const probes = papers.map((p) => rewriteTheArxivWay(p.title, 'tex-lower-wrapped'));
    const bigMatchMs = time(5, () => probes.forEach((p) => big.match(p)));
    console.log(
      `scale check (a corpus of all 87k titles): builds in ${bigBuildMs.toFixed(0)} ms; a lookup of a title not in it (${probes.length} arXiv-style corpus titles) takes ${((bigMatchMs * 1000) / probes.length).toFixed(0)} µs`,
    );
  }

  // Adapters in linkedom on the real 397-entry listing, then on ~1,000 entries.
  const pagePath = sharedPath('fixtures', 'pages', 'arxiv-list', 'list-astro-ph-pastweek-show1000-2024-11-browser-saved-mathjax.html');
  if (!pagePath) {
    console.log(`\nadapter timings: ${SKIP_NO_SHARED}`);
    return;
  }
  const html = readFileSync(pagePath, 'utf8');
  // The page holds one `<dl id="articles">` per day (75, 67, 94, 101, 60 entries). Repeat the days to 1,030
  // entries: the whole week twice, then its first three days again.
  const days = html.match(/<dl id="articles">[\s\S]*?<\/dl>/g) ?? [];
  const first = html.indexOf(days[0] ?? '');
  const last = html.lastIndexOf(days[days.length - 1] ?? '') + (days[days.length - 1] ?? '').length;
  const repeated = html.slice(0, first) + [...days, ...days, ...days.slice(0, 3)].join('\n') + html.slice(last);
  const url = new URL('https://arxiv.org/list/astro-ph/pastweek?show=1000');
  const adapter = pickAdapter(url)!;
  console.log(`\n| page (linkedom, ${adapter.name}) | entries | parse | extract | extract per entry | extract + match all titles |`);
  console.log('|---|---|---|---|---|---|');
  for (const [label, source] of [
    ['astro-ph pastweek (real)', html],
    ['its days repeated to ~1,000 entries', repeated],
  ] as const) {
    const parseMs = time(5, () => parse(source));
    const doc = parse(source);
    const entries = adapter.extract(doc, url).length;
    const extractMs = time(10, () => adapter.extract(doc, url));
    const pipelineMs = time(10, () => adapter.extract(doc, url).forEach((ref) => matcher.match(ref.title)));
    console.log(
      `| ${label} | ${entries} | ${parseMs.toFixed(0)} ms | ${extractMs.toFixed(1)} ms | ${((extractMs * 1000) / entries).toFixed(0)} µs | ${pipelineMs.toFixed(1)} ms |`,
    );
  }
}
