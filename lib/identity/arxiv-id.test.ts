import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, findArxivIds, formatArxivId, parseArxivId, type ArxivId } from './arxiv-id';

describe('parseArxivId', () => {
  it.each<[string, ArxivId]>([
    ['2401.12345', { id: '2401.12345' }],
    ['2401.12345v2', { id: '2401.12345', version: 2 }],
    ['arXiv:2401.12345v2', { id: '2401.12345', version: 2 }],
    ['arxiv: 2401.12345', { id: '2401.12345' }],
    ['ARXIV:1706.03762v7 [cs.CL] 2 Aug 2023', { id: '1706.03762', version: 7 }],
    ['0704.0001', { id: '0704.0001' }], // the first new-style id
    ['1412.9999v1', { id: '1412.9999', version: 1 }], // last month of 4-digit numbers
    ['1501.00001', { id: '1501.00001' }], // first month of 5-digit numbers
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['hep-th/9901001v3', { id: 'hep-th/9901001', version: 3 }],
    // The version is its own group: an archive name with a "v" in it stays whole.
    ['solv-int/9901001', { id: 'solv-int/9901001' }],
    ['solv-int/9901001v2', { id: 'solv-int/9901001', version: 2 }],
    // The subject class is dropped, as arXiv's own redirect does.
    ['math.GT/0309136', { id: 'math/0309136' }],
    ['math.GT/0309136v1', { id: 'math/0309136', version: 1 }],
    ['cond-mat/0101001', { id: 'cond-mat/0101001' }],
    ['math-ph/0001001', { id: 'math-ph/0001001' }],
    ['doi:10.48550/arXiv.2401.12345', { id: '2401.12345' }],
    ['see (arXiv:2312.00752) for details', { id: '2312.00752' }],
    ['https://arxiv.org/abs/2401.12345v3', { id: '2401.12345', version: 3 }],
    ['2401.12345v0', { id: '2401.12345' }], // there is no version 0
  ])('reads %s', (text, expected) => {
    expect(parseArxivId(text)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['2313.12345', 'month 13'],
    ['0703.1234', 'before April 2007'],
    ['1412.12345', 'five digits before 2015'],
    ['1501.1234', 'four digits from 2015'],
    ['2401.123456', 'six digits'],
    ['12401.12345', 'preceded by a digit'],
    ['v1.2401.12345', 'inside a dotted version string'],
    ['2401.12345abc', 'followed by letters'],
    ['and/or/9901001', 'not an archive'],
    ['hep-th/9913001', 'old-style month 13'],
    ['hep-th/990100', 'six digits old style'],
    ['version 3.14', 'just a number'],
  ])('rejects %s (%s)', (text) => {
    expect(parseArxivId(text)).toBeNull();
  });

  it('finds every id in text, in order, each once', () => {
    const text = 'Compare arXiv:1706.03762v5, hep-th/9711200 and 1706.03762 (again) with math.GT/0309136.';
    expect(findArxivIds(text)).toEqual([
      { id: '1706.03762', version: 5 },
      { id: 'hep-th/9711200' },
      { id: '1706.03762' },
      { id: 'math/0309136' },
    ]);
  });
});

describe('arxivIdFromUrl', () => {
  it.each<[string, ArxivId | null]>([
    ['https://arxiv.org/abs/2401.12345', { id: '2401.12345' }],
    ['https://arxiv.org/abs/2401.12345v2', { id: '2401.12345', version: 2 }],
    ['http://www.arxiv.org/abs/2401.12345?context=cs', { id: '2401.12345' }],
    ['https://export.arxiv.org/abs/2401.12345', { id: '2401.12345' }],
    ['https://arxiv.org/pdf/2401.12345', { id: '2401.12345' }],
    ['https://arxiv.org/pdf/2401.12345v2.pdf', { id: '2401.12345', version: 2 }],
    ['https://arxiv.org/pdf/hep-th/9901001v1', { id: 'hep-th/9901001', version: 1 }],
    ['https://arxiv.org/abs/solv-int/9901001v2', { id: 'solv-int/9901001', version: 2 }],
    ['https://arxiv.org/abs/math.GT/0309136', { id: 'math/0309136' }],
    ['https://arxiv.org/html/2411.14419v1', { id: '2411.14419', version: 1 }],
    ['https://arxiv.org/html/2411.14419v1/#S2', { id: '2411.14419', version: 1 }],
    ['https://arxiv.org/html/2411.14419v1/x1.png', { id: '2411.14419', version: 1 }],
    ['https://arxiv.org/format/2411.14419', { id: '2411.14419' }],
    ['https://ar5iv.labs.arxiv.org/html/1706.03762', { id: '1706.03762' }],
    ['https://ar5iv.org/abs/1706.03762', { id: '1706.03762' }],
    ['https://huggingface.co/papers/2509.24002', { id: '2509.24002' }],
    ['https://huggingface.co/papers/2509.24002#community', { id: '2509.24002' }],
    ['https://www.alphaxiv.org/abs/2401.12345', { id: '2401.12345' }],
    ['https://www.alphaxiv.org/overview/2401.12345v1', { id: '2401.12345', version: 1 }],
    ['https://doi.org/10.48550/arXiv.2401.12345', { id: '2401.12345' }],
    ['https://dx.doi.org/10.48550/ARXIV.hep-th/9901001', { id: 'hep-th/9901001' }],
    ['arxiv.org/abs/2401.12345', { id: '2401.12345' }],
    ['https://arxiv.org/list/cs.LG/new', null],
    ['https://arxiv.org/abs/', null],
    ['https://huggingface.co/papers', null],
    ['https://huggingface.co/papers/date/2025-01-01', null],
    ['https://huggingface.co/2401.12345', null],
    ['https://example.com/abs/2401.12345', null],
    ['https://doi.org/10.1145/3292500', null],
    ['javascript:alert(1)//arxiv.org/abs/2401.12345', null],
    ['not a url at all', null],
  ])('reads %s', (url, expected) => {
    expect(arxivIdFromUrl(url)).toEqual(expected);
  });

  it('accepts URL objects', () => {
    expect(arxivIdFromUrl(new URL('https://arxiv.org/abs/2401.12345v4'))).toEqual({ id: '2401.12345', version: 4 });
  });
});

describe('formatArxivId', () => {
  it.each<[ArxivId, string]>([
    [{ id: '2401.12345' }, '2401.12345'],
    [{ id: '2401.12345', version: 2 }, '2401.12345v2'],
    [{ id: 'solv-int/9901001', version: 10 }, 'solv-int/9901001v10'],
  ])('formats %o as %s', (ref, text) => {
    expect(formatArxivId(ref)).toBe(text);
  });
});

/** Valid ids of both schemes, with and without versions. */
const arbArxivId: fc.Arbitrary<ArxivId> = fc.oneof(
  fc
    .record({
      yymm: fc.integer({ min: 704, max: 9912 }).filter((n) => n % 100 >= 1 && n % 100 <= 12),
      num: fc.integer({ min: 0, max: 99_999 }),
    })
    .map(({ yymm, num }) => `${String(yymm).padStart(4, '0')}.${String(num % (yymm <= 1412 ? 10_000 : 100_000)).padStart(yymm <= 1412 ? 4 : 5, '0')}`),
  fc
    .record({
      archive: fc.constantFrom('hep-th', 'solv-int', 'math', 'cs', 'cond-mat', 'q-bio', 'astro-ph', 'adap-org'),
      yy: fc.constantFrom('91', '95', '99', '00', '03', '07'),
      mm: fc.integer({ min: 1, max: 12 }),
      num: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ archive, yy, mm, num }) => `${archive}/${yy}${String(mm).padStart(2, '0')}${String(num).padStart(3, '0')}`),
).chain((id) => fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }).map((version) => (version === undefined ? { id } : { id, version })));

describe('arXiv id properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseArxivId(text);
        findArxivIds(text);
        arxivIdFromUrl(text);
      }),
    );
  });

  it('never throws on id-shaped noise', () => {
    const idish = fc.string({ unit: fc.constantFrom(...'0123456789./vhep-thsolvintarXiv: '.split('')), maxLength: 40 });
    fc.assert(
      fc.property(idish, (text) => {
        const ref = parseArxivId(text);
        if (ref) expect(ref.id).toMatch(/^(\d{4}\.\d{4,5}|[a-z-]+\/\d{7})$/);
      }),
    );
  });

  it('round-trips format → parse, in text and in every URL form', () => {
    fc.assert(
      fc.property(arbArxivId, (ref) => {
        const text = formatArxivId(ref);
        expect(parseArxivId(text)).toEqual(ref);
        expect(parseArxivId(`see arXiv:${text}, p. 3`)).toEqual(ref);
        for (const prefix of ['https://arxiv.org/abs/', 'https://arxiv.org/pdf/', 'https://huggingface.co/papers/']) {
          expect(arxivIdFromUrl(prefix + text)).toEqual(ref);
        }
      }),
    );
  });
});
