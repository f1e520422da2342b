/**
 * Triage in the background (issue #7): the Profile is built from the interests, the saved papers and the
 * installed corpus, and kept until the user revision or the corpus version moves (the one invalidation rule the
 * search index also follows), so a page is scored against a profile already in memory.
 */
import { buildProfile, isEmptyProfile, scoreEntries, type Profile, type ProfilePaper, type TriageEntry, type TriageResult } from '../triage/index';
import { installedCorpus, userRevision, type PaperlightDB } from './db';
import { getInterests } from './interests';

export interface PageTriage {
  results: TriageResult[];
  /** Nothing can be highlighted: no keyword, no author, and no library to resemble. */
  emptyProfile: boolean;
  /** Interests set aside, each saying why. */
  warnings: readonly string[];
  /** Time the background spent scoring (not building the profile), for the benchmarks. */
  ms: number;
}

export class TriageService {
  private cached: { key: string; profile: Promise<Profile> } | undefined;
  /**
   * The corpus as the profile reads it, kept per corpus version: a profile is rebuilt after every library write,
   * and re-reading the whole corpus from IndexedDB each time was most of a rebuild.
   */
  private corpus: { version: string; papers: Promise<ProfilePaper[]> } | undefined;

  constructor(private readonly db: PaperlightDB) {}

  /** The profile for the current revision and corpus; built at most once per pair. */
  async profile(): Promise<Profile> {
    const [revision, corpus] = await Promise.all([userRevision(this.db), installedCorpus(this.db)]);
    const key = `${revision}|${corpus?.version ?? ''}`;
    if (this.cached?.key !== key) {
      const profile = this.build(corpus?.version ?? '');
      this.cached = { key, profile };
      profile.catch(() => {
        if (this.cached?.profile === profile) this.cached = undefined;
      });
    }
    return this.cached.profile;
  }

  private async build(corpusVersion: string): Promise<Profile> {
    const interests = await getInterests(this.db);
    const saved = await this.db.papers.toArray();
    // The corpus is read only when "like my library" needs it (rarity of terms, and the starter library).
    const corpus = interests.likeMyLibrary ? await this.corpusPapers(corpusVersion) : [];
    return buildProfile(interests, saved.map(profilePaper), { corpus });
  }

  private corpusPapers(version: string): Promise<ProfilePaper[]> {
    if (this.corpus?.version !== version) {
      const papers = this.db.corpus.toArray().then((rows) => rows.map(profilePaper));
      this.corpus = { version, papers };
      papers.catch(() => {
        if (this.corpus?.papers === papers) this.corpus = undefined;
      });
    }
    return this.corpus.papers;
  }

  async score(entries: TriageEntry[]): Promise<PageTriage> {
    const profile = await this.profile();
    const started = performance.now();
    const results = scoreEntries(profile, entries);
    return { results, emptyProfile: isEmptyProfile(profile), warnings: profile.warnings, ms: performance.now() - started };
  }
}

/** Only what a profile reads of a saved or corpus paper. */
function profilePaper(p: ProfilePaper): ProfilePaper {
  return { id: p.id, title: p.title, ...(p.abstract ? { abstract: p.abstract } : {}), ...(p.authors ? { authors: p.authors } : {}) };
}
