import type {
  Answer,
  HelpAnswer,
  NoneAnswer,
  NoticeAnswer,
  SearchAnswer,
  TopicAnswer,
  TopicsAnswer,
  TopicTreeNode,
} from '../../src/engine/answer.js';
import { breadcrumb } from '../../src/engine/describe-resource.js';
import { offeredStep } from '../../src/engine/learning-path.js';
import { positionAfter } from '../../src/platform/paging-state.js';
import {
  actionsBlock,
  contextBlock,
  headerBlock,
  sectionBlock,
  sectionsFromLines,
  withinBlockLimit,
  type Block,
  type Button,
  type SlackMessage,
} from './block-kit.js';
import {
  moreButton,
  seriesStepButton,
  shareButton,
  topicButton,
  voteButtons,
} from './query-buttons.js';
import { resourceSection } from './resource-section.js';
import { escapeMrkdwn, fallbackText, mrkdwn, userMention } from './slack-text.js';

/** How an answer is shown. */
export interface RenderOptions {
  /** The slash command's name, for hints such as `/devops topics`. */
  command: string;
  /** Only the asker sees the answer, so it offers to share it in the channel. */
  ephemeral: boolean;
  /**
   * The Slack user who shared the answer into the channel; a shared answer offers no Share or
   * More, only the vote buttons.
   */
  sharedBy?: string;
}

const MAX_SUGGESTIONS = 5;
const NOTICE_ICONS: Record<NoticeAnswer['tone'], string> = {
  success: ':white_check_mark:',
  info: ':information_source:',
  refusal: ':no_entry:',
  error: ':warning:',
};

/** Renders an answer as a Block Kit message within Slack's limits, with every text escaped. */
export function renderAnswer(answer: Answer, options: RenderOptions): SlackMessage {
  switch (answer.kind) {
    case 'help':
      return renderHelp(answer, options);
    case 'topics':
      return renderTopics(answer, options);
    case 'topic':
      return renderResults(answer, answer.topic.name, topicIntro(answer), options);
    case 'search':
      return renderResults(answer, `Results for “${answer.query}”`, searchIntro(answer), options);
    case 'none':
      return renderNone(answer, options);
    case 'notice':
      return renderNotice(answer);
  }
}

function renderResults(
  answer: TopicAnswer | SearchAnswer,
  title: string,
  intro: string[],
  options: RenderOptions,
): SlackMessage {
  const { page } = answer;
  const position = positionAfter(answer);
  const buttons: Button[] = [];
  if (options.ephemeral && !options.sharedBy) buttons.push(shareButton(position.shown));
  if (position.next && !options.sharedBy) buttons.push(moreButton(position.next));
  const offer = offeredStep(answer);
  if (offer && position.seriesStep && !options.sharedBy) {
    buttons.push(seriesStepButton(offer, position.seriesStep));
  }
  if (answer.answerId) buttons.push(...voteButtons(answer.answerId));
  const pageLine =
    page.totalPages > 1
      ? `Page ${page.number} of ${page.totalPages} · ${page.totalResults} resources`
      : `${page.totalResults} ${page.totalResults === 1 ? 'resource' : 'resources'}`;
  const blocks: Block[] = [
    headerBlock(title),
    ...(intro.length > 0 ? [sectionBlock(intro.join('\n'))] : []),
    ...answer.results.map(({ resource }) => resourceSection(resource)),
    contextBlock([pageLine, ...audienceLine(options)]),
    ...(buttons.length > 0 ? [actionsBlock(buttons)] : []),
  ];
  const links = answer.results.map(({ resource }) => `• ${resource.title} ${resource.url}`);
  return { text: fallbackText([title, ...links]), blocks: withinBlockLimit(blocks) };
}

function topicIntro(answer: TopicAnswer): string[] {
  const lines = [`_${mrkdwn(breadcrumb(answer.topic.path), 500)}_`];
  if (answer.readFrom) {
    lines.push(`Showing ${mrkdwn(answer.topic.name, 200)} for “${mrkdwn(answer.readFrom, 200)}”.`);
  }
  lines.push(...noteLines(answer.notes));
  if (answer.topic.summary) lines.push(mrkdwn(answer.topic.summary, 1500));
  if (answer.viaSearch && answer.results.length > 0) {
    lines.push(`Nothing is filed under ${mrkdwn(answer.topic.name, 200)} yet; these mention it.`);
  }
  if (answer.results.length === 0) lines.push('No resources here yet.');
  if (answer.subtopics.length > 0) {
    const names = answer.subtopics.map((topic) => topic.name).join(', ');
    lines.push(`Subtopics: ${mrkdwn(names, 500)}`);
  }
  if (answer.path) {
    const { series, parts, start } = answer.path;
    lines.push(
      `*Learning path:* the ${parts} parts of _${mrkdwn(series, 200)}_ are listed in order. Start here: part ${start.part} of ${start.of}.`,
    );
  }
  return lines;
}

function searchIntro(answer: SearchAnswer): string[] {
  const notes = noteLines(answer.notes);
  if (!answer.topic) return notes;
  return [
    `In *${mrkdwn(answer.topic.name, 200)}* (${mrkdwn(breadcrumb(answer.topic.path), 500)})`,
    ...notes,
  ];
}

/** The engine's one-line remarks on how it read the question, in italics. */
function noteLines(notes: string[] | undefined): string[] {
  return (notes ?? []).map((note) => `_${mrkdwn(note, 500)}_`);
}

function renderNone(answer: NoneAnswer, options: RenderOptions): SlackMessage {
  const suggestions = answer.suggestions.slice(0, MAX_SUGGESTIONS);
  const miss = `Nothing in the catalog matches “${mrkdwn(answer.query, 600)}”.`;
  const hint =
    suggestions.length > 0
      ? 'Try one of these topics:'
      : `Type \`${escapeMrkdwn(options.command)} topics\` to see what the catalog covers.`;
  const buttons = suggestions.map((topic, index) => topicButton(topic, index));
  const names = suggestions.map((topic) => topic.name).join(', ');
  return {
    text: fallbackText([
      `Nothing in the catalog matches “${answer.query}”.`,
      ...(names ? [`Try a topic: ${names}`] : []),
    ]),
    blocks: [
      sectionBlock([miss, ...noteLines(answer.notes), hint].join('\n')),
      ...(buttons.length ? [actionsBlock(buttons)] : []),
    ],
  };
}

function renderNotice(answer: NoticeAnswer): SlackMessage {
  const body = [`${NOTICE_ICONS[answer.tone]} *${mrkdwn(answer.title, 300)}*`];
  body.push(...answer.lines.map((line) => mrkdwn(line, 1000)));
  return {
    text: fallbackText([answer.title, ...answer.lines]),
    blocks: sectionsFromLines(body),
  };
}

function renderHelp(answer: HelpAnswer, options: RenderOptions): SlackMessage {
  const command = escapeMrkdwn(options.command);
  const lines = answer.commands.flatMap((entry) => [
    `*\`${command} ${mrkdwn(entry.usage, 200)}\`* — ${mrkdwn(entry.summary, 500)}`,
    `     _e.g._ ${entry.examples.map((example) => `\`${command} ${mrkdwn(example, 200)}\``).join(', ')}`,
  ]);
  const title = 'devops-bot finds DevOps and MLOps learning resources';
  const blocks: Block[] = [
    headerBlock(title),
    ...sectionsFromLines(lines),
    contextBlock(['Mention the bot or send it a direct message with the same words.']),
  ];
  return {
    text: fallbackText([
      title,
      ...answer.commands.map((entry) => `${options.command} ${entry.usage}`),
    ]),
    blocks: withinBlockLimit(blocks),
  };
}

function renderTopics(answer: TopicsAnswer, options: RenderOptions): SlackMessage {
  const lines = answer.tree.flatMap((node) => treeLines(node, 0));
  const hint = `Type \`${escapeMrkdwn(options.command)} TOPIC\` to list a topic's resources.`;
  const buttons =
    options.ephemeral && !options.sharedBy ? [shareButton({ query: answer.query, page: 1 })] : [];
  const blocks: Block[] = [
    headerBlock('Topics'),
    ...sectionsFromLines(lines),
    contextBlock([hint, ...audienceLine(options)]),
    ...(buttons.length ? [actionsBlock(buttons)] : []),
  ];
  const roots = answer.tree.map((node) => `${node.name} (${node.count})`).join(', ');
  return { text: fallbackText([`Topics: ${roots}`]), blocks: withinBlockLimit(blocks) };
}

function treeLines(node: TopicTreeNode, depth: number): string[] {
  const name = mrkdwn(node.name, 200);
  const line =
    depth === 0
      ? `*${name}* (${node.count})`
      : `${'    '.repeat(depth - 1)}• ${name} (${node.count})`;
  return [line, ...node.children.flatMap((child) => treeLines(child, depth + 1))];
}

function audienceLine(options: RenderOptions): string[] {
  if (options.sharedBy) return [`Shared by ${userMention(options.sharedBy)}`];
  return options.ephemeral ? ['Only you can see this.'] : [];
}
