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

  it('BibTeX and CSL-JSON: a note of only control characters before another note no longer prefixes it with the separator', async () => {
    const { exportBibtex, parseBibtex } = await import('./bibtex');
    const { exportCslJson, parseCslJson } = await import('./csl-json');
    const snapshot = {
      papers: [{ id: 'p-0', title: 'A paper', tags: [], addedAt: 0, updatedAt: 0 }],
      lists: [],
      memberships: [],
      tags: [],
      notes: [
        { id: 'n-0', paperId: 'p-0', text: '\u0000', createdAt: 0, updatedAt: 0 },
        { id: 'n-1', paperId: 'p-0', text: '\n  indented line\n', createdAt: 0, updatedAt: 0 },
      ],
    };
    const bib = parseBibtex(exportBibtex(snapshot));
    const csl = parseCslJson(exportCslJson(snapshot));
    expect(bib.ok && bib.records[0]!.notes).toEqual(['indented line']);
    expect(csl.ok && csl.records[0]!.notes).toEqual(['indented line']);
  });
});
