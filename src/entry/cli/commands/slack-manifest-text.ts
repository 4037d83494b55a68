import { parseDocument } from 'yaml';

/**
 * The Slack app manifest as YAML text: as shipped (Socket Mode) when `httpUrl` is undefined, or
 * switched to HTTP mode with every request URL pointed at `httpUrl/slack/events`.
 */
export function manifestText(shipped: string, httpUrl: string | undefined): string {
  const manifest = parseDocument(shipped);
  if (httpUrl !== undefined) {
    const endpoint = `${httpUrl}/slack/events`;
    manifest.setIn(['settings', 'socket_mode_enabled'], false);
    manifest.setIn(['settings', 'event_subscriptions', 'request_url'], endpoint);
    manifest.setIn(['settings', 'interactivity', 'request_url'], endpoint);
    const commands = manifest.getIn(['features', 'slash_commands']) as { items: unknown[] };
    commands.items.forEach((_, index) =>
      manifest.setIn(['features', 'slash_commands', index, 'url'], endpoint),
    );
  }
  return manifest.toString();
}
