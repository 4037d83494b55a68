import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/processes.js';

interface Manifest {
  features: { slash_commands: { command: string }[]; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

describe('the Slack app manifest', () => {
  it('declares the slash command, bot scopes, events, interactivity and Socket Mode the adapter uses', async () => {
    const text = await readFile(path.join(ROOT, 'adapters/slack/manifest.yml'), 'utf8');
    const manifest = parse(text) as Manifest;

    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(['/devops']);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read'].sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_mention',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
