import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { runCliInProcess } from '../support/cli.js';
import { fixtureEngine } from '../support/content.js';
import { baseEnv } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('devops-bot weekly', () => {
  it('previews as many weeks as asked with no repeat before the whole catalog has been picked', async () => {
    const env = baseEnv({ DATA_DIR: makeDataDir(), WEEKLY_TZ: 'Europe/Paris' });
    const { code, stdout } = await runCliInProcess(
      ['weekly', 'preview', '--channel', 'slack:C0123', '--weeks', '80', '--json'],
      { env },
    );
    expect(code).toBe(0);
    const preview = JSON.parse(stdout);
    expect(preview).toMatchObject({
      channel: 'slack:C0123',
      cron: '0 9 * * 1',
      timezone: 'Europe/Paris',
    });
    expect(preview.picks).toHaveLength(80);
    const size = (await fixtureEngine()).catalog.resources.length;
    const firstCycle = preview.picks.slice(0, size).map((pick: { id: string }) => pick.id);
    expect(new Set(firstCycle).size).toBe(size);
    const text = await runCliInProcess(
      ['weekly', 'preview', '--channel', 'slack:C0123', '--weeks', '2'],
      { env },
    );
    expect(text.stdout.split('\n').filter((line) => /^\w{3}, /.test(line))).toHaveLength(2);
  });

  it('posts the resource of the week now through Slack and records it', async () => {
    fake = await startFakeSlack();
    const env = baseEnv({
      DATA_DIR: makeDataDir(),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: fake.apiUrl,
    });
    const { code, stdout } = await runCliInProcess(['weekly', 'post', '--channel', 'slack:C0123'], {
      env,
    });
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/^posted: .+ → slack:C0123$/m);
    expect(fake.callsTo('chat.postMessage').map((call) => call.args.channel)).toEqual(['C0123']);
    const postedTitle = /^posted: (.+) → slack:C0123$/m.exec(stdout)![1];
    const rest = String((await fixtureEngine()).catalog.resources.length - 1);
    const again = await runCliInProcess(
      ['weekly', 'preview', '--channel', 'slack:C0123', '--weeks', rest, '--json'],
      { env },
    );
    const upcoming = JSON.parse(again.stdout).picks.map((pick: { title: string }) => pick.title);
    expect(upcoming).toHaveLength(Number(rest));
    expect(upcoming).not.toContain(postedTitle);
  });

  it('refuses a channel it cannot read or a platform that is not configured', async () => {
    const env = baseEnv({ DATA_DIR: makeDataDir() });
    expect(
      (await runCliInProcess(['weekly', 'preview', '--channel', 'teams:1'], { env })).code,
    ).toBe(2);
    expect((await runCliInProcess(['weekly', 'send', '--channel', 'slack:C1'], { env })).code).toBe(
      2,
    );
    const unconfigured = await runCliInProcess(
      ['weekly', 'post', '--channel', 'discord:123456789012345678'],
      {
        env,
      },
    );
    expect(unconfigured.code).toBe(2);
    expect(unconfigured.stderr).toContain('discord is not configured');
  });
});
