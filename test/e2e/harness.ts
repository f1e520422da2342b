/**
 * Launches real Chromium with the built extension loaded (launch code from ../shared/TOOLCHAIN.md) and serves
 * saved pages under their real URLs. Every browser test goes through here.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { REPO_ROOT } from '../shared';
import type { ProtocolMap } from '../../lib/browser/messages';

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
  /** The folder the extension was loaded from (its id derives from this path). */
  extensionDir: string;
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
    extensionDir: ext,
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

/**
 * Sends one typed message from an extension page (popup.html, library.html), in @webext-core/messaging's envelope,
 * exactly as the page's own code would; rejects with the background's error message when it refuses.
 */
export async function sendFromPage<K extends keyof ProtocolMap>(
  page: Page,
  type: K,
  ...data: Parameters<ProtocolMap[K]> extends [] ? [] : Parameters<ProtocolMap[K]>
): Promise<ReturnType<ProtocolMap[K]>> {
  const answer = await page.evaluate(
    ([t, d]) =>
      new Promise<{ res?: unknown; err?: { message?: string } }>((resolve, reject) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void; lastError?: { message?: string } } } }).chrome;
        api.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type: t, data: d, timestamp: Date.now() }, (r) => {
          if (api.runtime.lastError) reject(new Error(api.runtime.lastError.message));
          else resolve((r ?? { err: { message: 'no response' } }) as { res?: unknown; err?: { message?: string } });
        });
      }),
    [type, data[0]] as const,
  );
  if (answer.err) throw new Error(`e2e: "${type}" refused: ${answer.err.message ?? JSON.stringify(answer.err)}`);
  return answer.res as ReturnType<ProtocolMap[K]>;
}

/** Every row of the named stores, read with the raw IndexedDB API (independent of Dexie), keyed by store. */
export async function readStores(page: Page, stores: readonly string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...names]);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...stores],
  );
}

/**
 * Builds the Chrome extension into `outDir` (through wxt.config.ts's PAPERLIGHT_* overrides: PAPERLIGHT_VERSION for
 * the manifest version, PAPERLIGHT_EXTRA_CORPUS for extra corpus records) and returns the unpacked folder.
 * Inherited PAPERLIGHT_* settings are dropped so each build is exactly what the caller asked for.
 */
export function buildExtension(outDir: string, env: { PAPERLIGHT_VERSION?: string; PAPERLIGHT_EXTRA_CORPUS?: string } = {}): string {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PAPERLIGHT_')));
  const run = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...inherited, ...env, PAPERLIGHT_OUT_DIR: outDir } });
  const dir = join(outDir, 'chrome-mv3');
  if (run.status !== 0 || !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`e2e: wxt build into ${outDir} failed (exit ${run.status}):\n${(run.stdout + run.stderr).slice(-2_000)}`);
  }
  return dir;
}

/**
 * Installs the build in `buildDir` over the running extension as an update: copies it into the folder the
 * extension was loaded from (same folder, so the same id and the same storage) and reloads it the way
 * chrome://extensions' Reload button does (developer mode on, as a developer has it).
 *
 * Why not a browser restart on the new files: Chromium 156 keeps the service-worker registration of a
 * --load-extension extension across restarts even when its version changed (the profile's
 * service_worker_registration_info keeps the old version), so the old background code would keep running under
 * the new manifest. Reload re-registers the worker, as an update from the store does.
 */
export async function installUpdate(session: ExtensionSession, buildDir: string): Promise<{ version: string }> {
  const { version } = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as { version: string };
  rmSync(session.extensionDir, { recursive: true, force: true });
  cpSync(buildDir, session.extensionDir, { recursive: true });
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions');
    return await page.evaluate(
      ([id, expected]) =>
        new Promise<{ version: string }>((resolve, reject) => {
          type Info = { state: string; version: string; disableReasons: Record<string, boolean> };
          const dev = (globalThis as unknown as {
            chrome: {
              developerPrivate: {
                updateProfileConfiguration(c: object, cb: () => void): void;
                reload(id: string, o: object, cb: () => void): void;
                getExtensionInfo(id: string, cb: (i: Info) => void): void;
              };
              runtime: { lastError?: { message?: string } };
            };
          }).chrome;
          const fail = (what: string) => reject(new Error(`e2e: ${what}: ${dev.runtime.lastError?.message ?? 'no error given'}`));
          dev.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, () => {
            if (dev.runtime.lastError) return fail('developer mode');
            dev.developerPrivate.reload(id, { failQuietly: true }, () => {
              if (dev.runtime.lastError) return fail('reload');
              const deadline = Date.now() + 15_000;
              const poll = () =>
                dev.developerPrivate.getExtensionInfo(id, (info) => {
                  if (info?.state === 'ENABLED' && info.version === expected) resolve({ version: info.version });
                  else if (Date.now() > deadline) reject(new Error(`e2e: the reloaded extension is ${info?.state} at ${info?.version}, not ${expected} (${JSON.stringify(info?.disableReasons)})`));
                  else setTimeout(poll, 50);
                });
              poll();
            });
          });
        }),
      [session.extensionId, version] as const,
    );
  } finally {
    await page.close();
  }
}
