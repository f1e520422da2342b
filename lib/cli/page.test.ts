import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/shared';
import { buildCorpus } from '../corpus/build';
import { TitleMatcher } from '../identity/title-matcher';
import { readPage } from './page';

const fixture = (name: string) => join(REPO_ROOT, 'test/fixtures/pages', name);

describe('readPage (the pipeline behind npm run page)', () => {
  const matcher = new TitleMatcher(buildCorpus().asset.papers);

  it('reads entries in page order and marks corpus titles', () => {
    const { adapter, lines } = readPage(readFileSync(fixture('arxiv-list-2023.html'), 'utf8'), new URL('https://arxiv.org/list/cs.LG/new'), matcher);
    expect(adapter.name).toBe('arxiv-listing');
    expect(lines).toEqual([
      { id: '2312.17276', version: null, title: 'PanGu-$\\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation', match: 'corpus' },
      { id: '2401.00002', version: null, title: '<img src=x onerror=alert(1)> & Friends: Escaping Titles', match: null },
      { id: 'hep-th/9901001', version: null, title: 'Scaling Laws for Neural Machine Translation', match: 'corpus' },
    ]);
  });

  it('takes the URL from the canonical link when none is given', () => {
    const { adapter, url, lines } = readPage(readFileSync(fixture('hf-paper.html'), 'utf8'), null, matcher);
    expect([adapter.name, url.href, lines.length]).toEqual(['hf-paper', 'https://huggingface.co/papers/2109.07740', 1]);
  });

  it('says what to do when there is no URL at all', () => {
    expect(() => readPage('<html><body></body></html>', null, matcher)).toThrow(/page: no URL given .* usage: npm run page -- FILE \[URL\]/);
  });

  it('reads unknown sites from their paper links', () => {
    const html = '<html><body><ul><li><a href="https://arxiv.org/abs/2001.08361">Scaling Laws for Neural Language Models</a></li></ul></body></html>';
    const { adapter, lines } = readPage(html, new URL('https://example.org/'), matcher);
    expect(adapter.name).toBe('paper-links');
    expect(lines).toEqual([{ id: '2001.08361', version: null, title: 'Scaling Laws for Neural Language Models', match: 'corpus' }]);
  });
});

describe('npm run page (the command)', () => {
  it('prints exactly one JSON line per entry with exactly id, version, title, match, and nothing else on stdout', { timeout: 60_000 }, () => {
    const stdout = execFileSync('npx', ['tsx', 'lib/cli/page.ts', fixture('hf-daily.html'), 'https://huggingface.co/papers/date/2024-12-12'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l))).toEqual(Array(3).fill(['id', 'version', 'title', 'match']));
    expect(lines.map((l) => [l.id, l.match])).toEqual([
      ['2412.08946', 'corpus'],
      ['2401.00003', null],
      ['2001.08361', 'corpus'],
    ]);
  });
});
