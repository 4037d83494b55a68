import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { baseEnv } from '../support/processes.js';
import { runCliInProcess } from '../support/cli.js';
import { GUILD_ID } from './discord-harness.js';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function register(args: string[], env: Record<string, string>) {
  return runCliInProcess(['discord-register', ...args], { env: baseEnv(env) });
}

function discordEnv(discord: FakeDiscord, token = discord.token) {
  return { DISCORD_TOKEN: token, DISCORD_APP_ID: discord.appId, DISCORD_API_URL: discord.apiUrl };
}

describe('devops-bot discord-register', () => {
  it('registers /devops in one server with --guild, with an autocompleted query usable in DMs', async () => {
    fake = await startFakeDiscord();
    const { code, stdout } = await register(['--guild', GUILD_ID], discordEnv(fake));

    expect(code).toBe(0);
    expect(stdout).toBe(`Registered /devops in server ${GUILD_ID}; it is available there now.\n`);
    expect(fake.registeredCommands()).toEqual([]);
    expect(fake.registeredCommands(GUILD_ID)).toEqual([
      expect.objectContaining({
        name: 'devops',
        contexts: [0, 1],
        options: [
          expect.objectContaining({
            name: 'query',
            type: 3,
            required: false,
            autocomplete: true,
            max_length: 500,
          }),
        ],
      }),
    ]);
  });

  it('registers /devops globally without --guild and says it takes up to an hour', async () => {
    fake = await startFakeDiscord();
    const { code, stdout } = await register([], discordEnv(fake));

    expect(code).toBe(0);
    expect(stdout).toContain('globally; it can take up to an hour');
    expect(fake.registeredCommands().map((command) => command.name)).toEqual(['devops']);
  });

  it('exits with code 2 and a clear message when Discord is not configured or refuses the token', async () => {
    fake = await startFakeDiscord();
    const unconfigured = await register([], {});
    const rejected = await register(['--guild', GUILD_ID], discordEnv(fake, 'not-the-token'));

    expect(unconfigured.code).toBe(2);
    expect(unconfigured.stderr).toMatch(
      /^devops-bot: Discord is not configured: set DISCORD_TOKEN/,
    );
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toMatch(/^devops-bot: Discord rejected DISCORD_TOKEN\. /);
  });
});

describe('devops-bot discord-register --remove, and /devops registered twice', () => {
  it('warns when a server registration meets a global one, and --remove takes either away', async () => {
    fake = await startFakeDiscord();
    const env = discordEnv(fake);
    expect((await register([], env)).stderr).toBe('');
    const inServer = await register(['--guild', GUILD_ID], env);
    expect(inServer.code).toBe(0);
    expect(inServer.stderr).toContain(
      `warning: /devops is also registered globally, so server ${GUILD_ID} shows it twice`,
    );
    expect(inServer.stderr).toContain(
      '"devops-bot discord-register --remove" removes the global one',
    );

    const global = await register([], env);
    expect(global.stderr).toContain(`/devops is also registered in server ${GUILD_ID}`);
    expect(global.stderr).toContain(`"devops-bot discord-register --remove --guild ${GUILD_ID}"`);

    const removed = await register(['--remove'], env);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Removed /devops globally');
    expect(fake.registeredCommands()).toEqual([]);
    expect(fake.registeredCommands(GUILD_ID)).toHaveLength(1);

    const removedHere = await register(['--remove', '--guild', GUILD_ID], env);
    expect(removedHere.stdout).toBe(`Removed /devops from server ${GUILD_ID}.\n`);
    expect(fake.registeredCommands(GUILD_ID)).toEqual([]);
    const again = await register(['--remove', '--guild', GUILD_ID], env);
    expect(again.stdout).toBe(
      `/devops was not registered in server ${GUILD_ID}; nothing to remove.\n`,
    );
  });
});
