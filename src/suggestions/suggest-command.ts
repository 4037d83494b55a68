import type { Catalog } from '../content/types.js';
import { resourceIdFor } from '../content/url.js';
import type { NoticeAnswer } from '../engine/answer.js';
import { breadcrumb } from '../engine/describe-resource.js';
import type { ChannelCommand, CommandDeclaration } from '../platform/chat-command.js';
import type { AnalyticsStore } from '../store/analytics-store.js';
import { readSuggestion } from './read-suggestion.js';

/** How `suggest` is called and explained; {@link createSuggestCommand} gives it its action. */
export const SUGGEST_COMMAND = {
  name: 'suggest',
  aliases: [],
  needs: 'channel',
  calledBy: 'first word',
  usage: 'suggest URL [what it teaches]',
  summary: 'Suggest a link for the catalog; the curator reviews every suggestion.',
  examples: ['suggest https://helm.sh/docs/intro/quickstart/ Helm charts for beginners'],
} satisfies CommandDeclaration;

/** What became of a suggestion: stored, counted again, already in the catalog, or unreadable. */
export type SuggestionOutcome = 'new' | 'repeat' | 'listed' | 'invalid';

/** What `suggest` needs. */
export interface SuggestDependencies {
  analytics: AnalyticsStore;
  /** The catalog now served, to tell a link it already lists. */
  catalog: () => Catalog;
  /** The salted hash a suggestion is kept under, never the raw user id. */
  userHash: (platform: string, userId: string | undefined) => string;
  now: () => Date;
  /** Told of every suggestion's outcome, for metrics. */
  onSuggestion?: (outcome: SuggestionOutcome, platform: string) => void;
}

/**
 * `suggest URL [what it teaches]`, for any member: a readable link not in the catalog is kept for
 * the curator (a repeat is counted, not stored twice) and the asker is thanked privately; a link
 * the catalog lists, or one that cannot be read, gets a private answer saying so.
 */
export function createSuggestCommand(dependencies: SuggestDependencies): ChannelCommand {
  return {
    ...SUGGEST_COMMAND,
    async run(args, context) {
      const query = `suggest ${args}`.trim();
      const outcome = await suggest(args, context.platform, context.userId, dependencies);
      dependencies.onSuggestion?.(outcome.kind, context.platform);
      return { kind: 'notice', query, private: true, ...outcome.notice };
    },
  };
}

type Notice = Pick<NoticeAnswer, 'tone' | 'title' | 'lines'>;

async function suggest(
  args: string,
  platform: string,
  userId: string | undefined,
  dependencies: SuggestDependencies,
): Promise<{ kind: SuggestionOutcome; notice: Notice }> {
  const typed = readSuggestion(args);
  if ('problem' in typed) {
    return {
      kind: 'invalid',
      notice: {
        tone: 'error',
        title: 'That link cannot be suggested',
        lines: [typed.problem, typed.hint],
      },
    };
  }
  const id = resourceIdFor(typed.url);
  const listed = dependencies.catalog().resourcesById.get(id);
  if (listed) {
    const topic = listed.topics[0] ?? [];
    return {
      kind: 'listed',
      notice: {
        tone: 'info',
        title: 'Already in the catalog',
        lines: [
          `Already listed under ${topic.at(-1) ?? 'the catalog'}: ${listed.title}.`,
          ...(topic.length > 0
            ? [`Ask for "${topic.at(-1)}" to see it with the rest of ${breadcrumb(topic)}.`]
            : []),
        ],
      },
    };
  }
  const stored = await dependencies.analytics.addSuggestion({
    id,
    url: typed.url,
    ...(typed.note ? { note: typed.note } : {}),
    suggestedBy: dependencies.userHash(platform, userId),
    at: dependencies.now(),
  });
  if (stored.count > 1) {
    return {
      kind: 'repeat',
      notice: {
        tone: 'success',
        title: 'Suggested before: counted',
        lines: [
          `${stored.url} has now been suggested ${stored.count} times; the curator sees how often.`,
        ],
      },
    };
  }
  return {
    kind: 'new',
    notice: {
      tone: 'success',
      title: 'Thanks for the suggestion',
      lines: [
        `${stored.url} is on the curator's list.`,
        typed.note
          ? `Noted with it: "${typed.note}".`
          : 'Next time, add a few words on what it teaches: it helps the curator file it.',
      ],
    },
  };
}
