import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/processes.js';
import { runCliInProcess } from '../support/cli.js';

interface Manifest {
  features: {
    slash_commands: { command: string; url?: string }[];
    app_home: { messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
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
      [
        'app_mentions:read',
        'channels:history',
        'channels:read',
        'chat:write',
        'commands',
        'groups:history',
        'groups:read',
        'im:history',
        'users:read',
      ].sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_mention',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe('devops-bot slack-manifest', () => {
  it('prints the Socket Mode manifest by default', async () => {
    const { code, stdout } = await runCliInProcess(['slack-manifest']);
    expect(code).toBe(0);
    const manifest = parse(stdout) as Manifest;
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(stdout).not.toContain('request_url');
  });

  it('points every request at URL/slack/events for HTTP mode', async () => {
    const { code, stdout } = await runCliInProcess([
      'slack-manifest',
      '--mode',
      'http',
      '--url',
      'https://bot.example.org/',
    ]);
    expect(code).toBe(0);
    const manifest = parse(stdout) as Manifest;
    const endpoint = 'https://bot.example.org/slack/events';
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.request_url).toBe(endpoint);
    expect(manifest.settings.interactivity.request_url).toBe(endpoint);
    expect(manifest.features.slash_commands.map((command) => command.url)).toEqual([endpoint]);
    expect(manifest.oauth_config.scopes.bot).toContain('chat:write');
  });

  it('asks for the public https URL in HTTP mode, and refuses an unknown mode', async () => {
    const noUrl = await runCliInProcess(['slack-manifest', '--mode', 'http']);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('--mode http needs --url');
    const badMode = await runCliInProcess(['slack-manifest', '--mode', 'webhook']);
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain('--mode takes socket or http, not "webhook"');
  });
});
