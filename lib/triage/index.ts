/**
 * Triage of listing pages (issue #7): the public API for the background, which builds the Profile when the
 * interests or the library change, and scores each page a content script sends.
 */
export { buildProfile, isEmptyProfile, type Profile, type ProfileOptions } from './profile';
export { highlightCap, HIGHLIGHT_SCORE, scoreEntries, SIMILARITY_THRESHOLD, type TriageOptions } from './score';
export { authorsMatch, parseAuthorName, type AuthorName } from './authors';
export { DEFAULT_INTERESTS } from './types';
export type { Interests, ProfilePaper, Reason, ReasonField, TriageEntry, TriageResult } from './types';
