import type { Resource } from '../content/types.js';
import type { TopicRef } from '../engine/answer.js';

/** The resource of the week as a platform posts it. */
export interface WeeklyPost {
  resource: Resource;
  /** The topic to offer "more on" (the resource's first topic). */
  topic: TopicRef;
  /** The scheduled slot this post is for, for the footer. */
  slot: Date;
  /**
   * The slot's key in the store (its ISO instant, or `manual:ISO`). The platform marks the
   * message with it, so that after a crash or a failed attempt the post can be found again.
   */
  slotKey: string;
}

/** Which slot a weekly post is for: what a platform needs to find the post again. */
export type WeeklySlot = Pick<WeeklyPost, 'slot' | 'slotKey'>;

/** The platform reported that the channel cannot be posted to any more (bot removed, channel deleted). */
export class ChannelUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'ChannelUnavailableError';
  }
}

/** A platform adapter that can post the resource of the week to one of its channels. */
export interface WeeklyPoster {
  /** The name of its platform in the registry. */
  readonly platform: string;
  /**
   * Posts to the channel with mentions disabled; resolves with the platform's message id.
   * Throws {@link ChannelUnavailableError} when the channel is gone or the bot was removed.
   */
  postWeekly(channelId: string, post: WeeklyPost): Promise<string>;
  /**
   * The id of the message already posted for `slot` in the channel, looked for among the
   * channel's recent messages; undefined when there is none. Throws like {@link postWeekly}.
   */
  findWeekly(channelId: string, slot: WeeklySlot): Promise<string | undefined>;
}

/** True for an adapter that can post the resource of the week. */
export function isWeeklyPoster(candidate: object): candidate is WeeklyPoster {
  return (
    'postWeekly' in candidate &&
    typeof candidate.postWeekly === 'function' &&
    'findWeekly' in candidate &&
    typeof candidate.findWeekly === 'function'
  );
}
