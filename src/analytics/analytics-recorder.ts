import type { Answer } from '../engine/answer.js';
import type { AnswerEngine } from '../engine/engine.js';
import type { AskRecorder, ConversationContext } from '../platform/conversation.js';
import type { AnalyticsStore } from '../store/analytics-store.js';
import { normalizeQuery } from './normalize-query.js';
import { hashUser } from './user-hash.js';
import { CONSOLE_PLATFORM } from '../platform/platform-descriptor.js';

// Questions, as opposed to help, the topic tree or a channel command's notice.
const QUESTION_KINDS = new Set<Answer['kind']>(['topic', 'search', 'none']);

/** What the recorder needs: where to write, the salt for user ids, the time, and where errors go. */
export interface AnalyticsRecorderOptions {
  store: AnalyticsStore;
  salt: string;
  now: () => Date;
  onError: (error: unknown) => void;
}

/**
 * Records the questions asked in chat for the curator's report, with the asker's salted hash,
 * never the raw id. The console is a curator's own tool and is never recorded. Writing never
 * delays or fails an answer: errors go to `onError`.
 */
export class AnalyticsRecorder implements AskRecorder {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly options: AnalyticsRecorderOptions) {}

  /** The salted hash that stands for `userId` on `platform`. */
  userHash(platform: string, userId: string | undefined): string {
    return hashUser(this.options.salt, platform, userId);
  }

  asked(query: string, answer: Answer, context: ConversationContext, engine: AnswerEngine): void {
    if (context.platform === CONSOLE_PLATFORM || !QUESTION_KINDS.has(answer.kind)) return;
    const topicId =
      answer.kind === 'topic'
        ? answer.topic.id
        : answer.kind === 'search'
          ? answer.topic?.id
          : undefined;
    this.track(
      this.options.store.recordAsk({
        normalizedQuery: normalizeQuery(engine.read(query)),
        kind: answer.kind,
        ...(topicId ? { topicId } : {}),
        suggestedTopics:
          answer.kind === 'none' ? answer.suggestions.map((topic) => topic.name) : [],
        platform: context.platform,
        askerHash: this.userHash(context.platform, context.userId),
        at: this.options.now(),
      }),
    );
  }

  /** Resolves once every write started so far has finished (before the store closes, and in tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Runs a write in the background, reporting its failure. */
  protected track<T>(work: Promise<T>): Promise<T | undefined> {
    const done = work.catch((error: unknown) => {
      this.options.onError(error);
      return undefined;
    });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
    return done;
  }
}
