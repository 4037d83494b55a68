import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer.js';
import type { ChannelCommand } from '../../src/platform/chat-command.js';
import type { ConversationContext, ConversationSession } from '../../src/platform/conversation.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import { SUBSCRIPTION_COMMANDS } from '../../src/weekly/subscription-commands.js';
import { fixtureEngine } from '../support/content.js';

/** A channel command that answers with what it was given, and counts its runs. */
function makeEchoCommand(name: string): ChannelCommand & { runs: string[] } {
  const runs: string[] = [];
  return {
    name,
    aliases: [],
    needs: 'channel',
    calledBy: 'first word',
    usage: `${name} WHAT`,
    summary: `Echoes ${name}.`,
    examples: [`${name} this`],
    runs,
    async run(args) {
      runs.push(args);
      return {
        kind: 'notice',
        query: name,
        tone: 'info',
        title: `echo ${args}`,
        lines: [],
        private: true,
      };
    },
  };
}

function inChannel(): ConversationContext {
  return { platform: 'slack', channelId: 'C0001', userId: 'U0001' };
}

function inSession(): ConversationContext & { session: ConversationSession; left: () => boolean } {
  let left = false;
  return { platform: 'console', session: { leave: () => (left = true) }, left: () => left };
}

async function routerWith(commands: ChannelCommand[] = []) {
  return new ConversationRouter(() => engine, commands);
}
const engine = await fixtureEngine();

function helpNames(answer: Answer): string[] {
  if (answer.kind !== 'help') throw new Error(`expected help, got ${answer.kind}`);
  return answer.commands.map((command) => command.name);
}

describe('the chat command registry', () => {
  it('lists in a channel the core commands, then the channel commands, and no session commands', async () => {
    const router = await routerWith([makeEchoCommand('echo')]);
    const names = helpNames(await router.answer('help', inChannel()));
    expect(names.slice(0, 2)).toEqual(['help', 'topics']);
    expect(names.indexOf('echo')).toBeGreaterThan(names.indexOf('topics'));
    expect(names).not.toContain('more');
    expect(names).not.toContain('exit');
  });

  it('lists in a session without a channel its session commands and hides the channel commands', async () => {
    const router = await routerWith([makeEchoCommand('echo')]);
    const names = helpNames(await router.answer('help', inSession()));
    expect(names).toContain('topics');
    expect(names.indexOf('more')).toBeGreaterThan(names.indexOf('topics'));
    expect(names).toContain('exit');
    expect(names).not.toContain('echo');
  });

  it('calls a channel command by its first word, with the rest as its arguments', async () => {
    const echo = makeEchoCommand('echo');
    const router = await routerWith([echo]);
    const answer = await router.answer('Echo  monday 09:00', inChannel());
    expect(answer).toMatchObject({ kind: 'notice', title: 'echo monday 09:00' });
    expect(echo.runs).toEqual(['monday 09:00']);
  });

  it('explains a channel command typed where there is no channel, without running it', async () => {
    const echo = makeEchoCommand('echo');
    const router = await routerWith([echo]);
    const answer = await router.answer('echo hello', inSession());
    expect(answer).toMatchObject({
      kind: 'notice',
      query: 'echo hello',
      title: '"echo" works in chat channels',
      private: true,
    });
    expect(echo.runs).toEqual([]);
  });

  it('explains a command only declared in this process, as the console declares subscribe', async () => {
    const router = new ConversationRouter(() => engine, [SUBSCRIPTION_COMMANDS.subscribe]);
    const answer = await router.answer('subscribe weekly monday 09:00 UTC', inChannel());
    expect(answer).toMatchObject({ kind: 'notice', title: '"subscribe" works in chat channels' });
  });

  it('reads a core command name followed by more words as a question, and its name alone as the command', async () => {
    const router = await routerWith();
    expect((await router.answer('topics?', inChannel())).kind).toBe('topics');
    expect((await router.answer('topics docker', inChannel())).kind).not.toBe('topics');
    expect((await router.answer('', inChannel())).kind).toBe('help');
  });

  it('reads "more" as a question where buttons page the answers', async () => {
    const router = await routerWith();
    for (const word of ['more', 'start']) {
      const answer = await router.answer(word, inChannel());
      expect(answer.kind).not.toBe('notice');
    }
  });

  it('pages the last answer with "more" in a session, then says when there is nothing more', async () => {
    const router = await routerWith();
    const session = inSession();
    const first = await router.answer('docker', session);
    expect(first).toMatchObject({ kind: 'topic', page: { number: 1, totalPages: 2 } });
    expect(await router.answer('more', session)).toMatchObject({ page: { number: 2 } });
    expect(await router.answer('next', session)).toMatchObject({
      kind: 'notice',
      title: `Nothing more: that was the last page for "${first.query}".`,
    });
  });

  it('still follows the series a topic offered after paging it with "more"', async () => {
    const router = await routerWith();
    const session = inSession();
    const first = await router.answer('docker', session);
    expect(first).toMatchObject({ kind: 'topic', page: { totalPages: 2 }, path: { parts: 2 } });
    expect(await router.answer('more', session)).toMatchObject({ page: { number: 2 } });
    const part = await router.answer('start', session);
    expect(part.kind).toBe('search');
    const [top] = part.kind === 'search' ? part.results : [];
    expect(top?.resource.url).toBe('https://images.example.org/part-1');
  });

  it('forgets the offered series once another question is answered', async () => {
    const router = await routerWith();
    const session = inSession();
    await router.answer('docker', session);
    await router.answer('mlflow', session);
    expect(await router.answer('start', session)).toMatchObject({ kind: 'notice' });
  });

  it('says "more" needs a question first, and leaves the session on "exit"', async () => {
    const router = await routerWith();
    const session = inSession();
    expect(await router.answer('more', session)).toMatchObject({
      kind: 'notice',
      title: 'Nothing to continue yet: ask something, then type "more".',
    });
    await router.answer('quit', session);
    expect(session.left()).toBe(true);
  });
});
