import { describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../fakes/fake-discord.js';
import { baseEnv, BOT, CLI, freePort, runNode, startBotProcess } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';

describe('how the bot process ends on a platform fault', () => {
  it('exits with code 2 and one line saying what to do when the Discord token is revoked mid-run', async () => {
    const fake = await startFakeDiscord();
    try {
      const bot = await startBotProcess(
        baseEnv({
          DISCORD_TOKEN: fake.token,
          DISCORD_APP_ID: fake.appId,
          DISCORD_API_URL: fake.apiUrl,
          DATA_DIR: makeDataDir(),
        }),
      );
      fake.revokeToken();
      expect(await bot.exited).toBe(2);
      const fatal = bot
        .output()
        .split('\n')
        .filter((line) => line.includes('"level":60'));
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toContain('Discord rejected DISCORD_TOKEN (gateway close 4004)');
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      await fake.close();
    }
  });

  it('names Discord out of reach with exit code 1, in npm start and discord-register', async () => {
    const port = await freePort();
    const env = baseEnv({
      DISCORD_TOKEN: 'test-token',
      DISCORD_APP_ID: '100000000000000001',
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      DATA_DIR: makeDataDir(),
    });
    for (const [entry, args] of [
      [BOT, []],
      [CLI, ['discord-register']],
    ] as const) {
      const result = await runNode(entry, [...args], { env });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr.trim()).toMatch(
        new RegExp(`^devops-bot: cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
      );
      expect(result.stderr).not.toContain('    at ');
    }
  });
});
