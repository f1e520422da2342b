import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSeedFiles } from './build';
import { extractLinks, parseSeedFile, parseSeeds } from './parse';
import { dedupeKey } from './key';

const seeds = readSeedFiles();

describe('the bundled seed files', () => {
  it.each([
    ['000_335ec40848cfb443.txt', 47],
    ['001_f78d371d068d1b95.txt', 308],
    ['002_ffc050c44fba46bc.txt', 43],
    ['003_07bc1794d2f7076e.txt', 68],
    ['004_ba5b6b36e3d13e46.txt', 223],
  ])('%s holds %i entries, without warnings', (name, count) => {
    const file = seeds.find((f) => f.name === name)!;
    const { entries, warnings } = parseSeedFile(file);
    expect(entries).toHaveLength(count);
    expect(warnings).toEqual([]);
  });

  const all = parseSeeds(seeds);

  it('gives 689 entries and 626 distinct papers', () => {
    expect(all.entries).toBe(689);
    expect(all.papers).toHaveLength(626);
    expect(all.duplicatesMerged).toBe(63);
    expect(new Set(all.papers.map((p) => p.id)).size).toBe(626);
  });

  it('never makes a paper of page boilerplate', () => {
    const boiler = /^(new|subscribe|daily papers|byak and the research community|get trending papers.*|[A-Z][a-z]{2} \d{1,2})$/i;
    expect(all.papers.filter((p) => boiler.test(p.title))).toEqual([]);
    expect(all.papers.filter((p) => p.title.startsWith('Subscribe'))).toEqual([]);
    expect(all.papers.every((p) => p.abstract.length > 200)).toBe(true);
  });

  it('strips the Subscribe glued to the first title of a line-shaped page', () => {
    const first = parseSeedFile(seeds.find((f) => f.name.startsWith('004'))!).entries[0]!;
    expect(first.title).toBe('GLU Variants Improve Transformer');
    expect(first.source).toEqual({ file: '004_ba5b6b36e3d13e46.txt', line: 3 });
  });

  it('keeps metadata: author count, date without an invented year, date with upvotes', () => {
    const byTitle = (t: string) => all.papers.find((p) => p.title === t)!;
    const signal = byTitle('Signal and Noise: A Framework for Reducing Uncertainty in Language Model Evaluation');
    expect(signal.authorCount).toBe(8);
    expect(signal.published).toEqual({ month: 8, day: 18 });
    expect(signal.upvotes).toBeUndefined();

    const adversarial = byTitle('Intriguing Properties of Adversarial Examples');
    expect(adversarial.authorCount).toBe(4);
    expect(adversarial.published).toEqual({ year: 2017, month: 11, day: 8 });

    const scaleDiff = byTitle('ScaleDiff: Scaling Difficult Problems for Advanced Mathematical Reasoning');
    expect(scaleDiff.published).toEqual({ month: 9, day: 25 });
    expect(scaleDiff.upvotes).toBe(2);
  });

  it('merges duplicates across files, keeping every source and the metadata of either', () => {
    const annealing = all.papers.find((p) => p.title === 'Scaling Law with Learning Rate Annealing')!;
    expect(annealing.sources.map((s) => s.file)).toEqual([
      '000_335ec40848cfb443.txt',
      '002_ffc050c44fba46bc.txt',
      '003_07bc1794d2f7076e.txt',
    ]);
    expect(annealing.upvotes).toBe(1);
    expect(annealing.published).toEqual({ year: 2024, month: 8, day: 20 });
  });

  it('finds code and project links in abstracts', () => {
    const zoology = all.papers.find((p) => p.title.startsWith('Zoology'))!;
    expect(zoology.links).toEqual(['https://github.com/HazyResearch/zoology']);
    const metric = all.papers.find((p) => p.title.startsWith('MetricGrids'))!;
    expect(metric.links).toEqual(['https://github.com/wangshu31/MetricGrids']);
    expect(all.papers.filter((p) => p.links).length).toBeGreaterThan(100);
  });
});

describe('small fixtures of each shape', () => {
  const lineShape = [
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    'SubscribeFirst Paper Title',
    'We study the first thing in depth and find that it works well, see https://github.com/a/b.',
    'Second Paper: A Title',
    'Another abstract long enough to be an abstract, because it says several things. It has two sentences.',
  ].join('\n');

  const paragraphShape = [
    'new',
    '',
    'Get trending papers in your email inbox!',
    '',
    'Subscribe',
    '',
    'Daily Papers',
    '',
    'byAK and the research community',
    '',
    'Nov 21',
    '',
    'Alpha: The First',
    '',
    'We present alpha, which does the first thing, and show that it is better than everything before it.',
    '',
    '  • 3 authors',
    '·',
    'Feb 3, 2024 12',
    '',
    'Beta Is Second',
    '',
    'Beta wraps its abstract over',
    'two lines of the saved page, which must be read as one abstract.',
    '',
  ].join('\n');

  it('reads the line shape', () => {
    const { entries, warnings } = parseSeedFile({ name: 'l.txt', text: lineShape });
    expect(warnings).toEqual([]);
    expect(entries.map((e) => [e.title, e.source.line])).toEqual([
      ['First Paper Title', 3],
      ['Second Paper: A Title', 5],
    ]);
    expect(extractLinks(entries[0]!.abstract)).toEqual(['https://github.com/a/b']);
  });

  it('reads the paragraph shape with metadata and a wrapped abstract', () => {
    const { entries, warnings } = parseSeedFile({ name: 'p.txt', text: paragraphShape });
    expect(warnings).toEqual([]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ title: 'Alpha: The First', authorCount: 3, published: { year: 2024, month: 2, day: 3 }, upvotes: 12 });
    expect(entries[1]!.abstract).toBe(
      'Beta wraps its abstract over two lines of the saved page, which must be read as one abstract.',
    );
  });

  it('reads CRLF line ends and a BOM the same as LF', () => {
    const crlf = parseSeedFile({ name: 'c.txt', text: '\uFEFF' + paragraphShape.replace(/\n/g, '\r\n') });
    const lf = parseSeedFile({ name: 'c.txt', text: paragraphShape });
    expect(crlf).toEqual(lf);
  });

  it('merges a duplicate that differs only in case and punctuation', () => {
    const a = { name: 'a.txt', text: lineShape };
    const b = { name: 'b.txt', text: 'first paper title\nWe study the first thing in depth and find that it works well, see https://github.com/a/b.' };
    const result = parseSeeds([a, b]);
    expect(result.papers).toHaveLength(2);
    expect(result.duplicatesMerged).toBe(1);
    expect(result.papers[0]!.sources).toEqual([
      { file: 'a.txt', line: 3 },
      { file: 'b.txt', line: 1 },
    ]);
  });
});

describe('bad input: a typed result every time, never a throw', () => {
  it('an empty file gives nothing', () => {
    expect(parseSeedFile({ name: 'e.txt', text: '' })).toEqual({ entries: [], warnings: [] });
  });

  it('a page of only boilerplate gives nothing', () => {
    const text = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 13\n';
    expect(parseSeedFile({ name: 'b.txt', text })).toEqual({ entries: [], warnings: [] });
  });

  it('a title with no abstract at the end of the file is kept, with a warning naming file and line', () => {
    const text = 'SubscribeA Title\nAn abstract that is long enough to read as one, as it has a full stop at the end.\nOrphan Title';
    const { entries, warnings } = parseSeedFile({ name: 'o.txt', text });
    expect(entries.map((e) => e.title)).toEqual(['A Title', 'Orphan Title']);
    expect(warnings).toEqual([{ file: 'o.txt', line: 3, message: 'title without an abstract: "Orphan Title" (kept with an empty abstract)' }]);
  });

  it('an abstract with no title is a warning, not a paper', () => {
    const text = 'new\n\nThis is an abstract without its title, long enough and ending in a full stop as abstracts do.\n';
    const { entries, warnings } = parseSeedFile({ name: 'x.txt', text });
    expect(entries).toEqual([]);
    expect(warnings[0]).toMatchObject({ file: 'x.txt', line: 3 });
    expect(warnings[0]!.message).toMatch(/^text without a title/);
  });

  it('metadata out of place is a warning', () => {
    const { warnings } = parseSeedFile({ name: 'm.txt', text: '  • 3 authors\n' });
    expect(warnings).toEqual([{ file: 'm.txt', line: 1, message: 'author count "3 authors" outside a paper\'s metadata (ignored)' }]);
  });

  it('5 MB of random bytes returns quickly', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    const text = new TextDecoder().decode(bytes);
    const started = performance.now();
    const result = parseSeeds([{ name: 'noise.bin', text }]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(Array.isArray(result.papers)).toBe(true);
    expect(result.warnings.every((w) => w.file === 'noise.bin' && w.line >= 1)).toBe(true);
  });

  it('any string parses without throwing, and every entry has a title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const result = parseSeeds([{ name: 'f.txt', text }]);
        return result.papers.every((p) => p.title.length > 0 && dedupeKey(p.title).length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
