import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { slackErrorFields } from './slack-errors.js';

const CACHE_MS = 60_000;
const MAX_CACHED_USERS = 1000;

/** Who may manage a channel on Slack, as refusals name them. */
export const SLACK_CHANNEL_MANAGERS = 'workspace admins and owners';

/**
 * Who may change a channel's settings from Slack: the users listed in `SLACK_ADMIN_USERS`, and
 * workspace admins and owners as `users.info` reports them (remembered for a minute).
 */
export class SlackChannelManagers {
  private readonly cache = new Map<string, { allowed: boolean; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly adminUsers: readonly string[],
    private readonly logger: Logger,
  ) {}

  /**
   * Why the bot cannot post in `channelId` (it is not a member), as `conversations.info` says;
   * undefined when it is a member, in a DM, or when Slack cannot say (logged).
   */
  async whyBotCannotPost(channelId: string): Promise<string | undefined> {
    try {
      const { channel } = await this.client.conversations.info({ channel: channelId });
      if (!channel || channel.is_im || channel.is_mpim || channel.is_member) return undefined;
    } catch (error) {
      // A private channel the bot is not in is invisible to it: Slack says it is not found.
      if (slackErrorFields(error).slackError !== 'channel_not_found') {
        this.logger.warn(
          { err: error, channelId, ...slackErrorFields(error) },
          'conversations.info failed; cannot tell whether the bot is in the channel',
        );
        return undefined;
      }
    }
    return 'Invite it first: type "/invite @devops-bot" in this channel (or add it from the channel\'s Integrations tab), then run subscribe again.';
  }

  /** True when the user may manage channels; false, and logged, when Slack cannot say. */
  async canManageChannel(userId: string): Promise<boolean> {
    if (this.adminUsers.includes(userId)) return true;
    const now = Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.allowed;
    try {
      const { user } = await this.client.users.info({ user: userId });
      const allowed = Boolean(user?.is_admin || user?.is_owner);
      if (this.cache.size >= MAX_CACHED_USERS) this.cache.clear();
      this.cache.set(userId, { allowed, until: now + CACHE_MS });
      return allowed;
    } catch (error) {
      this.logger.warn(
        { err: error, userId, ...slackErrorFields(error) },
        'users.info failed; treating the user as not a channel manager',
      );
      return false;
    }
  }
}
