import { afterEach, describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/ops/metrics.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import {
  createSuggestCommand,
  type SuggestDependencies,
} from '../../src/suggestions/suggest-command.js';
import { EPHEMERAL, harnessPerTest, messageData } from '../discord/discord-harness.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { visibleText, type SlackMessageBody } from '../slack/slack-message.js';
import { ANALYTICS_START } from '../support/analytics.js';
import { runCliInProcess } from '../support/cli.js';
import { fixtureEngine, FIXTURE_CATALOG } from '../support/content.js';
import { baseEnv } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';

const startDiscord = harnessPerTest();
let slack: SlackHarness | undefined;
let store: BotStore | undefined;

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  await store?.close();
  store = undefined;
});

/** `suggest` over the fixture catalog, keeping suggestions in `target`, hashing ids with a fixed salt. */
async function suggestCommand(target: BotStore, extra: Partial<SuggestDependencies> = {}) {
  const { catalog } = await fixtureEngine();
  return createSuggestCommand({
    analytics: target.analytics,
    catalog: () => catalog,
    userHash: (platform, userId) => `hash-of-${platform}-${userId?.length ?? 0}`,
    now: () => ANALYTICS_START,
    ...extra,
  });
}

async function slackWithSuggest(dataDir = makeDataDir()) {
  store = openSqliteStore(dataDir);
  slack = await startSlackHarness({
    channelCommands: [await suggestCommand(store)],
    slack: { responseType: 'in_channel' },
  });
  const suggest = async (text: string, userId = 'U0042') => {
    const ack = await slack!.command(`suggest ${text}`, { user_id: userId });
    const body = ack.json as SlackMessageBody & { response_type?: string };
    expect(body.response_type).toBe('ephemeral');
    return visibleText(body);
  };
  return { dataDir, suggest };
}

describe('/devops suggest on Slack', () => {
  it('keeps a new link for the curator, thanks the asker privately, and the CLI lists it', async () => {
    const { dataDir, suggest } = await slackWithSuggest();

    const reply = await suggest(
      '<https://helm.sh/docs/intro/quickstart/> Helm charts for beginners',
    );
    await slack!.stop();
    slack = undefined;
    await store!.close();
    store = undefined;
    const listed = await runCliInProcess(['suggestions', '--json'], {
      env: baseEnv({ DATA_DIR: dataDir }),
    });

    expect(reply).toContain('Thanks for the suggestion');
    expect(listed.code).toBe(0);
    const { suggestions } = JSON.parse(listed.stdout) as {
      suggestions: { id: string; url: string; note: string; count: number }[];
    };
    expect(suggestions).toEqual([
      expect.objectContaining({
        url: 'https://helm.sh/docs/intro/quickstart/',
        note: 'Helm charts for beginners',
        count: 1,
      }),
    ]);
    expect(listed.stdout).not.toContain('U0042');
  });

  it('counts a repeat of the same link, by anyone, instead of storing it twice', async () => {
    const { suggest } = await slackWithSuggest();

    await suggest('https://helm.sh/docs/intro/quickstart/', 'U1');
    const second = await suggest('https://HELM.sh/docs/intro/quickstart/ a second opinion', 'U2');

    expect(second).toContain('has now been suggested 2 times');
    const stored = await store!.analytics.suggestions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ count: 2, note: 'a second opinion' });
    expect(JSON.stringify(stored)).not.toMatch(/"U1"|"U2"/);
  });

  it.each([
    ['ftp://files.example.org/guide.pdf', 'Only http and https links can be suggested, not ftp.'],
    ['javascript:alert(1)', 'Only http and https links can be suggested, not javascript.'],
    ['helm.sh/docs', '"helm.sh/docs" has no https:// in front.'],
    ['helm charts please', '"helm" is not a link.'],
    ['http://localhost:8080/notes', '"localhost" is not a public host name.'],
    ['https://user:secret@example.org/guide', 'That link carries a user name or password.'],
    [
      `https://example.org/${'a'.repeat(300)}`,
      'That link is 320 characters long; at most 300 are kept.',
    ],
    // Slack cuts the message at 500 characters; the link left is still too long, never stored cut.
    [`https://example.org/${'a'.repeat(600)}`, 'That link is 492 characters long'],
    [
      `https://example.org/guide ${'word '.repeat(40)}`,
      'The note is 199 characters long; at most 180 are kept.',
    ],
    // …and a note cut short by the same limit is still over its own.
    [`https://example.org/guide ${'word '.repeat(100)}`, 'The note is 466 characters long'],
    ['', 'There is no link to suggest.'],
  ])('refuses %s with a message saying what is wrong', async (text, message) => {
    const { suggest } = await slackWithSuggest();

    const reply = await suggest(text);

    expect(reply).toContain('That link cannot be suggested');
    expect(reply).toContain(message);
    expect(await store!.analytics.suggestions()).toEqual([]);
  });
});

describe('/devops suggest on Discord', () => {
  it('says privately where the catalog already lists a link, and keeps nothing', async () => {
    store = openSqliteStore(makeDataDir());
    const discord = await startDiscord({ channelCommands: [await suggestCommand(store)] });

    const { callback } = await discord.interact(
      discord.fake.chatInputInteraction({
        options: [{ name: 'query', type: 3, value: 'suggest https://clusters.example.org/pods' }],
      }),
    );

    const data = messageData(callback);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds![0]!.title).toBe('Already in the catalog');
    expect(data.embeds![0]!.description).toContain(
      'Already listed under Kubernetes: Cluster basics, part 1: Pods.',
    );
    expect(await store.analytics.suggestions()).toEqual([]);
  });
});

describe('the suggestions metric', () => {
  it('counts suggestions by platform and outcome', async () => {
    store = openSqliteStore(makeDataDir());
    const metrics = new BotMetrics();
    const command = await suggestCommand(store, {
      onSuggestion: (outcome, platform) => metrics.suggested(outcome, platform),
    });
    const context = { platform: 'slack' as const, channelId: 'C1', userId: 'U1' };

    await command.run('https://helm.sh/docs/', context);
    await command.run('https://helm.sh/docs/', context);
    await command.run('https://clusters.example.org/pods', context);
    await command.run('not a link', context);

    const text = await metrics.registry.metrics();
    for (const outcome of ['new', 'repeat', 'listed', 'invalid']) {
      expect(text).toContain(
        `devops_bot_suggestions_total{platform="slack",outcome="${outcome}"} 1`,
      );
    }
  });
});

describe('devops-bot suggestions', () => {
  async function seeded(): Promise<string> {
    const dataDir = makeDataDir();
    const seededStore = openSqliteStore(dataDir);
    const add = (id: string, url: string, note?: string) =>
      seededStore.analytics.addSuggestion({
        id,
        url,
        ...(note ? { note } : {}),
        suggestedBy: 'hash-a',
        at: ANALYTICS_START,
      });
    await add('s1', 'https://charts.example.org/helm-chart-testing', 'testing helm charts');
    await add('s1', 'https://charts.example.org/helm-chart-testing');
    await add(
      's2',
      'https://blog.example.org/k8s-cronjob-timezones',
      'kubernetes cronjobs and time zones',
    );
    await add('s3', 'https://www.youtube.com/watch?v=abc123', 'quantum flux capacitors');
    await seededStore.close();
    return dataDir;
  }

  const cli = (dataDir: string, ...args: string[]) =>
    runCliInProcess(['suggestions', ...args], { env: baseEnv({ DATA_DIR: dataDir }) });

  it('lists them most often suggested first, with their ids', async () => {
    const { code, stdout } = await cli(await seeded());

    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      '3 suggestions, most often suggested first (dismiss one with --dismiss ID):',
    );
    expect(lines[1]).toMatch(/^ {2}s1 {2}2× {2}https:\/\/charts\.example\.org\/helm-chart-testing/);
  });

  it('drafts content lines under the topic each link most likely belongs to', async () => {
    const { code, stdout } = await cli(await seeded(), '--markdown', '--content', FIXTURE_CATALOG);

    expect(code).toBe(0);
    const helm = stdout.indexOf('### Helm\n');
    const helmLine = stdout.indexOf(
      '- [Helm chart testing](https://charts.example.org/helm-chart-testing) — Testing helm charts. (article)',
    );
    expect(helm).toBeGreaterThan(-1);
    expect(helmLine).toBeGreaterThan(helm);
    expect(stdout).toContain('<!-- Guessed topic: Platform › Kubernetes › Helm.');
    expect(stdout).toMatch(
      /## Kubernetes\n\n- \[K8s cronjob timezones\]\(https:\/\/blog\.example\.org\/k8s-cronjob-timezones\) — Kubernetes cronjobs and time zones\. \(article\)/,
    );
    expect(stdout).toContain(
      '(https://www.youtube.com/watch?v=abc123) — Quantum flux capacitors. (video)',
    );
  });

  it('dismisses one by id, and says so when there is none with that id', async () => {
    const dataDir = await seeded();

    const dismissed = await cli(dataDir, '--dismiss', 's2');
    const again = await cli(dataDir, '--dismiss', 's2');
    const left = await cli(dataDir, '--json');

    expect(dismissed).toMatchObject({ code: 0 });
    expect(dismissed.stdout).toContain(
      'Dismissed s2: https://blog.example.org/k8s-cronjob-timezones',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('there is no suggestion "s2"');
    const ids = (JSON.parse(left.stdout) as { suggestions: { id: string }[] }).suggestions.map(
      (suggestion) => suggestion.id,
    );
    expect(ids).toEqual(['s1', 's3']);
  });

  it('refuses --json with --markdown', async () => {
    const { code, stderr } = await cli(makeDataDir(), '--json', '--markdown');

    expect(code).toBe(2);
    expect(stderr).toContain('choose one of --json and --markdown');
  });
});
