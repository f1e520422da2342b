/**
 * Paperlight stores authors as display strings ("Ashish Vaswani"); CSL-JSON and RIS want family and given names.
 * The split follows BibTeX's "First von Last" rule (last word is the family name, lower-case words before it are
 * particles), and is only used when joining the parts gives back the exact string: otherwise the name is passed
 * as a literal, so a round trip never changes a name.
 */

export interface NameParts {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

const PLAIN_NAME = /^[\p{L}\p{M}.'’-]+(?: [\p{L}\p{M}.'’-]+)*$/u;

export function splitName(name: string): NameParts {
  if (!PLAIN_NAME.test(name)) return { literal: name };
  const words = name.split(' ');
  const family = words.pop()!;
  if (words.length === 0) return { family };
  let particleStart = words.length;
  while (particleStart > 1 && /^\p{Ll}/u.test(words[particleStart - 1]!)) particleStart--;
  const parts: NameParts = { family, given: words.slice(0, particleStart).join(' ') };
  if (particleStart < words.length) parts['non-dropping-particle'] = words.slice(particleStart).join(' ');
  return joinName(parts) === name ? parts : { literal: name };
}

/** Parts → display string, including what other tools write (`dropping-particle`, `suffix`). */
export function joinName(parts: NameParts & { 'dropping-particle'?: string; suffix?: string }): string {
  if (parts.literal) return parts.literal;
  const name = [parts.given, parts['dropping-particle'], parts['non-dropping-particle'], parts.family]
    .filter((p) => p && p.trim().length > 0)
    .join(' ');
  return parts.suffix ? `${name}, ${parts.suffix}` : name;
}
