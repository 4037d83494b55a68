import type { AskRecord, VoteRecord } from '../store/analytics-store.js';

/** A question that found nothing, counted over the period. */
export interface UnansweredQuery {
  query: string;
  count: number;
  /** Distinct askers, counted from their salted hashes. */
  askers: number;
  lastSeen: string;
  /** The closest topics the bot offered the last time. */
  suggestedTopics: string[];
  /** How many times on each platform. */
  platforms: Record<string, number>;
}

/** A resource shown in answers voted "not helpful". */
export interface NotHelpfulResource {
  resourceId: string;
  votes: number;
  /** The normalized queries whose answers were voted down. */
  queries: string[];
}

/** A question whose answers were voted "not helpful", counted over the period. */
export interface NotHelpfulQuery {
  /** The normalized query, as unanswered questions are counted. */
  query: string;
  /** "Not helpful" votes on its answers (one per person per answer). */
  votes: number;
  /** Distinct voters, counted from their salted hashes. */
  voters: number;
  firstSeen: string;
  lastSeen: string;
  /** How many of the votes on each platform. */
  platforms: Record<string, number>;
}

/** A topic people asked about and got an answer on. */
export interface AskedTopic {
  topic: string;
  count: number;
  platforms: Record<string, number>;
}

/** What the curator reads: no raw user id anywhere, only counts of salted hashes. */
export interface CuratorReport {
  period: { from: string; to: string; days: number };
  /** Questions that got at least one resource. */
  answered: number;
  unanswered: UnansweredQuery[];
  notHelpful: NotHelpfulResource[];
  notHelpfulQueries: NotHelpfulQuery[];
  topics: AskedTopic[];
}

/** Builds the report for the `days` up to `to` from the questions and votes of that period. */
export function buildCuratorReport(
  asks: AskRecord[],
  votes: VoteRecord[],
  to: Date,
  days: number,
): CuratorReport {
  const from = new Date(to.getTime() - days * 24 * 60 * 60 * 1000);
  const inPeriod = (at: Date) => at >= from && at <= to;
  const periodAsks = asks.filter((ask) => inPeriod(ask.at));
  const downVotes = votes.filter((vote) => vote.verdict === 'not_helpful' && inPeriod(vote.at));
  return {
    period: { from: from.toISOString(), to: to.toISOString(), days },
    answered: periodAsks.filter((ask) => ask.kind !== 'none').length,
    unanswered: unansweredQueries(periodAsks.filter((ask) => ask.kind === 'none')),
    notHelpful: notHelpfulResources(downVotes),
    notHelpfulQueries: notHelpfulQueries(downVotes),
    topics: askedTopics(periodAsks),
  };
}

function unansweredQueries(misses: AskRecord[]): UnansweredQuery[] {
  const byQuery = groupBy(misses, (ask) => ask.normalizedQuery);
  return [...byQuery]
    .map(([query, group]) => {
      const last = group.reduce((latest, ask) => (ask.at > latest.at ? ask : latest));
      return {
        query,
        count: group.length,
        askers: new Set(group.map((ask) => ask.askerHash)).size,
        lastSeen: last.at.toISOString(),
        suggestedTopics: last.suggestedTopics,
        platforms: countBy(group, (ask) => ask.platform),
      };
    })
    .sort(
      (a, b) => b.count - a.count || b.askers - a.askers || b.lastSeen.localeCompare(a.lastSeen),
    );
}

function notHelpfulResources(downVotes: VoteRecord[]): NotHelpfulResource[] {
  const shown = downVotes.flatMap((vote) =>
    vote.resultIds.map((resourceId) => ({ resourceId, query: vote.normalizedQuery })),
  );
  return [...groupBy(shown, (entry) => entry.resourceId)]
    .map(([resourceId, group]) => ({
      resourceId,
      votes: group.length,
      queries: [...new Set(group.map((entry) => entry.query))],
    }))
    .sort((a, b) => b.votes - a.votes || a.resourceId.localeCompare(b.resourceId));
}

function notHelpfulQueries(downVotes: VoteRecord[]): NotHelpfulQuery[] {
  return [...groupBy(downVotes, (vote) => vote.normalizedQuery)]
    .map(([query, group]) => {
      const times = group.map((vote) => vote.at.toISOString()).sort();
      return {
        query,
        votes: group.length,
        voters: new Set(group.map((vote) => vote.voterHash)).size,
        firstSeen: times[0]!,
        lastSeen: times.at(-1)!,
        platforms: countBy(group, (vote) => vote.platform),
      };
    })
    .sort(
      (a, b) => b.votes - a.votes || b.voters - a.voters || b.lastSeen.localeCompare(a.lastSeen),
    );
}

function askedTopics(asks: AskRecord[]): AskedTopic[] {
  const withTopic = asks.filter((ask) => ask.topicId !== undefined);
  return [...groupBy(withTopic, (ask) => ask.topicId!)]
    .map(([topic, group]) => ({
      topic,
      count: group.length,
      platforms: countBy(group, (ask) => ask.platform),
    }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return groups;
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
