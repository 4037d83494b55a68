import { describe, expect, it } from 'vitest';
import {
  renderAnswer as renderSlackAnswer,
  type RenderOptions,
} from '../../adapters/slack/render-answer.js';
import { renderWeeklyPost as renderSlackWeeklyPost } from '../../adapters/slack/render-weekly-post.js';
import type { WeeklyPost } from '../../src/platform/weekly-post.js';
import { fixtureEngine } from '../support/content.js';
import type { Resource } from '../../src/content/types.js';
import type { Answer, AnswerResult, SearchAnswer, TopicTreeNode } from '../../src/engine/answer.js';
import {
  buttonLabelled,
  buttonsOf,
  expectNoMentions,
  expectWithinSlackLimits,
  visibleText,
  type SlackMessageBody,
} from './slack-message.js';

/** The rendered message as Slack receives it, JSON and all. */
function onTheWire(
  message: unknown,
): SlackMessageBody & { blocks: NonNullable<SlackMessageBody['blocks']> } {
  return JSON.parse(JSON.stringify(message));
}

function renderAnswer(answer: Answer, options: RenderOptions) {
  return onTheWire(renderSlackAnswer(answer, options));
}

function renderWeeklyPost(post: WeeklyPost) {
  return onTheWire(renderSlackWeeklyPost(post));
}

const EPHEMERAL: RenderOptions = { command: '/devops', ephemeral: true };

function makeResource(overrides: Partial<Resource> = {}): Resource {
  return {
    id: 'r1',
    url: 'https://example.com/docker-basics?a=1&b=2',
    title: 'Docker basics',
    description: 'Builds a first image.',
    type: 'article',
    topics: [['DevOps', 'Docker']],
    topicIds: ['devops/docker'],
    source: { file: 'devops.md', line: 1 },
    order: 1,
    ...overrides,
  };
}

function makeSearch(results: AnswerResult[], overrides: Partial<SearchAnswer> = {}): SearchAnswer {
  return {
    kind: 'search',
    query: 'docker image',
    results,
    page: { number: 1, size: 5, totalResults: results.length, totalPages: 1 },
    ...overrides,
  };
}

function results(count: number, resource: Partial<Resource> = {}): AnswerResult[] {
  return Array.from({ length: count }, (_, index) => ({
    resource: makeResource({ id: `r${index}`, ...resource }),
    score: 1,
  }));
}

describe('renderAnswer', () => {
  it('links each resource by its catalog URL with its description, type and breadcrumb', () => {
    const message = renderAnswer(makeSearch(results(1)), EPHEMERAL);
    const section = visibleText(message);

    expect(section).toContain('<https://example.com/docker-basics?a=1&amp;b=2|Docker basics>');
    expect(section).toContain('Builds a first image.');
    expect(section).toContain('Article · DevOps › Docker');
    expect(message.text).toContain('Docker basics https://example.com/docker-basics');
  });

  it('escapes channel, here and user mentions typed in a query so nobody is notified', () => {
    const miss: Answer = {
      kind: 'none',
      query: '<!channel> <!here> <@U123> & kafka',
      suggestions: [],
    };
    const message = renderAnswer(miss, EPHEMERAL);

    expectNoMentions(message);
    expect(visibleText(message)).toContain(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; kafka',
    );
  });

  it('escapes catalog text and keeps a title with | or > from breaking its link', () => {
    const resource = { title: 'A | B > C <!everyone>', description: '<@U999> says hi' };
    const message = renderAnswer(makeSearch(results(1, resource)), EPHEMERAL);

    expectNoMentions(message);
    expect(visibleText(message)).toContain('|A ¦ B &gt; C &lt;!everyone&gt;>');
  });

  it('keeps a page of very long resources within every Slack limit', () => {
    const huge = {
      title: 'T'.repeat(5000),
      description: '<&>'.repeat(4000),
      url: `https://example.com/${'x'.repeat(500)}`,
    };
    const answer = makeSearch(results(5, huge), {
      query: '<'.repeat(3000),
      page: { number: 1, size: 5, totalResults: 40, totalPages: 8 },
    });
    const message = renderAnswer(answer, EPHEMERAL);

    expectWithinSlackLimits(message);
    expectNoMentions(message);
    expect(visibleText(message)).toContain(`<https://example.com/${'x'.repeat(500)}|`);
  });

  it('splits a topic tree too long for one section instead of exceeding the limits', () => {
    const node = (index: number): TopicTreeNode => ({
      id: `t${index}`,
      name: `Topic ${index} ${'n'.repeat(80)}`,
      path: [`Topic ${index}`],
      count: index,
      children: [],
    });
    const tree = Array.from({ length: 2000 }, (_, index) => node(index));
    const message = renderAnswer({ kind: 'topics', query: 'topics', tree }, EPHEMERAL);

    expectWithinSlackLimits(message);
    expect(message.blocks.length).toBe(50);
    expect(buttonsOf(message).map((button) => button.text.text)).toEqual(['Share in channel']);
  });

  it('offers Share only on an answer the asker alone sees, and More only before the last page', () => {
    const paged = makeSearch(results(5), {
      page: { number: 1, size: 5, totalResults: 9, totalPages: 2 },
    });
    const labels = (options: RenderOptions) =>
      buttonsOf(renderAnswer(paged, options)).map((button) => button.text.text);

    expect(labels(EPHEMERAL)).toEqual(['Share in channel', 'More']);
    expect(labels({ ...EPHEMERAL, ephemeral: false })).toEqual(['More']);
    expect(labels({ ...EPHEMERAL, sharedBy: 'U0042' })).toEqual([]);
    expect(JSON.parse(buttonLabelled(renderAnswer(paged, EPHEMERAL), 'More').value)).toEqual({
      q: 'docker image',
      p: 2,
    });
  });

  it('says who shared an answer with a mention built from the Slack user id alone', () => {
    const message = renderAnswer(makeSearch(results(1)), { ...EPHEMERAL, sharedBy: 'U0042' });

    expect(visibleText(message)).toContain('Shared by <@U0042>');
  });

  it('renders a notice as a short section with its lines', () => {
    const message = renderAnswer(
      {
        kind: 'notice',
        query: 'subscribe',
        tone: 'refusal',
        title: 'Only channel managers can change this',
        lines: ['Ask an admin <!channel>.'],
        private: true,
      },
      EPHEMERAL,
    );

    expect(message.blocks).toHaveLength(1);
    expect(visibleText(message)).toContain('*Only channel managers can change this*');
    expectNoMentions(message);
  });
});

describe('renderWeeklyPost', () => {
  it('posts the resource with a More on TOPIC button that runs the topic query', () => {
    const message = renderWeeklyPost({
      resource: makeResource({ title: 'Ship it <!channel>' }),
      topic: { id: 'devops/docker', name: 'Docker', path: ['DevOps', 'Docker'] },
      slot: new Date('2026-11-23T09:00:00Z'),
      slotKey: '2026-11-23T09:00:00.000Z',
    });

    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Resource of the week' },
    });
    expect(visibleText(message)).toContain('Week of 23 November 2026');
    expect(JSON.parse(buttonLabelled(message, 'More on Docker').value)).toEqual({
      q: 'Docker',
      p: 1,
    });
    expectNoMentions(message);
    expectWithinSlackLimits(message);
  });

  it('says which topic a misspelt query was read as, escaped', async () => {
    const answer = (await fixtureEngine()).answer('dokcer');
    const typed = renderAnswer({ ...answer, readFrom: 'dokcer <!here>' } as Answer, EPHEMERAL);
    expect(visibleText(typed)).toContain('Showing Docker for “dokcer &lt;!here&gt;”.');
    expectNoMentions(typed);
  });
});
