import type { NoticeAnswer } from '../engine/answer.js';
import type { ChatCommand } from './chat-command.js';

/** A short private line from a session command, such as "nothing more". */
function say(query: string, title: string): NoticeAnswer {
  return { kind: 'notice', query, tone: 'info', title, lines: [], private: true };
}

const more: ChatCommand = {
  name: 'more',
  aliases: ['next'],
  usage: 'more',
  summary: 'Show the next page of the last answer.',
  examples: ['more'],
  needs: 'session',
  run(_args, call) {
    const last = call.session?.last;
    if (!last) return say('more', 'Nothing to continue yet: ask something, then type "more".');
    if (!last.next) {
      return say('more', `Nothing more: that was the last page for "${last.shown.query}".`);
    }
    return call.ask(last.next.query, { page: last.next.page });
  },
};

const nextPart: ChatCommand = {
  name: 'next part',
  aliases: ['start'],
  usage: 'next part',
  summary: "Follow a series: the part the last answer offered (a topic's start, or the next one).",
  examples: ['next part', 'start'],
  needs: 'session',
  run(_args, call) {
    const step = call.session?.last?.seriesStep;
    if (step) return call.ask(step.query, { page: step.page });
    return say(
      'next part',
      'No part to follow: the last answer ended its series or was not part of one. Ask for a topic with a series, then type "start".',
    );
  },
};

const exit: ChatCommand = {
  name: 'exit',
  aliases: ['quit', '/exit', '/quit'],
  usage: 'exit',
  summary: 'Leave the console (Ctrl+D does too).',
  examples: ['exit'],
  needs: 'session',
  run(_args, call) {
    call.session?.leave();
    return say('exit', 'Bye.');
  },
};

/**
 * Commands of a session, where typed words stand in for buttons: the next page, the offered
 * series part, and leaving.
 */
export const SESSION_COMMANDS: ChatCommand[] = [more, nextPart, exit];
