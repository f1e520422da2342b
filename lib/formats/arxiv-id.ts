/**
 * arXiv ids as citation files carry them: `eprint = {2401.12345}`, `https://arxiv.org/abs/2401.12345v2`,
 * `journal = {arXiv preprint arXiv:2401.12345}`, `doi = {10.48550/arXiv.2401.12345}`.
 *
 * Private to lib/formats and minimal on purpose: lib/identity owns the full arXiv id parser (and title
 * matching). When it lands, this file should shrink to calls into it.
 */

export interface ArxivRef {
  /** Without version: `2401.12345` or `hep-th/9901001`. */
  id: string;
  version?: number;
}

// New style (2007-04 on): YYMM.NNNN, five digits from 2015-01 (https://info.arxiv.org/help/arxiv_identifier.html).
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
  const version = match[2] ? Number(match[2]) : undefined;
  // Old-style archive names are lower case; only the subject class (math.GT) keeps its capitals.
  const normalised = id.includes('/') ? id.replace(/^[^/.]+/, (archive) => archive.toLowerCase()) : id;
  return version ? { id: normalised, version } : { id: normalised };
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
