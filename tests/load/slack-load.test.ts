import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../adapters/slack/render-answer.js';
import { blockKitProblem } from '../../bench/block-kit-check.js';
import { describeLoad, runSlackLoad, type SlackLoadFigures } from '../../bench/slack-load.js';
import { FIXTURE_CATALOG, fixtureEngine } from '../support/content.js';
import { BOT } from '../support/processes.js';

const QUERIES = [
  'docker',
  'kafka streaming',
  'help',
  'k8s cronjobs',
  'topics',
  'mlflow vs airflow',
];

function makeFigures(overrides: Partial<SlackLoadFigures> = {}): SlackLoadFigures {
  return {
    commands: 10,
    answered: 10,
    ackP50Ms: 20,
    ackP99Ms: 90,
    rssBeforeMb: 100,
    rssAfterMb: 110,
    cpuMsPerCommand: 2,
    late: 0,
    failures: [],
    ...overrides,
  };
}

describe('npm run load', () => {
  it('sends signed slash commands to the built bot in Slack HTTP mode and counts each answered ack', async () => {
    const figures = await runSlackLoad({
      botEntry: BOT,
      contentDir: FIXTURE_CATALOG,
      queries: QUERIES,
      commands: 40,
      concurrency: 10,
      // No timing here (the figures are the script's job); a bot past its own ack deadline still
      // fails, with an empty ack instead of Block Kit.
      ackLimitMs: Number.POSITIVE_INFINITY,
    });

    expect(figures.failures).toEqual([]);
    expect(figures).toMatchObject({ commands: 40, answered: 40, late: 0 });
    expect(figures.ackP50Ms).toBeGreaterThan(0);
    expect(figures.ackP99Ms).toBeGreaterThanOrEqual(figures.ackP50Ms);
    expect(figures.rssBeforeMb).toBeGreaterThan(10);
    expect(figures.rssAfterMb).toBeGreaterThan(10);
    expect(figures.cpuMsPerCommand).toBeGreaterThan(0);
    expect(describeLoad(figures).text).toContain('40 / 40 (100.0%)');
  });

  it('fails when a command went unanswered or the p99 ack missed 1 s, naming what was not answered', () => {
    expect(describeLoad(makeFigures()).ok).toBe(true);
    const missed = describeLoad(
      makeFigures({ answered: 8, late: 1, failures: ['"docker": block 0: unknown type image'] }),
    );
    expect(missed.ok).toBe(false);
    expect(missed.text).toContain('8 / 10 (80.0%)');
    expect(missed.text).toContain('not answered: 2, of which 1 late with a valid body');
    expect(missed.text).toContain('not answered: "docker": block 0: unknown type image');
    expect(describeLoad(makeFigures({ ackP99Ms: 1000 })).ok).toBe(false);
  });
});

describe('the Block Kit check of an ack', () => {
  it('passes the bot’s own answers', async () => {
    const engine = await fixtureEngine();
    for (const query of QUERIES) {
      const message = renderAnswer(engine.answer(query), { command: '/devops', ephemeral: true });
      expect(blockKitProblem({ response_type: 'ephemeral', ...message }), query).toBeUndefined();
    }
  });

  it('names what Slack would refuse', () => {
    const section = { type: 'section', text: { type: 'mrkdwn', text: 'Docker' } };
    const button = (text: string) => ({
      type: 'button',
      action_id: 'more',
      text: { type: 'plain_text', text },
      value: 'v',
    });
    const message = (blocks: unknown[]) => ({ text: 'Docker', blocks });
    const cases: [unknown, RegExp][] = [
      [undefined, /not a JSON object/],
      [{ blocks: [section] }, /no text fallback/],
      [{ text: 'Docker' }, /no blocks/],
      [message(Array.from({ length: 51 }, () => section)), /more than 50 blocks/],
      [message([{ type: 'image' }]), /block 0: unknown type image/],
      [
        message([{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }]),
        /longer than 150/,
      ],
      [message([{ type: 'header', text: { type: 'mrkdwn', text: 'Docker' } }]), /plain_text/],
      [
        message([section, { type: 'section', text: { type: 'mrkdwn', text: '' } }]),
        /block 1: an empty text/,
      ],
      [
        message([{ type: 'context', elements: Array.from({ length: 11 }, () => section.text) }]),
        /more than 10 elements/,
      ],
      [
        message([{ type: 'actions', elements: Array.from({ length: 26 }, () => button('More')) }]),
        /more than 25/,
      ],
      [message([{ type: 'actions', elements: [button('x'.repeat(76))] }]), /longer than 75/],
      [
        message([{ type: 'actions', elements: [{ ...button('More'), action_id: '' }] }]),
        /without action_id/,
      ],
    ];
    for (const [body, problem] of cases) {
      expect(blockKitProblem(body), JSON.stringify(body)?.slice(0, 80)).toMatch(problem);
    }
  });
});
