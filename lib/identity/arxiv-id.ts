/**
 * arXiv identifiers, as they appear in text and in URLs.
 *
 * Two schemes (https://info.arxiv.org/help/arxiv_identifier.html):
 * - new style, from April 2007: `YYMM.NNNN` (to December 2014) and `YYMM.NNNNN` (from January 2015);
 * - old style, to March 2007: `archive/YYMMNNN` (`hep-th/9901001`, `solv-int/9901001`), for math and cs sometimes
 *   written with the subject class (`math.GT/0309136`), which arXiv itself drops: /abs/math.GT/0309136 redirects
 *   to /abs/math/0309136. We drop it too, so both spellings key the same paper.
 *
 * A version (`v2`) is read as its own number by the pattern, never by splitting on "v": archive names contain
 * "v" (`solv-int`, `adap-org` does not, but `solv-int` does) and so would a naive split.
 */

export interface ArxivId {
  /** Canonical id without version: `2401.12345`, `0704.0001`, `hep-th/9901001`, `math/0309136`. */
  id: string;
  /** The explicit version (`v2` → 2) when the text or URL named one; absent means "whatever is latest". */
  version?: number;
}

/**
 * Every archive that issued old-style identifiers. Listing them keeps prose like `and/or/9901001` from reading as
 * an id. Source: arXiv's archive list (the old-scheme archives; `stat` and `q-fin` began after March 2007).
 */
const OLD_ARCHIVES = [
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn', 'chem-ph', 'cmp-lg',
  'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex', 'hep-lat', 'hep-ph', 'hep-th', 'math',
  'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th', 'patt-sol', 'physics', 'plasm-ph', 'q-alg', 'q-bio',
  'quant-ph', 'solv-int', 'supr-con',
] as const;

// Longest names first so `math-ph` is not read as `math` followed by junk.
const ARCHIVE_ALTERNATION = [...OLD_ARCHIVES].sort((a, b) => b.length - a.length).join('|');

/**
 * New style: 4 digits, a dot, 4 or 5 digits, optional version. Not preceded by a word character or a dot (so
 * `v1.2401.12345` or `12401.12345` do not match) and not followed by one (so a 6-digit tail is no id). An
 * optional `arXiv:` / `arXiv.` (DOI form) prefix is consumed so it cannot fail the look-behind.
 */
const NEW_STYLE = String.raw`(?<![\w.])(?:arxiv[:.]\s?)?(\d{2})(\d{2})\.(\d{4,5})(?:v(\d{1,4}))?(?![\w])`;
/** Old style: a known archive, optional subject class, slash, 7 digits (YYMMNNN), optional version. */
const OLD_STYLE = String.raw`(?<![\w.-])(?:arxiv:\s?)?(${ARCHIVE_ALTERNATION})(?:\.([A-Za-z][A-Za-z-]{0,9}))?/(\d{2})(\d{2})(\d{3})(?:v(\d{1,4}))?(?![\w])`;

const ANY_IN_TEXT = new RegExp(`${NEW_STYLE}|${OLD_STYLE}`, 'gi');

/** New-style numbering: 4-digit numbers from 0704 to 1412, 5-digit numbers from 1501 on. */
function validNewStyle(yy: string, mm: string, num: string): boolean {
  const month = Number(mm);
  if (month < 1 || month > 12) return false;
  const yymm = Number(yy + mm);
  if (yymm < 704) return false;
  return num.length === 4 ? yymm <= 1412 : yymm >= 1501;
}

/** Old-style numbering ran from August 1991 to March 2007 (we accept the whole of 2007 for archives' stragglers). */
function validOldStyle(yy: string, mm: string): boolean {
  const year = Number(yy);
  const month = Number(mm);
  return month >= 1 && month <= 12 && (year >= 91 || year <= 7);
}

function withVersion(id: string, version: string | undefined): ArxivId {
  const v = version === undefined ? 0 : Number(version);
  // arXiv versions start at 1; `v0` is not a version, so the id stands without one.
  return v >= 1 ? { id, version: v } : { id };
}

/** Reads one regex match of ANY_IN_TEXT (either branch) into an id, or null when the digits are not a real id. */
function fromMatch(m: RegExpExecArray): ArxivId | null {
  const [, yy, mm, num, ver, archive, , oyy, omm, onum, over] = m;
  if (yy !== undefined && mm !== undefined && num !== undefined) {
    return validNewStyle(yy, mm, num) ? withVersion(`${yy}${mm}.${num}`, ver) : null;
  }
  if (archive !== undefined && oyy !== undefined && omm !== undefined && onum !== undefined) {
    return validOldStyle(oyy, omm) ? withVersion(`${archive.toLowerCase()}/${oyy}${omm}${onum}`, over) : null;
  }
  return null;
}

/**
 * Every arXiv id in free text, in order of appearance, each once (first spelling wins): `arXiv:2401.12345v2`,
 * `2401.12345`, `hep-th/9901001`, `math.GT/0309136v1`, and ids inside URLs written out in the text.
 */
export function findArxivIds(text: string): ArxivId[] {
  const found: ArxivId[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(ANY_IN_TEXT)) {
    const ref = fromMatch(m);
    if (!ref) continue;
    const key = formatArxivId(ref);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(ref);
    }
  }
  return found;
}

/** The first arXiv id in `text`, or null. Accepts a bare id, `arXiv:` prefixed ids and ids inside longer text. */
export function parseArxivId(text: string): ArxivId | null {
  // matchAll works on a copy of the regex, so an early return leaves no lastIndex behind.
  for (const m of text.matchAll(ANY_IN_TEXT)) {
    const ref = fromMatch(m);
    if (ref) return ref;
  }
  return null;
}

const WHOLE_ID = new RegExp(String.raw`^\s*(?:${NEW_STYLE}|${OLD_STYLE})\s*$`, 'i');

/** A value that is nothing but an arXiv id (a BibTeX `eprint`, a CSL `number`), optionally `arXiv:`-prefixed. */
export function parseWholeArxivId(text: string): ArxivId | null {
  const m = WHOLE_ID.exec(text.replace(/^\s*arxiv\s*:\s*/i, 'arXiv:'));
  return m ? fromMatch(m) : null;
}

/** An id that must fill `s` from its start up to a path boundary: `2401.12345v2`, `hep-th/9901001/`, `…​.pdf`. */
const ID_AT_START = new RegExp(`^(?:${NEW_STYLE}|${OLD_STYLE})(?=$|/|\\.pdf$|\\.pdf/)`, 'i');

function idAtStart(s: string): ArxivId | null {
  const m = ID_AT_START.exec(s);
  return m ? fromMatch(m) : null;
}

/**
 * Where each site keeps the id in its paths. `abs`, `pdf`, `html`, `format`, `ps`, `src` and `e-print` are
 * arxiv.org's own routes; ar5iv serves `/html/<id>` (and redirects `/abs/<id>`); Hugging Face has `/papers/<id>`;
 * alphaXiv `/abs/<id>` and `/overview/<id>`.
 */
const ROUTES: { host: RegExp; prefixes: string[] }[] = [
  { host: /^(?:[\w-]+\.)*arxiv\.org$/, prefixes: ['abs', 'pdf', 'html', 'format', 'ps', 'src', 'e-print'] },
  { host: /^ar5iv\.org$/, prefixes: ['html', 'abs'] },
  { host: /^huggingface\.co$/, prefixes: ['papers'] },
  { host: /^alphaxiv\.org$/, prefixes: ['abs', 'overview', 'pdf'] },
];

/** arXiv's DOI prefix: https://doi.org/10.48550/arXiv.2401.12345 (https://info.arxiv.org/help/doi.html). */
const ARXIV_DOI = /^\/10\.48550\/arxiv\.(.+)$/i;

/**
 * The arXiv id a URL points at, or null. Knows arxiv.org (and its subdomains such as export. and
 * ar5iv.labs.), ar5iv.org, huggingface.co/papers, alphaxiv.org and doi.org/10.48550/arXiv.<id>. A string without
 * a scheme (`arxiv.org/abs/…`) is read as https. Query and fragment are ignored.
 */
export function arxivIdFromUrl(url: string | URL): ArxivId | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(/^[a-z][a-z\d+.-]*:/i.test(url.trim()) ? url.trim() : `https://${url.trim()}`) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    path = u.pathname;
  }
  if (host === 'doi.org' || host === 'dx.doi.org') {
    const m = ARXIV_DOI.exec(path);
    return m?.[1] ? idAtStart(m[1]) : null;
  }
  const route = ROUTES.find((r) => r.host.test(host));
  if (!route) return null;
  const segments = path.replace(/^\/+/, '');
  for (const prefix of route.prefixes) {
    if (segments.startsWith(prefix + '/')) return idAtStart(segments.slice(prefix.length + 1));
  }
  return null;
}

/** `2401.12345` or `2401.12345v2`: the inverse of `parseArxivId` for a canonical id. */
export function formatArxivId(ref: ArxivId): string {
  return ref.version !== undefined ? `${ref.id}v${ref.version}` : ref.id;
}
