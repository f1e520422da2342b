/**
 * Promise 7 of issue 9: `npm run lint` must fail on every HTML-from-string sink and code-from-string call it
 * claims to ban. Lint is pointed at planted offenders (test/fixtures/lint, a folder its own walk skips) and at a
 * clean file, and must report exactly the marked lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './shared';

const lint = (...files: string[]) => spawnSync('node', ['test/lint.mjs', ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
/** Line numbers and reasons of the lines a fixture marks with `// offender: <reason>`. */
const marked = (file: string) =>
  readFileSync(file.startsWith('/') ? file : join(REPO_ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      const m = /\/\/ offender: (.+)$/.exec(line);
      return m ? [`${file}:${i + 1}: ${m[1]}`] : [];
    });

/**
 * A test file with a skipped suite, a focused test and a todo, written to a temp folder at run time: kept in the
 * repository, it would be a skipped test left behind for every other tool. Spelled in pieces so this file does not
 * trip the lint it tests.
 */
function plantedTestFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pl-lint-')), 'skipped.test.ts');
  const mark = ' // offender: focused, skipped or todo test';
  const calls = [['describe', 'skip', "('a skipped suite', () => {});"], ['it', 'only', "('a focused test', () => {});"], ['it', 'todo', "('a todo');"]];
  writeFileSync(file, ["import { describe, it } from 'vitest';", ...calls.map(([fn, how, rest]) => `${fn}.${how}${rest}${mark}`)].join('\n'));
  return file;
}

describe('npm run lint', () => {
  it.each(['test/fixtures/lint/offenders.tsx', plantedTestFile()])('fails on every planted offender in %s, naming line and rule', (file) => {
    const want = marked(file);
    expect(want.length).toBeGreaterThan(0);
    const run = lint(file);
    expect(run.status).toBe(1);
    // Each report line is "<file>:<line>: <rule>: <source>"; compare file, line and rule.
    const reported = run.stdout
      .split('\n')
      .filter((l) => l.startsWith(`lint: ${file}:`))
      .map((l) => /^lint: ([^:]+:\d+): ([^:]+):/.exec(l)!)
      .map((m) => `${m[1]}: ${m[2]}`);
    expect(reported).toEqual(want);
    expect(run.stdout).toContain(`lint: 1 files, ${want.length} problem(s)`);
  });

  it('the banned sinks in lint.mjs include every one the issue names', () => {
    const offenders = readFileSync(join(REPO_ROOT, 'test/fixtures/lint/offenders.tsx'), 'utf8');
    // Spelled in pieces so this file does not trip the lint it tests.
    const sinks = [['inner', 'HTML ='], ['outer', 'HTML ='], ['insertAdjacent', 'HTML('], ['document.', 'write('], ['dangerouslySet', 'InnerHTML'], ['ev', 'al('], ['new Fun', 'ction('], ['setTime', "out('"]];
    for (const sink of sinks.map((parts) => parts.join(''))) {
      expect(offenders, sink).toContain(sink);
    }
  });

  it('passes text set as text, timers given functions and look-alike names', () => {
    const run = lint('test/fixtures/lint/clean.tsx');
    expect(run.stdout).toContain('lint: 1 files, 0 problem(s)');
    expect(run.status).toBe(0);
  });

  it('passes on the project itself (what npm test runs)', () => {
    const run = lint();
    expect(run.stdout).toMatch(/lint: \d+ files, 0 problem\(s\)/);
    expect(run.status).toBe(0);
  });
});
