import type {
  Answer,
  HelpAnswer,
  NoneAnswer,
  NoticeAnswer,
  TopicTreeNode,
  TopicsAnswer,
} from '../../src/engine/answer.js';
import { buttonRows, type ButtonActions } from './button-actions.js';
import { escapeText, type DiscordMessage } from './discord-text.js';
import { FOUND_COLOUR, renderResults } from './render-results.js';

/** How answers are shown: hits to the whole channel unless `privateHits` is set. */
export interface RenderOptions {
  privateHits: boolean;
}

const MISS_COLOUR = 0x99aab5;
const NOTICE_COLOURS: Record<NoticeAnswer['tone'], number> = {
  success: 0x57f287,
  info: FOUND_COLOUR,
  refusal: 0xfee75c,
  error: 0xed4245,
};
/** Em spaces: Discord trims ordinary leading spaces, which would flatten the topic tree. */
const INDENT = '\u2003';

/**
 * The Discord message for an answer: one embed, with buttons for the next page or the suggested
 * topics. Misses and private notices are private; hits follow `options.privateHits`.
 */
export function renderAnswer(
  answer: Answer,
  buttons: ButtonActions,
  options: RenderOptions,
): DiscordMessage {
  switch (answer.kind) {
    case 'topic':
    case 'search':
      return renderResults(answer, buttons, options.privateHits);
    case 'help':
      return single(renderHelp(answer), options.privateHits);
    case 'topics':
      return single(renderTopics(answer), options.privateHits);
    case 'none':
      return renderMiss(answer, buttons);
    case 'notice':
      return single(
        {
          color: NOTICE_COLOURS[answer.tone],
          title: escapeText(answer.title),
          description: answer.lines.map(escapeText).join('\n'),
        },
        answer.private,
      );
  }
}

function single(embed: DiscordMessage['embeds'][number], isPrivate: boolean): DiscordMessage {
  return { embeds: [embed], components: [], private: isPrivate };
}

function renderHelp(answer: HelpAnswer) {
  return {
    color: FOUND_COLOUR,
    title: 'devops-bot',
    description:
      'Finds DevOps and MLOps learning resources. Use `/devops query:…`, mention me with a ' +
      'question, or send me a direct message.',
    fields: answer.commands.map((command) => ({
      name: command.usage,
      value: `${command.summary}\ne.g. ${command.examples.map((example) => `\`${example}\``).join(', ')}`,
    })),
  };
}

function renderTopics(answer: TopicsAnswer) {
  return {
    color: FOUND_COLOUR,
    title: 'Topics',
    description: answer.tree.flatMap((node) => treeLines(node, 0)).join('\n'),
    footer: { text: 'Ask for a topic by name to list its resources.' },
  };
}

function treeLines(node: TopicTreeNode, depth: number): string[] {
  const text = escapeText(node.name);
  const name = depth === 0 ? `**${text}**` : `${INDENT.repeat(depth - 1)}• ${text}`;
  return [
    `${name} · ${node.count}`,
    ...node.children.flatMap((child) => treeLines(child, depth + 1)),
  ];
}

function renderMiss(answer: NoneAnswer, buttons: ButtonActions): DiscordMessage {
  const hint =
    answer.suggestions.length > 0
      ? 'Try one of these topics:'
      : 'Ask for `topics` to see what the catalog covers.';
  const topicButtons = answer.suggestions.map((topic) =>
    buttons.button(topic.name, { kind: 'ask', state: { query: topic.name, page: 1 } }),
  );
  return {
    embeds: [
      {
        color: MISS_COLOUR,
        title: 'No match',
        description: [
          `Nothing in the catalog matches **${escapeText(answer.query)}**.`,
          ...(answer.notes ?? []).map((note) => `_${escapeText(note)}_`),
          hint,
        ].join('\n'),
      },
    ],
    components: buttonRows(topicButtons),
    private: true,
  };
}
