import { describe, expect, it } from 'vitest';
import { REPORT_CHAT_COMMAND } from '../../src/analytics/report-chat-command.js';
import type { Answer } from '../../src/engine/answer.js';
import { CommandCollisionError } from '../../src/engine/command-index.js';
import { type ChannelCommand } from '../../src/platform/chat-command.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import { SUBSCRIPTION_COMMANDS } from '../../src/weekly/subscription-commands.js';
import { fixtureEngine } from '../support/content.js';

/** A channel command answering to `name` and `aliases`, with a fixed notice. */
function makeChannelCommand(name: string, aliases: string[] = []): ChannelCommand {
  return {
    name,
    aliases,
    needs: 'channel',
    calledBy: 'first word',
    usage: name,
    summary: `The ${name} command.`,
    examples: [name],
    run: async (): Promise<Answer> => ({
      kind: 'notice',
      query: name,
      tone: 'info',
      title: name,
      lines: [],
      private: true,
    }),
  };
}

/** The collision a construction throws, or undefined when it builds. */
function collisionOf(build: () => unknown): CommandCollisionError | undefined {
  try {
    build();
    return undefined;
  } catch (error) {
    if (error instanceof CommandCollisionError) return error;
    throw error;
  }
}

describe('chat command names', () => {
  it('reject a channel command that takes an engine command name or alias, at start, naming both', async () => {
    const engine = await fixtureEngine();
    for (const word of ['topics', 'LIST']) {
      const collision = collisionOf(
        () => new ConversationRouter(() => engine, [makeChannelCommand(word)]),
      );
      expect(collision?.word).toBe(word.toLowerCase());
      expect(collision?.message).toContain('"topics"');
      expect(collision?.message).toContain(`"${word}"`);
    }
  });

  it('reject two channel commands that share an alias', async () => {
    const engine = await fixtureEngine();
    const collision = collisionOf(
      () =>
        new ConversationRouter(
          () => engine,
          [makeChannelCommand('pause', ['hold']), makeChannelCommand('resume', ['Hold'])],
        ),
    );
    expect(collision?.word).toBe('hold');
    expect(collision?.commands).toEqual(['pause', 'resume']);
  });

  it("reject a channel command that takes a session command's alias (the console's quit)", async () => {
    const engine = await fixtureEngine();
    const collision = collisionOf(
      () => new ConversationRouter(() => engine, [makeChannelCommand('quit')]),
    );
    expect(collision?.commands).toEqual(['quit', 'exit']);
  });

  it("accept the bot's own commands together: engine, channel and console commands", async () => {
    const engine = await fixtureEngine();
    const router = new ConversationRouter(
      () => engine,
      [...Object.values(SUBSCRIPTION_COMMANDS), REPORT_CHAT_COMMAND],
    );
    expect(router.commands.map((command) => command.name)).toEqual(
      expect.arrayContaining([
        'help',
        'topics',
        'subscribe',
        'subscription',
        'report',
        'more',
        'exit',
      ]),
    );
  });
});
