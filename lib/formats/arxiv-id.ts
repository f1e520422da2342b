/**
 * arXiv ids as citation files carry them: `eprint = {2401.12345}`, `https://arxiv.org/abs/2401.12345v2`,
 * `journal = {arXiv preprint arXiv:2401.12345}`, `doi = {10.48550/arXiv.2401.12345}`.
 *
 * This file only says where citation files put an id; whether the digits are a real arXiv id, and its canonical
 * form (`HEP-TH/9901001` → `hep-th/9901001`, `math.GT/0309136` → `math/0309136`), is lib/identity's call, so an
 * imported paper carries the same id a page shows.
 */
import { parseWholeArxivId as parseIdentity } from '../identity/arxiv-id';

export interface ArxivRef {
  /** Without version: `2401.12345` or `hep-th/9901001`. */
  id: string;
  version?: number;
}

// Loose shapes to locate a candidate; lib/identity validates it. New style: YYMM.NNNN(N).
const NEW_ID = String.raw`\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}`;
// Old style: archive(.SUBJECT-CLASS)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
const OLD_ID = String.raw`[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{2}(?:0[1-9]|1[0-2])\d{3}`;
const ID = `(${NEW_ID}|${OLD_ID})(?:v(\\d+))?`;

const WHOLE = new RegExp(String.raw`^\s*(?:arxiv\s*:\s*)?${ID}\s*$`, 'i');
// Anchors that make a number in free text an arXiv id rather than, say, a page range or a version string.
const IN_TEXT = [
  new RegExp(String.raw`arxiv\.org/(?:abs|pdf|html|format)/${ID}`, 'i'),
  new RegExp(String.raw`10\.48550/arxiv\.${ID}`, 'i'),
  new RegExp(String.raw`\barxiv\s*[:.]?\s*${ID}`, 'i'),
];

function toRef(match: RegExpMatchArray | null): ArxivRef | undefined {
  const id = match?.[1];
  if (!id) return undefined;
  return parseIdentity(match[2] ? `${id}v${match[2]}` : id) ?? undefined;
}

/** A value that is nothing but an arXiv id (an `eprint` field, a CSL `number`), optionally `arXiv:`-prefixed. */
export function parseWholeArxivId(value: string): ArxivRef | undefined {
  return toRef(value.match(WHOLE));
}

/** The first arXiv id in free text, only where an arXiv URL, DOI or `arXiv:` prefix marks it as one. */
export function findArxivId(text: string): ArxivRef | undefined {
  for (const pattern of IN_TEXT) {
    const ref = toRef(text.match(pattern));
    if (ref) return ref;
  }
  return undefined;
}

/** `journal = {arXiv preprint arXiv:2401.12345}` names no venue: it is only where Google Scholar puts the id. */
export function isArxivPlaceholderVenue(venue: string): boolean {
  return /^\s*(?:arxiv|corr)\b/i.test(venue) || /^\s*(?:arxiv\s+)?preprint\b/i.test(venue);
}
