import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError } from '../../../errors/startup-error.js';
import { UsageError, type CliCommand } from '../cli-command.js';

const MANIFEST = path.join('adapters', 'slack', 'manifest.yml');

/**
 * `devops-bot slack-manifest [--mode socket|http] [--url URL]`: the Slack app manifest to paste at
 * api.slack.com/apps, for Socket Mode as shipped or for HTTP mode pointed at the bot's public URL.
 */
export const slackManifestCommand: CliCommand = {
  name: 'slack-manifest',
  usage: 'slack-manifest [--mode socket|http] [--url https://HOST]',
  summary:
    'Print the Slack app manifest: for Socket Mode (the default), or for HTTP mode with the public URL Slack sends requests to.',
  options: { mode: { type: 'string' }, url: { type: 'string' } },
  async run(args, io) {
    const mode = args.values.mode ?? 'socket';
    const url = typeof args.values.url === 'string' ? args.values.url.replace(/\/+$/, '') : '';
    if (mode !== 'socket' && mode !== 'http') {
      throw new UsageError(`--mode takes socket or http, not "${String(mode)}"`);
    }
    if (mode === 'socket' && url) {
      throw new UsageError('--url is for --mode http; Socket Mode needs no public URL');
    }
    if (mode === 'http' && !/^https:\/\/[^\s/]+/.test(url)) {
      throw new UsageError(
        '--mode http needs --url with the https:// address where the bot is reachable; Slack will send requests to URL/slack/events',
      );
    }
    // Loaded on use, as the YAML parser is a large part of the CLI. Through a module of ours that
    // imports it statically: a bundled dynamic import of the CommonJS package has no named exports.
    const { manifestText } = await import('./slack-manifest-text.js');
    io.stdout.write(
      manifestText(await readFile(findManifest(), 'utf8'), mode === 'http' ? url : undefined),
    );
    return 0;
  },
};

/** The manifest file, found from this module up to the folder that holds `adapters/`. */
function findManifest(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, MANIFEST);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) {
      throw new StartupError(
        `${MANIFEST} is not in this installation; print it from a checkout of devops-bot.`,
        'SLACK_MANIFEST_MISSING',
      );
    }
  }
}
