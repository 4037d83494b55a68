import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { AnswerResult, SearchAnswer, TopicAnswer } from '../../src/engine/answer.js';
import { breadcrumb, resourceFacts, seriesStepLabel } from '../../src/engine/describe-resource.js';
import { offeredStep } from '../../src/engine/learning-path.js';
import { positionAfter } from '../../src/platform/paging-state.js';
import { shorten, textLength } from '../../src/text/shorten.js';
import { buttonRows, type ButtonActions } from './button-actions.js';
import { DISCORD_LIMITS, escapeText, maskedLink, type DiscordMessage } from './discord-text.js';

/** Embed colour of answers that found resources (Discord blurple). */
export const FOUND_COLOUR = 0x5865f2;

/** Room kept for the text above the list (summary, query, notes), so the list always fits. */
const HEADER_LENGTH = 900;
const TITLE_LENGTH = 200;
const DESCRIPTION_LENGTH = 300;
/** A description cut shorter than this says too little to be worth its line. */
const MIN_DESCRIPTION_LENGTH = 40;

/**
 * A topic's or a search's page of resources: each as `[title](url)` with its description, type and
 * topic path, the page in the footer, a **More** button while pages remain, and **Helpful** /
 * **Not helpful** when the answer can be voted on.
 */
export function renderResults(
  answer: TopicAnswer | SearchAnswer,
  buttons: ButtonActions,
  isPrivate: boolean,
): DiscordMessage {
  const { page } = answer;
  const header = shorten(headerLines(answer).join('\n'), HEADER_LENGTH);
  const list = resultBlocks(answer.results, (page.number - 1) * page.size, header);
  const embed: APIEmbed = {
    color: FOUND_COLOUR,
    title: answer.kind === 'topic' ? escapeText(answer.topic.name) : searchTitle(answer),
    ...(answer.kind === 'topic' && { author: { name: breadcrumb(answer.topic.path) } }),
    description: [header, ...list].filter(Boolean).join('\n\n'),
    footer: { text: pageFooter(answer) },
  };
  const next = positionAfter(answer).next;
  const more = next
    ? [buttons.button('More', { kind: 'more', state: next }, ButtonStyle.Primary)]
    : [];
  const votes = answer.answerId ? buttons.voteButtons(answer.answerId) : [];
  return {
    embeds: [embed],
    components: buttonRows([...more, ...seriesStepButton(answer, buttons), ...votes]),
    private: isPrivate,
  };
}

/** **Next: part N of M** after a part, or **Start here: part 1 of M** on a topic with a series. */
function seriesStepButton(answer: TopicAnswer | SearchAnswer, buttons: ButtonActions) {
  const offer = offeredStep(answer);
  const state = positionAfter(answer).seriesStep;
  if (!offer || !state) return [];
  return [buttons.button(seriesStepLabel(offer), { kind: 'part', state })];
}

function searchTitle(answer: SearchAnswer): string {
  return answer.topic ? `Resources in ${escapeText(answer.topic.name)}` : 'Resources found';
}

function headerLines(answer: TopicAnswer | SearchAnswer): string[] {
  const notes = (answer.notes ?? []).map((note) => `_${escapeText(note)}_`);
  if (answer.kind === 'search') return [`Results for **${escapeText(answer.query)}**`, ...notes];
  const lines: string[] = [...notes];
  const topicName = escapeText(answer.topic.name);
  if (answer.readFrom) lines.push(`Showing ${topicName} for “${escapeText(answer.readFrom)}”.`);
  if (answer.topic.summary) lines.push(escapeText(answer.topic.summary));
  if (answer.viaSearch && answer.results.length > 0) {
    lines.push(`_Nothing is filed under ${topicName} yet; these resources mention it._`);
  }
  if (answer.subtopics.length > 0) {
    lines.push(`Subtopics: ${answer.subtopics.map((topic) => escapeText(topic.name)).join(', ')}`);
  }
  if (answer.path) {
    const { series, parts, start } = answer.path;
    lines.push(
      `**Learning path:** the ${parts} parts of _${escapeText(series)}_ are listed in order. Start here: part ${start.part} of ${start.of}.`,
    );
  }
  if (answer.results.length === 0) lines.push('No resources here yet.');
  return lines;
}

/** One block a resource, each cut to an equal share of the room the header leaves. */
function resultBlocks(results: AnswerResult[], offset: number, header: string): string[] {
  if (results.length === 0) return [];
  const separators = 2 * results.length;
  const room = DISCORD_LIMITS.embedDescription - textLength(header) - separators;
  const share = Math.floor(room / results.length);
  return results.map((result, index) => resourceBlock(result, offset + index + 1, share));
}

/** A resource's block within `room`: its description gives way first, then its facts, then the link. */
function resourceBlock({ resource }: AnswerResult, number: number, room: number): string {
  const link = `**${number}.** ${maskedLink(shorten(resource.title, TITLE_LENGTH), resource.url)}`;
  const facts = [resourceFacts(resource), resource.topics.map(breadcrumb).join(', ')]
    .filter(Boolean)
    .join(' · ');
  const factsLine = facts ? `_${escapeText(facts)}_` : '';
  const fixed = [link, factsLine].filter(Boolean).join('\n');
  if (textLength(fixed) > room) {
    return textLength(link) <= room
      ? link
      : shorten(`**${number}.** ${escapeText(resource.title)}`, room);
  }
  const spare = Math.min(room - textLength(fixed) - 1, DESCRIPTION_LENGTH);
  const description =
    spare >= MIN_DESCRIPTION_LENGTH ? shorten(escapeText(resource.description), spare) : '';
  return [link, description, factsLine].filter(Boolean).join('\n');
}

function pageFooter({ page }: TopicAnswer | SearchAnswer): string {
  const count = `${page.totalResults} ${page.totalResults === 1 ? 'resource' : 'resources'}`;
  return page.totalPages > 1 ? `Page ${page.number} of ${page.totalPages} · ${count}` : count;
}
