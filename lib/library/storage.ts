/**
 * What the library page says about the browser storage it lives in: how much is used, of how much, and whether
 * the browser may evict it. Pure (the page passes in navigator.storage's answers) so the wording is tested in Node.
 */

export interface StorageFacts {
  /** navigator.storage.estimate().usage, in bytes. */
  usage?: number;
  /** navigator.storage.estimate().quota, in bytes. */
  quota?: number;
  /** navigator.storage.persisted() after asking persist(); undefined when the browser has no such API. */
  persisted?: boolean;
}

/** 1,536 → "1.5 KB"; binary units, one decimal below 100. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} bytes`;
  return `${value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** One line for the page: "Storage used: 1.2 MB of 10 GB (0.01 %). Kept persistently: …". */
export function describeStorage(facts: StorageFacts): string {
  const parts: string[] = [];
  if (facts.usage !== undefined) {
    let used = `Storage used: ${formatBytes(facts.usage)}`;
    if (facts.quota) used += ` of ${formatBytes(facts.quota)} (${percentUsed(facts.usage, facts.quota)} %)`;
    parts.push(`${used}.`);
  } else parts.push('Storage used: unknown (this browser does not report it).');
  if (facts.persisted === true) parts.push('Kept persistently: the browser will not clear it to free space.');
  else if (facts.persisted === false) parts.push('Not persistent: the browser may clear it when the disk is nearly full; export a backup.');
  return parts.join(' ');
}

/** Share of the quota used, in percent, rounded to what a reader can act on (2 decimals under 1 %). */
export function percentUsed(usage: number, quota: number): string {
  const p = (100 * usage) / quota;
  return p < 1 ? p.toFixed(2) : p.toFixed(0);
}
