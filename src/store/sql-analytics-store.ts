import type {
  AnalyticsStore,
  AskRecord,
  NewSuggestion,
  ShownAnswer,
  SuggestionRecord,
  Verdict,
  VoteRecord,
} from './analytics-store.js';
import type { SqlConnection } from './sql-database.js';

interface AskRow {
  normalized_query: string;
  kind: string;
  topic_id: string | null;
  suggested_topics: string;
  platform: string;
  asker_hash: string;
  asked_at: string;
}

interface ShownAnswerRow {
  answer_id: string;
  query: string;
  normalized_query: string;
  kind: string;
  result_ids: string;
  platform: string;
  channel: string;
  shown_at: string;
}

interface VoteRow {
  answer_id: string;
  voter_hash: string;
  query: string;
  normalized_query: string;
  kind: string;
  result_ids: string;
  verdict: Verdict;
  platform: string;
  channel: string;
  voted_at: string;
}

interface SuggestionRow {
  id: string;
  url: string;
  note: string | null;
  count: number;
  suggested_by: string;
  first_at: string;
  last_at: string;
}

const SALT_SETTING = 'analytics_salt';

/** The analytics store over either database, through its {@link SqlConnection}. */
export class SqlAnalyticsStore implements AnalyticsStore {
  constructor(private readonly database: SqlConnection) {}

  private async sql<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.database.run<Row>(sql, params)).rows;
  }

  async recordAsk(ask: AskRecord): Promise<void> {
    await this.sql(
      `INSERT INTO asked_queries (normalized_query, kind, topic_id, suggested_topics, platform, asker_hash, asked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        ask.normalizedQuery,
        ask.kind,
        ask.topicId ?? null,
        JSON.stringify(ask.suggestedTopics),
        ask.platform,
        ask.askerHash,
        ask.at.toISOString(),
      ],
    );
  }

  async rememberAnswer(answer: ShownAnswer): Promise<void> {
    await this.sql(
      `INSERT INTO shown_answers (answer_id, query, normalized_query, kind, result_ids, platform, channel, shown_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        answer.answerId,
        answer.query,
        answer.normalizedQuery,
        answer.kind,
        JSON.stringify(answer.resultIds),
        answer.platform,
        answer.channel,
        answer.at.toISOString(),
      ],
    );
  }

  async shownAnswer(answerId: string): Promise<ShownAnswer | undefined> {
    const [row] = await this.sql<ShownAnswerRow>(
      'SELECT * FROM shown_answers WHERE answer_id = ?',
      [answerId],
    );
    if (!row) return undefined;
    return {
      answerId: row.answer_id,
      query: row.query,
      normalizedQuery: row.normalized_query,
      kind: row.kind,
      resultIds: JSON.parse(row.result_ids) as string[],
      platform: row.platform,
      channel: row.channel,
      at: new Date(row.shown_at),
    };
  }

  async recordVote(vote: VoteRecord): Promise<Verdict | undefined> {
    const [previous] = await this.sql<{ verdict: Verdict }>(
      'SELECT verdict FROM answer_votes WHERE answer_id = ? AND voter_hash = ?',
      [vote.answerId, vote.voterHash],
    );
    await this.sql(
      `INSERT INTO answer_votes (answer_id, voter_hash, query, normalized_query, kind, result_ids, verdict, platform, channel, voted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (answer_id, voter_hash) DO UPDATE SET verdict = excluded.verdict, voted_at = excluded.voted_at`,
      [
        vote.answerId,
        vote.voterHash,
        vote.query,
        vote.normalizedQuery,
        vote.kind,
        JSON.stringify(vote.resultIds),
        vote.verdict,
        vote.platform,
        vote.channel,
        vote.at.toISOString(),
      ],
    );
    return previous?.verdict;
  }

  async asksSince(since: Date): Promise<AskRecord[]> {
    const rows = await this.sql<AskRow>(
      'SELECT * FROM asked_queries WHERE asked_at >= ? ORDER BY asked_at',
      [since.toISOString()],
    );
    return rows.map((row) => ({
      normalizedQuery: row.normalized_query,
      kind: row.kind,
      ...(row.topic_id ? { topicId: row.topic_id } : {}),
      suggestedTopics: JSON.parse(row.suggested_topics) as string[],
      platform: row.platform,
      askerHash: row.asker_hash,
      at: new Date(row.asked_at),
    }));
  }

  async votesSince(since: Date): Promise<VoteRecord[]> {
    const rows = await this.sql<VoteRow>(
      'SELECT * FROM answer_votes WHERE voted_at >= ? ORDER BY voted_at',
      [since.toISOString()],
    );
    return rows.map((row) => ({
      answerId: row.answer_id,
      voterHash: row.voter_hash,
      query: row.query,
      normalizedQuery: row.normalized_query,
      kind: row.kind,
      resultIds: JSON.parse(row.result_ids) as string[],
      verdict: row.verdict,
      platform: row.platform,
      channel: row.channel,
      at: new Date(row.voted_at),
    }));
  }

  async addSuggestion(suggestion: NewSuggestion): Promise<SuggestionRecord> {
    const at = suggestion.at.toISOString();
    const [row] = await this.sql<SuggestionRow>(
      `INSERT INTO suggestions (id, url, note, count, suggested_by, first_at, last_at)
       VALUES (?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET count = suggestions.count + 1, last_at = excluded.last_at,
         note = COALESCE(suggestions.note, excluded.note)
       RETURNING *`,
      [suggestion.id, suggestion.url, suggestion.note ?? null, suggestion.suggestedBy, at, at],
    );
    return toSuggestion(row!);
  }

  async suggestions(): Promise<SuggestionRecord[]> {
    const rows = await this.sql<SuggestionRow>(
      'SELECT * FROM suggestions ORDER BY count DESC, last_at DESC, id',
      [],
    );
    return rows.map(toSuggestion);
  }

  async dismissSuggestion(id: string): Promise<boolean> {
    const rows = await this.sql('DELETE FROM suggestions WHERE id = ? RETURNING id', [id]);
    return rows.length > 0;
  }

  async purgeBefore(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    const asks = await this.sql('DELETE FROM asked_queries WHERE asked_at < ? RETURNING kind', [
      cutoff,
    ]);
    const votes = await this.sql('DELETE FROM answer_votes WHERE voted_at < ? RETURNING kind', [
      cutoff,
    ]);
    const shown = await this.sql('DELETE FROM shown_answers WHERE shown_at < ? RETURNING kind', [
      cutoff,
    ]);
    return asks.length + votes.length + shown.length;
  }

  async salt(candidate: string): Promise<string> {
    // Replicas starting together may each offer a salt; the first stored wins and all read it back.
    await this.sql(
      'INSERT INTO bot_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
      [SALT_SETTING, candidate],
    );
    const [row] = await this.sql<{ value: string }>(
      'SELECT value FROM bot_settings WHERE name = ?',
      [SALT_SETTING],
    );
    return row!.value;
  }
}

function toSuggestion(row: SuggestionRow): SuggestionRecord {
  return {
    id: row.id,
    url: row.url,
    ...(row.note ? { note: row.note } : {}),
    count: Number(row.count),
    suggestedBy: row.suggested_by,
    firstAt: new Date(row.first_at),
    lastAt: new Date(row.last_at),
  };
}
