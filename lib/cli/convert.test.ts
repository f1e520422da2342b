import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/shared';

const MESSY = 'test/fixtures/formats/messy.bib';

/** `npm run convert` without npm: the same script under the same loader (tsx), from the repo root. */
function convert(args: string[], stdin?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/convert.ts', ...args], {
    cwd: REPO_ROOT,
    input: stdin,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run convert', () => {
  it('converts a messy .bib to BibTeX on stdout, and nothing else', () => {
    const { code, stdout, stderr } = convert(['--to', 'bibtex', MESSY]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.startsWith('@article{vaswani2017attention,\n')).toBe(true);
    const items = plugins.input.chain(stdout, { forceType: '@biblatex/text', generateGraph: false });
    expect(items).toHaveLength(7);
  });

  it('chains: BibTeX → backup on stdin → CSV, through the detected formats', () => {
    const backup = convert(['--to=backup', MESSY]);
    expect(backup.code).toBe(0);
    const csv = convert(['--to', 'csv', '-'], backup.stdout);
    expect(csv).toMatchObject({ code: 0, stderr: '' });
    expect(csv.stdout.split('\r\n')[0]).toBe('title,authors,year,url,arxiv_id,doi,primary_class,status,tags,lists,notes,added_at,id');
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(8);
  });

  it('exits 1 on bad input with the error, naming entry and line, on stderr only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pl-convert-')), 'broken.bib');
    writeFileSync(file, '@misc{ok, title = {Fine}}\n\n@misc{broken,\n  title = {Never closed,\n}\n');
    const { code, stdout, stderr } = convert(['--to', 'ris', file]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^convert: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: bibtex: line 3: entry "broken" could not be read \\(`));
  });

  it('exits 2 on a missing or unknown --to, with the usage', () => {
    const { code, stdout, stderr } = convert(['--to', 'docx', MESSY]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^convert: --to must be one of bibtex, csl-json, ris, markdown, csv, backup\nusage: npm run convert/);
  });
});
