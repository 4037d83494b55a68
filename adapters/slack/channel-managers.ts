import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { slackErrorFields } from './slack-errors.js';

const CACHE_MS = 60_000;
const MAX_CACHED_USERS = 1000;

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
