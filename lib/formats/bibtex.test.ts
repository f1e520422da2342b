import { readFileSync } from 'node:fs';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/shared';
import { escapeTex, exportBibtex, parseBibtex } from './bibtex';
import { cleanLine, cleanMultiline, cleanDoi, recordsToSnapshot } from './citation-record';
import { snapshotArb } from './testing/arbitraries';
import { emptySnapshot, notesByPaper, type FormatPaper, type LibrarySnapshot } from './snapshot';

const paper = (fields: Partial<FormatPaper> & { id: string; title: string }): FormatPaper => ({ tags: [], addedAt: 1, updatedAt: 1, ...fields });
const library = (papers: FormatPaper[], notes: LibrarySnapshot['notes'] = []): LibrarySnapshot => ({ ...emptySnapshot(), papers, notes });

const attention = paper({
  id: 'arxiv:1706.03762',
  arxivId: '1706.03762',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  year: 2017,
  primaryClass: 'cs.CL',
  url: 'https://arxiv.org/abs/1706.03762',
});

describe('exportBibtex', () => {
  it('writes an arXiv preprint as @misc with eprint, archivePrefix, primaryClass, url and year', () => {
    expect(exportBibtex(library([attention]))).toBe(
      [
        '@misc{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Ashish Vaswani and Noam Shazeer},',
        '  year = {2017},',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  url = {https://arxiv.org/abs/1706.03762}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes @article with the journal when one is known', () => {
    const bib = exportBibtex(library([paper({ id: 'u-1', title: 'Deep learning', journal: 'Nature', year: 2015, authors: ['Yann LeCun'] })]));
    expect(bib).toMatch(/^@article\{lecun2015deep,\n {2}title = \{Deep learning\},\n {2}author = \{Yann LeCun\},\n {2}journal = \{Nature\},/);
  });

  it('gives colliding keys a, b suffixes in order of addedAt, so older papers keep theirs', () => {
    const twins = [3, 1, 2].map((addedAt) => paper({ ...attention, id: `p${addedAt}`, arxivId: `1706.0376${addedAt}`, addedAt }));
    const keys = [...exportBibtex(library(twins)).matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toEqual(['vaswani2017attentionb', 'vaswani2017attention', 'vaswani2017attentiona']);
  });

  it('puts notes in annote (never note, which styles print) with line breaks kept', () => {
    const bib = exportBibtex(library([attention], [{ id: 'n1', paperId: attention.id, text: 'first line\n  second', createdAt: 1, updatedAt: 1 }]));
    expect(bib).toContain('annote = {first line\\\\%\n\\ \\ second}');
    expect(bib).not.toMatch(/^\s*note =/m);
  });

  it.each([
    ['TeX specials', '100% & $5 #1 a_b {x} \\', '100\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textbackslash{}'],
    ['tilde and caret', '~^', '\\textasciitilde{}\\textasciicircum{}'],
    ['OT1 glyphs', 'a<b>c|d', 'a\\textless{}b\\textgreater{}c\\textbar{}d'],
    ['ligatures', "a--b ``q'' ,,x !`", "a-{}-b `{}`q'{}' ,{},x !{}`"],
    ['non-ASCII stays UTF-8', 'Türpe 日本 😀', 'Türpe 日本 😀'],
  ])('escapes %s', (_name, text, tex) => {
    expect(escapeTex(text, false)).toBe(tex);
  });

  it('braces author names BibTeX would split wrongly, and leaves ordinary ones alone', () => {
    const bib = exportBibtex(
      library([paper({ id: 'x', title: 'T', authors: ['Jean de la Fontaine', 'Martin Luther King, Jr.', 'Google Brain and Friends', 'OpenAI 2'] })]),
    );
    expect(bib).toContain('author = {Jean de la Fontaine and {Martin Luther King, Jr.} and {Google Brain and Friends} and {OpenAI 2}}');
  });

  it('protects capitalised words from bibliography styles that lower-case titles', () => {
    expect(exportBibtex(library([paper({ id: 'x', title: 'BERT: Pre-training for ImageNet and GPT-4' })]))).toContain(
      'title = {{BERT}: Pre-training for {ImageNet} and {GPT-4}}',
    );
  });
});

describe('exportBibtex read by an independent parser (citation.js)', () => {
  it('gives citation.js the same titles, authors, years, DOIs, URLs and keywords', () => {
    const papers = [
      attention,
      paper({
        id: 'u-2',
        title: 'Security & Privacy: 100% of {TeX} — naïve <tags>, ~tilde~ and ^caret^',
        authors: ['Sven Türpe', 'José García', 'Łukasz Kaiser'],
        year: 2019,
        doi: '10.1145/3319535.3354261',
        url: 'https://example.org/a_b?x=1&y=2#frag',
        tags: ['security', 'c++'],
        journal: 'Proc. ACM CCS',
      }),
    ];
    const items = plugins.input.chain(exportBibtex(library(papers)), { forceType: '@biblatex/text', generateGraph: false });
    expect(items.map((i) => i.title)).toEqual(papers.map((p) => p.title));
    expect(items.map((i) => (i.author as { given: string; family: string }[]).map((a) => `${a.given} ${a.family}`))).toEqual(
      papers.map((p) => p.authors),
    );
    expect(items.map((i) => (i.issued as { 'date-parts': number[][] })['date-parts'][0]![0])).toEqual([2017, 2019]);
    expect(items[1]).toMatchObject({ DOI: '10.1145/3319535.3354261', URL: 'https://example.org/a_b?x=1&y=2#frag', keyword: 'security,c++' });
    expect(items[0]!['citation-key']).toBe('vaswani2017attention');
  });
});

/** What a BibTeX round trip promises to keep, in the shape an import produces. */
function bibtexView(snapshot: LibrarySnapshot) {
  const notes = notesByPaper(snapshot.notes);
  const canonicalNote = (t: string) => cleanMultiline(t).replace(/\t/g, ' ');
  return snapshot.papers.map((p: FormatPaper) => ({
    title: cleanLine(p.title),
    authors: (p.authors ?? []).map(cleanLine).filter((a) => a.length > 0),
    year: p.year,
    arxivId: p.arxivId,
    arxivVersion: p.arxivId ? p.arxivVersion : undefined,
    primaryClass: p.arxivId ? p.primaryClass : undefined,
    // Verbatim fields percent-encode the characters BibTeX's scanner reads as structure (same URL, same DOI).
    doi: cleanDoi(p.doi?.trim().replace(/[\\{}$\s]/g, encodeURIComponent)),
    url: p.url?.trim().replace(/[\\{}$\s]/g, encodeURIComponent),
    journal: p.journal,
    abstract: p.abstract && canonicalNote(p.abstract) ? canonicalNote(p.abstract) : undefined,
    tags: [...p.tags].sort(),
    // An import skips a note the paper already has (whitespace aside), so duplicates count once.
    notes: [
      ...new Map(
        (notes.get(p.id) ?? [])
          .map((n) => canonicalNote(n.text))
          .filter((t) => t.length > 0)
          .map((t) => [t.replace(/\s+/g, ' '), t]),
      ).values(),
    ],
  }));
}

describe('BibTeX round trip (export → import → same data)', () => {
  it('keeps every character of hostile titles, names, abstracts and notes (10,000-character ones too)', () => {
    fc.assert(
      fc.property(snapshotArb({ uniqueArxiv: true }, 3), (snapshot) => {
        const parsed = parseBibtex(exportBibtex(snapshot));
        if (!parsed.ok) throw new Error(parsed.error.message);
        const back = recordsToSnapshot(parsed.records, 0);
        expect(bibtexView(back)).toEqual(bibtexView(snapshot));
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseBibtex on a messy real-world file', () => {
  const parsed = parseBibtex(readFileSync(`${REPO_ROOT}/test/fixtures/formats/messy.bib`, 'utf8'));
  const records = parsed.ok ? parsed.records : [];

  it('reads every entry: one-line, quoted, trailing commas, upper-case fields', () => {
    expect(parsed.ok).toBe(true);
    expect(records.map((r) => r.title)).toEqual([
      'Attention is all you need',
      'Security & Privacy of TeX: A study',
      'Language Models are Few-Shot Learners',
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      'Denoising Diffusion Probabilistic Models',
      'Learning Transferable Visual Models From Natural Language Supervision',
      'On Discriminative vs. Generative Classifiers: A Comparison of Logistic Regression and Naive Bayes',
    ]);
  });

  it('decodes TeX accents and drops "and others"', () => {
    expect(records[0]!.authors[6]).toBe('Łukasz Kaiser');
    expect(records[1]!.authors).toEqual(['Sven Türpe', 'Jörg Müller', 'José García']);
    expect(records[2]!.authors).toEqual(['Tom B. Brown', 'Benjamin Mann']);
  });

  it('expands @string macros (also joined with #) and reads month macros without breaking', () => {
    expect(records[1]!.journal).toBe('Advances in Neural Information Processing Systems 32');
    expect(records[6]!.journal).toBe('International Conference on Machine Learning');
    expect(records[1]!.year).toBe(2019);
  });

  it.each([
    [2, 'eprint', { id: '2005.14165' }],
    [3, 'journal = {arXiv preprint arXiv:…}', { id: '1810.04805' }],
    [4, 'an arxiv.org URL with a version', { id: '2006.11239', version: 2 }],
    [5, 'DOI 10.48550/arXiv.…', { id: '2103.00020' }],
  ])('recovers the arXiv id of entry %i from %s', (index, _how, arxiv) => {
    expect(records[index]!.arxiv).toEqual(arxiv);
  });

  it('reads the same file with Windows line ends the same way (multi-line author lists included)', () => {
    const crlf = parseBibtex(readFileSync(`${REPO_ROOT}/test/fixtures/formats/messy.bib`, 'utf8').replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(parsed);
    expect(parseBibtex('@misc{d,\r\n  author = {Ashish Vaswani and\r\n    Noam Shazeer},\r\n  title = {T}}')).toMatchObject({
      ok: true,
      records: [{ authors: ['Ashish Vaswani', 'Noam Shazeer'] }],
    });
  });

  it('does not take "arXiv preprint" for a journal', () => {
    expect(records[3]!.journal).toBeUndefined();
  });

  it('reads keywords split on commas and semicolons, and note plus annote as notes', () => {
    expect(records[1]!.keywords.sort()).toEqual(['TeX', 'privacy', 'security']);
    expect(records[4]!.notes).toEqual(['Read this first – 50% of the math is in the appendix', 'Key idea: predict the noise, not the image.']);
  });
});

describe('parseBibtex errors name the entry and its line', () => {
  const good = (key: string) => `@misc{${key},\n  title = {Fine},\n  year = {2020}\n}\n`;

  it('an unclosed brace mid-file', () => {
    const text = good('first') + '\n@article{broken,\n  title = {Never closed,\n  year = {2021}\n}\n\n' + good('third');
    const result = parseBibtex(text);
    expect(result).toMatchObject({ ok: false, error: { entry: 'broken', line: 6 } });
    if (!result.ok) expect(result.error.message).toMatch(/^bibtex: line 6: entry "broken" could not be read \(.*brace or quote is probably not closed/);
  });

  it('a brace that swallows the next entry without a parse error', () => {
    const text = good('first') + '@misc{greedy, title = {Open {brace}\n@misc{victim, title = {Victim}}\n}}\n';
    expect(parseBibtex(text)).toEqual({
      ok: false,
      error: {
        entry: 'greedy',
        line: 5,
        message: 'bibtex: line 5: entry "greedy" runs into the next entry (line 6): a brace is probably not closed. Nothing was imported; close it and import again.',
      },
    });
  });

  it('an entry without a title', () => {
    expect(parseBibtex(good('a') + '@misc{untitled, year = 2020}\n')).toEqual({
      ok: false,
      error: {
        entry: 'untitled',
        line: 5,
        message: 'bibtex: line 5: entry "untitled" has no title. Nothing was imported; add a title or remove the entry, then import again.',
      },
    });
  });

  it('keeps an unknown command visible and an undefined @string as a warning, not an error', () => {
    const result = parseBibtex('@misc{a, title = {Uses \\mymacro{} here}, journal = undefinedjournal}');
    expect(result).toMatchObject({ ok: true, records: [{ title: 'Uses \\mymacro here', journal: 'undefinedjournal' }] });
    if (result.ok) expect(result.warnings).toEqual(['bibtex: Unresolved @string reference "undefinedjournal"']);
  });
});

describe('parseBibtex never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseBibtex(`@misc{k, title = {${text}}}\n` + text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});
