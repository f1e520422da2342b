// Promise 8 of issue 9: every reading-list format under random and mutated files (contracts: test/fuzz/targets.ts).
import { describe, expect, it } from 'vitest';
import { PARSER_TARGETS } from '../../test/fuzz/targets';
import { fuzzTests } from '../../test/fuzz/unit';

describe('fuzz: formats', () => fuzzTests(PARSER_TARGETS.filter((t) => /^(BibTeX|CSL-JSON|RIS|backup|import|CSV)/.test(t.name))));

describe('found by fuzzing', () => {
  it('RIS: a "TY  -" line without its space, then tags, is refused in words instead of a TypeError from citation.js', async () => {
    const { parseRis } = await import('./ris');
    const result = parseRis('TY  -\r\nID  - x\r\nTI  - A title\r\nER  - \r\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^ris: the records could not be read \(.+\); every tag line must read "XX {2}- value"/);
  });
});
