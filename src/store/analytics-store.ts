/** How a person judged an answer. */
export type Verdict = 'helpful' | 'not_helpful';

/** Every verdict, in the order reports list them. */
export const VERDICTS: readonly Verdict[] = ['helpful', 'not_helpful'];

/** One question asked in chat, as analytics keeps it: never the raw user id, never the text as typed. */
export interface AskRecord {
  /** The query lower-cased with filler words removed, so phrasings of one question count together. */
  normalizedQuery: string;
  /** The kind of answer it got (`none` for a question that found nothing). */
  kind: string;
  /** The topic the answer was about, when it had one. */
  topicId?: string;
  /** For a `none` answer: the closest topics it offered, for the curator's report. */
  suggestedTopics: string[];
  platform: string;
  /** A salted hash of the asker's user id. */
  askerHash: string;
  at: Date;
}

/**
 * An answer that showed resources in chat, kept (until the retention purge) so that a vote on it,
 * arriving at any replica later, knows what it is a verdict on.
 */
export interface ShownAnswer {
  /** Short and random; the vote buttons carry it. */
  answerId: string;
  /** The query as the asker typed it. */
  query: string;
  normalizedQuery: string;
  kind: string;
  /** The ids of the resources the answer showed. */
  resultIds: string[];
  platform: string;
  channel: string;
  at: Date;
}

/** One person's verdict on one answer; a later click by the same person replaces it. */
export interface VoteRecord extends ShownAnswer {
  /** A salted hash of the voter's user id. */
  voterHash: string;
  verdict: Verdict;
  /** When the vote was cast (or last changed). */
  at: Date;
}

/** A link someone suggested for the catalog; a repeat of the same URL is counted, not stored again. */
export interface SuggestionRecord {
  /** Short and stable (derived from the URL), for `suggestions --dismiss ID`. */
  id: string;
  url: string;
  /** What the link teaches, in the first suggester's words (or a later one's when the first gave none). */
  note?: string;
  count: number;
  /** A salted hash of the first suggester's user id. */
  suggestedBy: string;
  firstAt: Date;
  lastAt: Date;
}

/** A new suggestion as a person makes it. */
export type NewSuggestion = Pick<SuggestionRecord, 'id' | 'url' | 'note' | 'suggestedBy'> & {
  at: Date;
};

/**
 * What the bot remembers to close the loop with its curators: questions asked, votes on
 * answers and suggested links, plus the salt that hashes user ids. Shared by every replica.
 */
export interface AnalyticsStore {
  recordAsk(ask: AskRecord): Promise<void>;
  /** Keeps an answer shown in chat, for the votes on it. */
  rememberAnswer(answer: ShownAnswer): Promise<void>;
  /** The answer shown under `answerId`; undefined when there was none or it has been purged. */
  shownAnswer(answerId: string): Promise<ShownAnswer | undefined>;
  /**
   * Records a vote, replacing the same person's earlier vote on the same answer; resolves with
   * the verdict it replaced (undefined for a first vote).
   */
  recordVote(vote: VoteRecord): Promise<Verdict | undefined>;
  /** Questions asked at or after `since`, oldest first. */
  asksSince(since: Date): Promise<AskRecord[]>;
  /** Votes cast (or last changed) at or after `since`, oldest first. */
  votesSince(since: Date): Promise<VoteRecord[]>;
  /** Stores a suggestion, or counts it again when its id is already there; resolves with the stored one. */
  addSuggestion(suggestion: NewSuggestion): Promise<SuggestionRecord>;
  /** Every suggestion, most often suggested first. */
  suggestions(): Promise<SuggestionRecord[]>;
  /** Removes a suggestion; false when there was none with that id. */
  dismissSuggestion(id: string): Promise<boolean>;
  /**
   * Deletes questions, shown answers and votes older than `before` (suggestions stay until
   * dismissed); resolves with how many.
   */
  purgeBefore(before: Date): Promise<number>;
  /** The salt for user-id hashes: the stored one, or `candidate` stored now when there is none yet. */
  salt(candidate: string): Promise<string>;
}
