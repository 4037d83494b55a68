import type { webApi } from '@slack/bolt';
import type { WeeklySlot } from '../../src/platform/weekly-post.js';

/** The `event_type` of the metadata every weekly post carries. */
export const WEEKLY_EVENT_TYPE = 'devops_bot_weekly';

// Weekly posts are found again within hours of their slot; a page of history covers that.
const HISTORY_LIMIT = 200;

/** The message metadata marking a weekly post with its channel and slot. */
export function weeklyMetadata(channelId: string, post: WeeklySlot) {
  return {
    event_type: WEEKLY_EVENT_TYPE,
    event_payload: { channel: channelId, slot: post.slotKey },
  };
}

/**
 * The `ts` of the message posted for `post`'s slot among the channel's recent history, found by
 * its metadata; undefined when Slack has no such message.
 */
export async function findWeeklyMessage(
  client: webApi.WebClient,
  channelId: string,
  post: WeeklySlot,
): Promise<string | undefined> {
  const history = await client.conversations.history({
    channel: channelId,
    limit: HISTORY_LIMIT,
    include_all_metadata: true,
  });
  const found = (history.messages ?? []).find((message) => {
    const metadata = message.metadata;
    const payload = metadata?.event_payload as { channel?: unknown; slot?: unknown } | undefined;
    return (
      metadata?.event_type === WEEKLY_EVENT_TYPE &&
      payload?.channel === channelId &&
      payload.slot === post.slotKey
    );
  });
  return found?.ts;
}
