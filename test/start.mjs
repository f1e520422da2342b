#!/usr/bin/env node
/**
 * `npm start`: installs what is missing, builds, and opens Chromium with Paperlight loaded in a fresh profile.
 * Headed when a display exists; otherwise it says where the unpacked build is and runs a headless check that
 * prints the installed corpus count and one search result. Only node built-ins here: this runs before npm ci.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

if (!existsSync('node_modules/.bin/wxt')) {
  console.log('start: installing dependencies (npm ci)…');
  run('npm ci --loglevel=error --no-audit --no-fund');
}
const chromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!chromium && !process.env.CHROMIUM_PATH) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("start: installing Debian's chromium…");
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.log('start: no Chromium found. Install it (e.g. `sudo apt-get install chromium`) or set CHROMIUM_PATH.');
  }
}
console.log('start: building…');
run('npx wxt build');

const r = spawnSync('npx', ['tsx', 'test/start-browser.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
