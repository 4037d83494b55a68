import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderText } from '../../adapters/console/render-text.js';
import { httpUrl, optionalText } from '../../src/config-fields.js';
import type { PlatformAdapter } from '../../src/platform/adapter.js';
import type {
  AdapterDependencies,
  PlatformDescriptor,
} from '../../src/platform/platform-descriptor.js';
import type { WeeklyPost, WeeklyPoster, WeeklySlot } from '../../src/platform/weekly-post.js';

/** Relay settings: where the platform is and the bot's token there. */
export interface RelaySettings {
  url: string;
  token: string;
}

/**
 * The descriptor of Relay (see `tests/fakes/fake-relay.ts`), declared here as a new platform's
 * `adapters/relay/platform.ts` would be: nothing in the core or in the other adapters knows it.
 */
export const relayPlatform: PlatformDescriptor<RelaySettings> = {
  name: 'relay',
  variables: { RELAY_URL: httpUrl, RELAY_TOKEN: optionalText },
  settings(values, problems) {
    const { RELAY_URL: url, RELAY_TOKEN: token } = values as {
      RELAY_URL?: string;
      RELAY_TOKEN?: string;
    };
    if (!url && !token) return undefined;
    if (!url)
      problems.push({
        variable: 'RELAY_URL',
        message: 'is missing; RELAY_TOKEN is set without it',
      });
    if (!token)
      problems.push({
        variable: 'RELAY_TOKEN',
        message: 'is missing; RELAY_URL is set without it',
      });
    return url && token ? { url, token } : undefined;
  },
  channelId: {
    check: (channelId) => /^room-\d+$/.test(channelId),
    example: 'room-42',
    description: '"room-" then digits',
  },
  ownsHttpPort: () => "Relay's webhook",
  secretSettings: ['token'],
  createAdapter: async (settings, dependencies) => new RelayAdapter(settings, dependencies),
};

/** Relay's adapter: its webhook forwards each message to the router and posts the rendered answer. */
class RelayAdapter implements PlatformAdapter, WeeklyPoster {
  readonly name = 'relay';
  readonly platform = 'relay';
  private server: Server | undefined;

  constructor(
    private readonly settings: RelaySettings,
    private readonly dependencies: AdapterDependencies,
  ) {}

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      void this.receive(request).then(
        () => response.writeHead(200).end(),
        () => response.writeHead(500).end(),
      );
    });
    const { port, host } = this.dependencies.http;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.server = server;
    const address = server.address() as AddressInfo;
    await this.call('POST', '/webhooks', { url: `http://${host}:${address.port}/` });
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
    this.server = undefined;
  }

  isReady(): boolean {
    return this.server !== undefined;
  }

  async postWeekly(channelId: string, post: WeeklyPost): Promise<string> {
    const text = `Resource of the week: ${post.resource.title} ${post.resource.url}`;
    const body = { channel: channelId, text, marker: post.slotKey };
    return ((await this.call('POST', '/messages', body)) as { id: string }).id;
  }

  async findWeekly(channelId: string, slot: WeeklySlot): Promise<string | undefined> {
    const messages = (await this.call('GET', `/messages?channel=${channelId}`)) as {
      id: string;
      marker?: string;
    }[];
    return messages.find((message) => message.marker === slot.slotKey)?.id;
  }

  private async receive(request: IncomingMessage): Promise<void> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const message = JSON.parse(text) as { channel: string; user: string; text: string };
    const answer = await this.dependencies.router.answer(message.text, {
      platform: this.name,
      channelId: message.channel,
      userId: message.user,
      canManageChannel: async () => true,
    });
    await this.call('POST', '/messages', { channel: message.channel, text: renderText(answer) });
  }

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(route, this.settings.url), {
      method,
      headers: {
        authorization: `Bearer ${this.settings.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`Relay answered ${response.status} to ${method} ${route}`);
    return response.json();
  }
}
