import { describe, expect, it } from 'vitest';
import { findArxivId, isArxivPlaceholderVenue, parseWholeArxivId } from './arxiv-id';

describe('parseWholeArxivId (eprint fields)', () => {
  it.each([
    ['2401.12345', { id: '2401.12345' }],
    ['2401.12345v3', { id: '2401.12345', version: 3 }],
    [' arXiv:0704.0001 ', { id: '0704.0001' }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['math.GT/0309136v2', { id: 'math/0309136', version: 2 }], // the subject class is no part of the id
    ['1301.12345', undefined], // five digits only from 2015
    ['foo-bar/9901001', undefined], // no such archive
    ['HEP-TH/9901001', { id: 'hep-th/9901001' }],
    ['2413.12345', undefined], // month 13
    ['10.1000/xyz', undefined],
    ['see 2401.12345', undefined],
  ])('%j → %j', (value, ref) => {
    expect(parseWholeArxivId(value)).toEqual(ref);
  });
});

describe('findArxivId (free text)', () => {
  it.each([
    ['https://arxiv.org/abs/2401.12345v2', { id: '2401.12345', version: 2 }],
    ['http://arxiv.org/pdf/1706.03762v5.pdf', { id: '1706.03762', version: 5 }],
    ['https://arxiv.org/abs/hep-th/9901001', { id: 'hep-th/9901001' }],
    ['10.48550/arXiv.2103.00020', { id: '2103.00020' }],
    ['arXiv preprint arXiv:1810.04805', { id: '1810.04805' }],
    ['arXiv:2005.14165 [cs]', { id: '2005.14165' }],
    ['pages 2401.12345', undefined],
    ['https://example.org/2401.12345', undefined],
  ])('%j → %j', (text, ref) => {
    expect(findArxivId(text)).toEqual(ref);
  });
});

describe('isArxivPlaceholderVenue', () => {
  it.each([
    ['arXiv preprint arXiv:1810.04805', true],
    ['CoRR', true],
    ['Preprint', true],
    ['Nature', false],
    ['Advances in Neural Information Processing Systems', false],
  ])('%j → %s', (venue, placeholder) => {
    expect(isArxivPlaceholderVenue(venue)).toBe(placeholder);
  });
});
