/**
 * What the built extension grants and ships, read from the build itself (it runs with the browser tests because
 * it needs `npm run build`): pages get no handle on us, and no code is made from strings or fetched from afar.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return scripts(p);
    return /\.(js|html)$/.test(name) ? [p] : [];
  });
}

describe('the built manifest', () => {
  it('asks for arXiv and Hugging Face only, and for nothing a page could call', () => {
    expect(manifest.host_permissions).toEqual(['https://arxiv.org/*', 'https://huggingface.co/*']);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage']);
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('content_security_policy'); // the default MV3 policy stands
    const contentScripts = manifest.content_scripts as { matches: string[] }[];
    expect(contentScripts.flatMap((c) => c.matches)).toEqual(['https://arxiv.org/*', 'https://huggingface.co/*']);
  });

  it('exposes web-accessible resources only behind a dynamic URL', () => {
    const resources = (manifest.web_accessible_resources ?? []) as { use_dynamic_url?: boolean }[];
    for (const r of resources) expect(r.use_dynamic_url).toBe(true);
  });
});

describe('the built code', () => {
  const files = scripts(EXTENSION_DIR);

  it('has no code made from strings', () => {
    const offenders = files.filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(EXTENSION_DIR.length))).toEqual([]);
  });

  it('loads no script from anywhere but the extension', () => {
    const remote = files.filter((f) => /<script[^>]+src=["']?(?:https?:)?\/\//i.test(readFileSync(f, 'utf8')) || /importScripts\(\s*["']https?:/.test(readFileSync(f, 'utf8')));
    expect(remote).toEqual([]);
    expect(files.length).toBeGreaterThan(3);
  });
});

describe('what a web page could reach in the build (trust promises 6 and 7)', () => {
  const files = scripts(EXTENSION_DIR);
  const read = (f: string) => readFileSync(f, 'utf8');
  const contentScripts = manifest.content_scripts as { js: string[]; world?: string; matches: string[] }[];

  it('runs the content script in the isolated world and offers web pages no page, permission or sandbox of ours', () => {
    // A MAIN-world script would share its functions with the page's scripts.
    expect(contentScripts.map((c) => c.world ?? 'ISOLATED')).toEqual(['ISOLATED']);
    const resources = (manifest.web_accessible_resources ?? []) as { resources: string[]; matches: string[] }[];
    for (const r of resources) {
      // No HTML page (a site could frame the library page) and no wildcard; only our two hosts may load them.
      expect(r.resources.filter((name) => /\.html?$|\*/.test(name))).toEqual([]);
      expect(r.matches.filter((m) => !['https://arxiv.org/*', 'https://huggingface.co/*'].includes(m))).toEqual([]);
    }
    for (const key of ['optional_permissions', 'optional_host_permissions', 'sandbox', 'externally_connectable']) expect(manifest).not.toHaveProperty(key);
  });

  it('listens to no other extension, and the content script to no window message', () => {
    expect(files.filter((f) => /onMessageExternal|onConnectExternal/.test(read(f)))).toEqual([]);
    for (const js of contentScripts.flatMap((c) => c.js)) {
      const code = read(join(EXTENSION_DIR, js));
      expect(code.length).toBeGreaterThan(1_000);
      expect(code).not.toMatch(/addEventListener\(\s*["'`]message["'`]|\bonmessage\s*=/);
    }
  });

  it('makes no code from a URL or a string: no remote import(), remote worker, or string timer', () => {
    const offenders = files.filter((f) =>
      /import\(\s*["'`]https?:|new\s+(?:Shared)?Worker\(\s*["'`]https?:|set(?:Timeout|Interval)\(\s*["'`]|importScripts\(\s*[^)]*https?:/.test(read(f)),
    );
    expect(offenders.map((f) => f.slice(EXTENSION_DIR.length))).toEqual([]);
  });
});
