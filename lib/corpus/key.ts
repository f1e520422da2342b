/**
 * Duplicate detection inside the corpus: two seed entries are one paper when their titles agree after Unicode
 * folding, case folding and dropping punctuation. (Matching corpus titles against arXiv's TeX titles on pages is
 * a harder problem and lives in `lib/identity/`.)
 */
export function dedupeKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A stable paper id from the dedupe key: `c-` + 14 hex digits of cyrb53 (a fast 53-bit string hash; collisions
 * among a few hundred thousand titles are vanishingly unlikely at 2^-53 per pair). Stable across corpus versions,
 * so user data that points at a corpus paper survives a corpus update.
 */
export function paperIdFor(key: string): string {
  return 'c-' + hashHex(key);
}

/** cyrb53 of `text` in 14 hex digits: the one content hash behind every id the project derives from content. */
export function hashHex(text: string): string {
  return cyrb53(text).toString(16).padStart(14, '0');
}

function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
