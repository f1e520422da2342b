#!/usr/bin/env node
/**
 * `npm test`: everything CI runs, in order — typecheck, lint, build, then every unit and browser test in one
 * vitest run. Ends with the plain line `N passed, N failed` (CI's reader does not know vitest's own summary) and a
 * non-zero exit code when anything failed. Each step that is not a vitest test counts as one check.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed (exit ${r.status ?? r.signal})`);
  }
  return r.status === 0;
}

step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'node', ['test/lint.mjs']);
const built = step('build', 'npx', ['wxt', 'build']) && step('build:firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
// The Firefox build writes its own folder; the browser tests load .output/chrome-mv3, so rebuild order does not matter.

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit']; // without a build only the unit tests can run
if (!built) console.log('✗ the build failed: browser tests not run');
const vitest = spawnSync('npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile=${report}`], {
  stdio: 'inherit',
});
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load has no tests to count: count it as one failure.
  failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  if (json.numPendingTests || json.numTodoTests) console.log(`note: ${json.numPendingTests} skipped, ${json.numTodoTests} todo`);
} catch (error) {
  failed++;
  console.log(`✗ vitest wrote no report (${error.message}); exit ${vitest.status}`);
}
if (vitest.status !== 0 && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
