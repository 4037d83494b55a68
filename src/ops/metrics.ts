import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Answer } from '../engine/answer.js';
import type { AnswerObserver, PlatformName } from '../platform/conversation.js';
import type { Verdict } from '../store/analytics-store.js';
import type { SuggestionOutcome } from '../suggestions/suggest-command.js';

/** The bot's Prometheus metrics, in a registry of their own. */
export class BotMetrics implements AnswerObserver {
  readonly registry = new Registry();
  private readonly queries = new Counter({
    name: 'devops_bot_queries_total',
    help: 'Queries answered, by platform and answer kind.',
    labelNames: ['platform', 'kind'] as const,
    registers: [this.registry],
  });
  private readonly emptyQueries = new Counter({
    name: 'devops_bot_queries_without_result_total',
    help: 'Queries that found no resource, by platform.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly votes = new Counter({
    name: 'devops_bot_votes_total',
    help: 'Votes recorded on answers ("Helpful" / "Not helpful"), by platform and verdict; a changed vote counts again.',
    labelNames: ['platform', 'verdict'] as const,
    registers: [this.registry],
  });
  private readonly suggestions = new Counter({
    name: 'devops_bot_suggestions_total',
    help: 'Links suggested with "suggest", by platform and outcome (new, repeat, listed in the catalog, invalid).',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'devops_bot_answer_duration_seconds',
    help: 'Time to compute an answer, by platform.',
    labelNames: ['platform'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'devops_bot_errors_total',
    help: 'Errors while answering or posting, by platform.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly weeklyPosts = new Counter({
    name: 'devops_bot_weekly_posts_total',
    help: 'Resource-of-the-week slots by outcome (posted, failed, missed, skipped).',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly weeklyFailures = new Counter({
    name: 'devops_bot_weekly_failures_total',
    help: 'Failed steps of weekly posts, by platform and stage (claim, check, post, record).',
    labelNames: ['platform', 'stage'] as const,
    registers: [this.registry],
  });
  private readonly resources = new Gauge({
    name: 'devops_bot_content_resources',
    help: 'Resources in the catalog being served.',
    registers: [this.registry],
  });

  private readonly leaseHeld = new Gauge({
    name: 'devops_bot_gateway_lease_held',
    help: 'Whether this replica holds the lease of a platform session (1) or stands by (0), by platform.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'devops_bot_' });
  }

  answered(platform: PlatformName, answer: Answer, seconds: number): void {
    this.queries.inc({ platform, kind: answer.kind });
    this.latency.observe({ platform }, seconds);
    if (answer.kind === 'none') this.emptyQueries.inc({ platform });
  }

  voted(platform: PlatformName, verdict: Verdict): void {
    this.votes.inc({ platform, verdict });
  }

  /** Counts a suggested link by what became of it. */
  suggested(outcome: SuggestionOutcome, platform: string): void {
    this.suggestions.inc({ platform, outcome });
  }

  failed(platform: PlatformName): void {
    this.errors.inc({ platform });
  }

  /** Counts a weekly slot's outcome. */
  weeklyOutcome(outcome: string, platform: string): void {
    this.weeklyPosts.inc({ platform, outcome });
    if (outcome === 'failed') this.errors.inc({ platform });
  }

  /** Counts a failed step of a weekly post (each is retried or ends the slot as failed). */
  weeklyFailure(stage: string, platform: string): void {
    this.weeklyFailures.inc({ platform, stage });
  }

  /** Records whether this replica holds a platform's session lease and serves its session. */
  gatewayLease(platform: string, held: boolean): void {
    this.leaseHeld.set({ platform }, held ? 1 : 0);
  }

  /** Records the size of the catalog now served. */
  contentLoaded(resourceCount: number): void {
    this.resources.set(resourceCount);
  }
}
