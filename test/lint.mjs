#!/usr/bin/env node
/**
 * `npm run lint`: the project's own source rules, which no off-the-shelf config states exactly.
 * - No HTML-from-string sinks (innerHTML, outerHTML, insertAdjacentHTML, document.write/writeln,
 *   createContextualFragment, setHTMLUnsafe, dangerouslySetInnerHTML) and no code from strings (eval,
 *   [new] Function, string setTimeout/setInterval): page and corpus text must stay text.
 * - No focused or skipped tests left behind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['entrypoints', 'components', 'lib', 'test'];
const sources = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') walk(p);
    } else if (/\.(m?[jt]sx?)$/.test(name)) sources.push(p);
  }
};
// `node test/lint.mjs <file>…` lints just those files (test/lint.test.ts points it at planted offenders).
const only = process.argv.slice(2);
if (only.length) sources.push(...only);
else
  for (const r of roots) {
    try {
      walk(r);
    } catch {
      /* a root that does not exist yet */
    }
  }

const rules = [
  {
    // `el.innerHTML =` and `+=`, `el['innerHTML'] =`, insertAdjacentHTML, document.write/writeln, Range's
    // createContextualFragment, the newer setHTMLUnsafe/parseHTMLUnsafe, and Preact/React's escape hatch.
    re: /(?:\.|\[\s*['"`])(?:innerHTML|outerHTML)(?:['"`]\s*\])?\s*\+?=(?!=)|insertAdjacentHTML\s*\(|document\.write(?:ln)?\s*\(|createContextualFragment\s*\(|(?:set|parse)HTMLUnsafe\s*\(|dangerouslySetInnerHTML/,
    why: 'HTML from a string',
  },
  { re: /\beval\s*\(|(?<![\w$.])(?:new\s+)?Function\s*\(|set(Timeout|Interval)\s*\(\s*['"`]/, why: 'code from a string' },
];
const testRules = [{ re: /\b(it|test|describe)\.(only|skip|todo)\s*\(|\bx(it|describe)\s*\(/, why: 'focused, skipped or todo test' }];

const problems = [];
for (const file of sources) {
  if (file === 'test/lint.mjs') continue;
  const lines = readFileSync(file, 'utf8').split('\n');
  const isTest = /\.(test|e2e)\.[jt]sx?$/.test(file);
  lines.forEach((line, i) => {
    for (const rule of isTest ? [...rules, ...testRules] : rules) {
      if (rule.re.test(line)) problems.push(`${file}:${i + 1}: ${rule.why}: ${line.trim()}`);
    }
  });
}
for (const p of problems) console.log(`lint: ${p}`);
console.log(`lint: ${sources.length} files, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
