/**
 * Launches real Chromium with the built extension loaded (launch code from ../shared/TOOLCHAIN.md) and serves
 * saved pages under their real URLs. Every browser test goes through here.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { REPO_ROOT } from '../shared';

export const EXTENSION_DIR = resolve(REPO_ROOT, '.output/chrome-mv3');

/** The Chromium binary: the real one (no wrapper script) when Debian's package is installed. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('e2e: no Chromium found; install Debian\'s package (apt-get install chromium) or set CHROMIUM_PATH');
  return found;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page such as `popup.html`. */
  openPage(path: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchExtension(options: { userDataDir?: string; extensionDir?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<ExtensionSession> {
  const ext = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`e2e: no build at ${ext}; run "npm run build" first`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'pl-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const sw = await serviceWorker();
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One read of the extension's own IndexedDB with the raw API (independent of Dexie): a row by key, or the count.
 * Never creates the database: that is the background's job.
 */
async function readStore(page: Page, store: string, key: IDBValidKey | null): Promise<unknown> {
  return page.evaluate(
    ([storeName, k]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const objects = db.transaction(storeName).objectStore(storeName);
          const req = k === null ? objects.count() : objects.get(k);
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key as string | null] as const,
  );
}

export async function countStore(page: Page, store: string): Promise<number> {
  return (await readStore(page, store, null)) as number;
}

export async function readRow<T>(page: Page, store: string, key: IDBValidKey): Promise<T | undefined> {
  return (await readStore(page, store, key)) as T | undefined;
}

/** Waits until the background reports the corpus installed (polling its meta row). */
export async function waitForCorpus(page: Page, timeoutMs = 30_000): Promise<{ version: string; count: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const meta = await readRow<{ version: string; count: number }>(page, 'corpusMeta', 'installed').catch(() => undefined);
    if (meta) return meta;
    if (Date.now() > deadline) throw new Error('e2e: the corpus was not installed in time');
    await page.waitForTimeout(50);
  }
}
