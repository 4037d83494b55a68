import type { PostRecord, Subscription } from './bot-store.js';

// Both stores keep instants as ISO-8601 UTC text, so their rows read the same way and compare in order.

/** A `weekly_posts` row as both databases return it. */
export interface PostRow {
  channel: string;
  slot: string;
  cycle: number;
  resource_id: string | null;
  status: PostRecord['status'];
  attempts: number;
  message_id: string | null;
  error: string | null;
}

/** A `subscriptions` row as both databases return it. */
export interface SubscriptionRow {
  channel: string;
  cron: string;
  timezone: string;
  paused_reason: string | null;
  source: Subscription['source'];
  created_by: string | null;
  created_at: string;
}

/** Statuses after which a resource counts as shown in its cycle (an interrupted post may have gone out). */
export const USED_STATUSES = "('claimed', 'posted', 'interrupted')";

/** A subscription from its row. */
export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    channel: row.channel,
    cron: row.cron,
    timezone: row.timezone,
    source: row.source,
    createdAt: row.created_at,
    ...(row.paused_reason ? { pausedReason: row.paused_reason } : {}),
    ...(row.created_by ? { createdBy: row.created_by } : {}),
  };
}

/** A post record from its row. */
export function toPostRecord(row: PostRow): PostRecord {
  return {
    channel: row.channel,
    slot: row.slot,
    cycle: row.cycle,
    status: row.status,
    attempts: row.attempts,
    ...(row.resource_id ? { resourceId: row.resource_id } : {}),
    ...(row.message_id ? { messageId: row.message_id } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}
