/**
 * The second half of `npm start` (after install and build): open the extension for a person, or, without a
 * display, check it headless and say where the build is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, launchExtension } from './e2e/harness';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (hasDisplay) {
  console.log(`start: opening Chromium with Paperlight loaded (fresh profile). Close the window to stop.`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'paperlight-')), {
    executablePath: chromiumPath(),
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-first-run', '--disable-sync'],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${new URL(sw.url()).host}/popup.html`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
} else {
  console.log(`start: no display here. The unpacked extension is at ${EXTENSION_DIR}`);
  console.log('start: load it by hand from chrome://extensions (Developer mode → Load unpacked). Checking it headless now…');
  const session = await launchExtension();
  try {
    const popup = await session.openPage('popup.html');
    const status = popup.getByRole('status');
    await status.filter({ hasText: /papers in corpus|failed/ }).waitFor({ timeout: 60_000 });
    console.log(`start: corpus installed: ${await status.textContent()}`);
    const box = popup.getByRole('searchbox', { name: 'Search papers' });
    if (await box.count()) {
      const query = 'scaling laws';
      await box.fill(query);
      const first = popup.getByRole('listbox').getByRole('option').first();
      await first.waitFor({ timeout: 10_000 });
      console.log(`start: search "${query}" → ${(await first.getAttribute('aria-label')) ?? (await first.textContent())}`);
    } else {
      console.log('start: this build has no search box yet');
    }
  } finally {
    await session.close();
  }
}
