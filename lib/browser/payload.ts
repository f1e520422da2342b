/**
 * The shape every message payload must have before the background acts on it. Valibot (small, tree-shaken,
 * typed) states each schema once; a malformed payload is refused with a typed error naming the message and the
 * first wrong field. Strings are bounded so a page cannot make the background store megabytes per call.
 */
import * as v from 'valibot';
import type { ProtocolMap } from './messages';
import { MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH } from '../library/highlights';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const ids = v.pipe(v.array(id), v.minLength(1), v.maxLength(10_000));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const status = v.nullable(v.picklist(['to-read', 'reading', 'read']));
const tags = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(100));

const paperInput = v.strictObject({
  corpusId: v.optional(id),
  arxivId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  arxivVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(2_000)),
  authors: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(5_000))),
  abstract: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
  url: v.optional(v.pipe(v.string(), v.url(), v.maxLength(2_000))),
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(3000))),
  primaryClass: v.optional(v.pipe(v.string(), v.maxLength(64))),
});

const deletedList = v.object({
  list: v.object({ id, name: shortText, createdAt: v.number(), updatedAt: v.number() }),
  memberships: v.array(v.object({ listId: id, paperId: id, addedAt: v.number() })),
});

const none = v.optional(v.union([v.undefined(), v.null()]));

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
/** lib/annotate's HighlightSelector: a W3C text quote with bounded context, a position hint, a section id. */
const highlightSelector = v.strictObject({
  quote: v.strictObject({
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_LENGTH)),
    prefix: v.pipe(v.string(), v.maxLength(256)),
    suffix: v.pipe(v.string(), v.maxLength(256)),
  }),
  position: v.strictObject({ start: offset, end: offset }),
  section: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const pageUrl = v.pipe(v.string(), v.url(), v.maxLength(2_000));
/** A stored time (ms since the epoch). */
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const interestText = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const interests = v.strictObject({
  keywords: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200)),
  authors: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200)),
  likeMyLibrary: v.boolean(),
});

export const PAYLOADS: { [K in keyof ProtocolMap]: v.GenericSchema } = {
  getCorpusStatus: none,
  pageContext: v.union([none, v.strictObject({ listing: v.boolean() })]),
  search: v.strictObject({ query: v.pipe(v.string(), v.maxLength(10_000)), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))) }),
  related: v.strictObject({ id }),
  getPaper: v.strictObject({ id }),
  savePaper: v.strictObject({ paper: paperInput, listId: v.optional(id) }),
  setStatus: v.strictObject({ ids, status }),
  addTags: v.strictObject({ ids, tags }),
  removeTags: v.strictObject({ ids, tags }),
  suggestTags: v.strictObject({ prefix: v.pipe(v.string(), v.maxLength(200)) }),
  putNote: v.strictObject({ paperId: id, text: v.pipe(v.string(), v.maxLength(1_000_000)), noteId: v.optional(id) }),
  getLists: none,
  getListPapers: v.strictObject({ listId: id }),
  createList: v.strictObject({ name: shortText }),
  renameList: v.strictObject({ id, name: shortText }),
  deleteList: v.strictObject({ id }),
  restoreList: v.strictObject({ deleted: deletedList }),
  addToList: v.strictObject({ ids, listId: id }),
  removeFromList: v.strictObject({ ids, listId: id }),
  removePapers: v.strictObject({ ids }),
  getSnapshot: none,
  // The records an import plan writes. The plan's own validation ran in the page; here the shape is checked again
  // because a malformed record would otherwise reach IndexedDB.
  applyImport: v.strictObject({
    changes: v.strictObject({
      papers: v.array(v.looseObject({ id, title: v.string(), tags: v.array(v.string()), addedAt: v.number(), updatedAt: v.number() })),
      lists: v.array(v.looseObject({ id, name: shortText, createdAt: v.number(), updatedAt: v.number() })),
      memberships: v.array(v.looseObject({ listId: id, paperId: id, addedAt: v.number() })),
      tags: v.array(v.looseObject({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), createdAt: v.number() })),
      notes: v.array(v.looseObject({ id, paperId: id, text: v.string(), createdAt: v.number(), updatedAt: v.number() })),
      highlights: v.optional(v.array(v.looseObject({ id, paperId: id, selector: highlightSelector, url: pageUrl, createdAt: v.number(), updatedAt: v.number() }))),
      interests: v.optional(interests),
    }),
    baseRevision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  getInterests: none,
  setInterests: v.strictObject({ interests }),
  watchAuthor: v.strictObject({ name: interestText }),
  likePaper: v.strictObject({ paper: paperInput }),
  // A 1,000-entry listing with abstracts is ~1.5 MB; the bounds keep a page from sending much more.
  triagePage: v.strictObject({
    entries: v.pipe(
      v.array(
        v.strictObject({
          title: v.pipe(v.string(), v.maxLength(2_000)),
          authors: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(500))),
          abstract: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
        }),
      ),
      v.maxLength(5_000),
    ),
  }),
  getPageTriage: none,
  showPageEntry: v.strictObject({ index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)) }),
  lookupPapers: v.strictObject({
    refs: v.pipe(v.array(v.strictObject({ id: v.nullable(v.pipe(v.string(), v.maxLength(64))), title: v.pipe(v.string(), v.maxLength(2_000)) })), v.maxLength(5_000)),
  }),
  getHighlights: v.strictObject({ paperId: id }),
  addHighlight: v.strictObject({ paper: paperInput, selector: highlightSelector, comment: v.optional(v.pipe(v.string(), v.maxLength(MAX_COMMENT_LENGTH))), url: pageUrl }),
  updateHighlight: v.strictObject({ id, comment: v.pipe(v.string(), v.maxLength(MAX_COMMENT_LENGTH)) }),
  deleteHighlight: v.strictObject({ id }),
  // The record getHighlights gave the library page, sent back whole: every field of lib/library's Highlight.
  restoreHighlight: v.strictObject({
    highlight: v.strictObject({
      id,
      paperId: id,
      selector: highlightSelector,
      comment: v.optional(v.pipe(v.string(), v.maxLength(MAX_COMMENT_LENGTH))),
      url: pageUrl,
      createdAt: time,
      updatedAt: time,
    }),
  }),
  quoteToNote: v.strictObject({ paper: paperInput, markdown: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_LENGTH + 4_000)) }),
};

export class PayloadError extends Error {
  override name = 'PayloadError';
}

/** Throws a PayloadError unless `data` has the shape message `type` takes. */
export function assertPayload(type: keyof ProtocolMap, data: unknown): void {
  const schema = PAYLOADS[type];
  if (!schema) throw new PayloadError(`background: unknown message "${String(type)}"`);
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') || '(payload)';
    throw new PayloadError(`background: malformed "${type}" message: ${path}: ${issue.message}`);
  }
}
