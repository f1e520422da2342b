/**
 * `npm run page -- FILE [URL]`: the page pipeline checked from outside, on a saved page, in Node.
 *
 * Parses FILE with linkedom, picks the site adapter for URL (the page's canonical or og:url when URL is left
 * out; pages no adapter knows are read from their paper links), then matches each entry's title against the
 * bundled corpus. Prints one JSON line per entry, in page order, with exactly these keys:
 *   {"id": "<arXiv id>" | null, "version": <number> | null, "title": "...", "match": "corpus" | null}
 * Nothing else goes to stdout; the adapter used and the entry count go to stderr.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { FALLBACK_ADAPTER, pickAdapter, type SiteAdapter } from '../../entrypoints/papers.content/sites/index';
import { buildCorpus } from '../corpus/build';
import { TitleMatcher } from '../identity/title-matcher';

export interface PageLine {
  id: string | null;
  version: number | null;
  title: string;
  match: 'corpus' | null;
}

const USAGE = 'usage: npm run page -- FILE [URL]   (URL defaults to the page\'s canonical or og:url link)';

/** The URL the saved page says it was saved from, if it says. */
export function urlOfPage(document: Document): URL | null {
  for (const selector of ['link[rel="canonical"]', 'meta[property="og:url"]']) {
    const el = document.querySelector(selector);
    const value = el?.getAttribute('href') ?? el?.getAttribute('content');
    if (!value) continue;
    try {
      return new URL(value);
    } catch {
      /* a relative canonical link says nothing about the host: try the next */
    }
  }
  return null;
}

/** Runs the pipeline on a page's HTML: the lines `npm run page` prints, and the adapter that read them. */
export function readPage(html: string, url: URL | null, matcher: TitleMatcher): { adapter: SiteAdapter; url: URL; lines: PageLine[] } {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const pageUrl = url ?? urlOfPage(document);
  if (!pageUrl) throw new Error(`page: no URL given and the page names none (no canonical link, no og:url); ${USAGE}`);
  const adapter = pickAdapter(pageUrl) ?? FALLBACK_ADAPTER;
  const lines = adapter.extract(document, pageUrl).map((ref) => ({
    id: ref.id,
    version: ref.version,
    title: ref.title,
    match: ref.title && matcher.match(ref.title) ? ('corpus' as const) : null,
  }));
  return { adapter, url: pageUrl, lines };
}

function main(args: string[]): number {
  const [file, urlArg] = args;
  if (!file || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return file ? 0 : 2;
  }
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`page: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  let url: URL | null = null;
  if (urlArg) {
    try {
      url = new URL(urlArg);
    } catch {
      process.stderr.write(`page: "${urlArg}" is not an absolute URL (write it with https://); ${USAGE}\n`);
      return 2;
    }
  }
  const matcher = new TitleMatcher(buildCorpus().asset.papers);
  let result: ReturnType<typeof readPage>;
  try {
    result = readPage(html, url, matcher);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(result.lines.map((line) => JSON.stringify(line) + '\n').join(''));
  const matched = result.lines.filter((l) => l.match).length;
  process.stderr.write(`page: ${result.adapter.name} read ${result.lines.length} entries from ${result.url.href} (${matched} in the corpus)\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
