import { describe, expect, it } from 'vitest';
import { cleanDoi, cleanLine, cleanMultiline, cleanYear, htmlNoteToText, splitNotes, joinNotes } from './citation-record';

describe('htmlNoteToText', () => {
  it.each([
    ['<p>Comment: 24 pages</p>', 'Comment: 24 pages'],
    ['<div data-schema-version="8"><p>One</p><p>Two<br/>lines &amp; &lt;tags&gt; &#233;&#x1F600;</p></div>', 'One\n\nTwo\nlines & <tags> é😀'],
    ['<p>List:</p><ul><li>a</li><li>b</li></ul>', 'List:\n\n- a\n- b'],
    ['plain text that mentions <b> stays as it is', 'plain text that mentions <b> stays as it is'],
  ])('%j → %j', (html, text) => {
    expect(htmlNoteToText(html)).toBe(text);
  });
});

describe('cleaning', () => {
  it.each([
    [cleanLine, '  two\n lines\tand\u0000 controls ', 'two lines and controls'],
    [cleanLine, 'lone \ud800 surrogate', 'lone \ufffd surrogate'],
    [cleanMultiline, '\r\n keeps\r\nlines\rand  spaces \n', 'keeps\nlines\nand  spaces'],
  ])('%o(%j) → %j', (clean, text, expected) => {
    expect(clean(text)).toBe(expected);
  });

  it.each([
    ['https://doi.org/10.1000/xyz', '10.1000/xyz'],
    ['doi:10.48550/arXiv.2401.12345', '10.48550/arXiv.2401.12345'],
    ['not a doi', undefined],
  ])('cleanDoi(%j) → %j', (raw, doi) => {
    expect(cleanDoi(raw)).toBe(doi);
  });

  it.each([
    ['2020', 2020],
    ['2020-06-19', 2020],
    ['June 2019', 2019],
    ['12345', undefined],
    [2017, 2017],
  ])('cleanYear(%j) → %j', (raw, year) => {
    expect(cleanYear(raw)).toBe(year);
  });
});

describe('notes in one field', () => {
  it('split back into the notes that were joined', () => {
    const notes = ['first\n\nwith a paragraph', 'second', '  third  '];
    expect(splitNotes(joinNotes(notes))).toEqual(['first\n\nwith a paragraph', 'second', 'third']);
  });
});
