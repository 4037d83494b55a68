import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { ChannelCommand } from '../../src/platform/chat-command.js';
import { APOLOGY, ASK_AGAIN } from '../../src/platform/failure-notices.js';
import { loadFiles } from '../support/content.js';
import {
  EPHEMERAL,
  embedTotal,
  messageData,
  harnessPerTest,
  slowCommand,
} from './discord-harness.js';

const startHarness = harnessPerTest();

function query(value: string) {
  return { options: [{ name: 'query', type: 3 as const, value }] };
}

/** A catalog whose one topic has long, Markdown-laden resources: more than one embed could hold. */
async function engineWithLongResources() {
  const bullets = Array.from({ length: 7 }, (_, index) => {
    const title = `Guide ${index + 1}: ${'a very long *title* '.repeat(12)}`;
    const url = `https://guides.example.org/${index + 1}/${'path/'.repeat(50)}`;
    return `- [${title}](${url}) — ${'A long description with _markdown_ in it. '.repeat(30)} (article)`;
  });
  const summary = 'A summary that goes on and on. '.repeat(60);
  const { catalog } = await loadFiles({
    'guides.md': `# Guides\n\n${summary}\n\n${bullets.join('\n')}\n`,
  });
  return createEngine(catalog);
}

describe('the /devops command on Discord', () => {
  it('answers /devops query:docker publicly with an embed of Docker resources within 3 s', async () => {
    const harness = await startHarness();
    const { callback, elapsedMs } = await harness.interact(
      harness.fake.chatInputInteraction(query('docker')),
    );

    expect(elapsedMs).toBeLessThan(3000);
    expect((callback.body as { type: number }).type).toBe(4);
    const data = messageData(callback);
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toMatchObject({ parse: [] });
    const [embed] = data.embeds!;
    expect(embed).toMatchObject({ title: 'Docker', author: { name: 'Platform › Docker' } });
    expect(embed!.description).toMatch(
      /\*\*1\.\*\* \[Container images, part 1[^\]]*\]\(https:\/\//,
    );
    expect(embed!.description).toContain(
      '_Article · Container images, part 1 · Platform › Docker_',
    );
    expect(embed!.footer?.text).toBe('Page 1 of 2 · 7 resources');
    expect(data.components?.[0]?.components[0]).toMatchObject({ label: 'More' });
  });

  it('edits the message with the next page when More is clicked', async () => {
    const harness = await startHarness();
    const { fake } = harness;
    const { callback } = await harness.interact(fake.chatInputInteraction(query('docker')));
    const more = messageData(callback).components![0]!.components[0]!;

    const click = fake.buttonInteraction({ customId: more.custom_id! });
    const { callback: update, elapsedMs } = await harness.interact(click);

    expect(elapsedMs).toBeLessThan(3000);
    expect((update.body as { type: number }).type).toBe(7);
    const [embed] = messageData(update).embeds!;
    expect(embed!.footer?.text).toBe('Page 2 of 2 · 7 resources');
    expect(embed!.description).toMatch(/^\*\*6\.\*\* /m);
    expect(messageData(update).components).toEqual([]);
  });

  it('says which topic a misspelt query was read as', async () => {
    const harness = await startHarness();
    const { callback } = await harness.interact(
      harness.fake.chatInputInteraction(query('kuberntes')),
    );
    const embed = messageData(callback).embeds![0]!;
    expect(embed.description).toContain('Showing Kubernetes for “kuberntes”.');
  });

  it('answers a miss privately, with the closest topics as buttons that ask for them', async () => {
    const harness = await startHarness();
    const { fake } = harness;
    const { callback } = await harness.interact(
      fake.chatInputInteraction(query('kafka @everyone')),
    );
    const miss = messageData(callback);
    expect(miss.flags).toBe(EPHEMERAL);
    expect(miss.embeds![0]).toMatchObject({ title: 'No match' });
    // A zero-width space after the @ keeps the echoed query from reading as a channel-wide mention.
    expect(miss.embeds![0]!.description).toContain('**kafka @\u200beveryone**');
    const buttons = miss.components![0]!.components;
    expect(buttons.map((button) => button.label)).toEqual([
      'Docker',
      'Kubernetes',
      'Experiment Tracking',
    ]);
    const topic = buttons[0]!;

    const { callback: asked } = await harness.interact(
      fake.buttonInteraction({ customId: topic.custom_id! }),
    );
    expect((asked.body as { type: number }).type).toBe(4);
    expect(messageData(asked).embeds![0]!.title).toBe('Docker');
  });

  it('escapes Markdown in the query it echoes', async () => {
    const harness = await startHarness();
    const { callback } = await harness.interact(
      harness.fake.chatInputInteraction(query('**zzqx** [x](https://evil.example) `y`')),
    );
    const description = messageData(callback).embeds![0]!.description!;
    expect(description).toContain('\\*\\*zzqx\\*\\*');
    expect(description).not.toContain('[x](https://evil.example)');
    expect(description).toContain('\\`y\\`');
  });

  it('keeps a long answer within every embed limit and pages the rest', async () => {
    const harness = await startHarness({ engine: await engineWithLongResources() });
    const { callback } = await harness.interact(harness.fake.chatInputInteraction(query('guides')));

    expect(callback.status).toBe(204);
    const [embed] = messageData(callback).embeds!;
    expect(embedTotal(embed!)).toBeLessThanOrEqual(6000);
    expect([...embed!.description!].length).toBeLessThanOrEqual(4096);
    expect([...embed!.title!].length).toBeLessThanOrEqual(256);
    expect(embed!.description!.match(/^\*\*\d\.\*\* \[/gm)).toHaveLength(5);
    expect(embed!.footer?.text).toBe('Page 1 of 2 · 7 resources');
  });

  it('answers privately when DISCORD_EPHEMERAL is set, and help for an empty query', async () => {
    const harness = await startHarness({ ephemeral: true });
    const { callback } = await harness.interact(harness.fake.chatInputInteraction());
    expect(messageData(callback).flags).toBe(EPHEMERAL);
    expect(messageData(callback).embeds![0]!.fields!.map((field) => field.name)).toContain(
      'topics',
    );
  });

  it('defers a slow answer within 3 s, then edits in the answer', async () => {
    const slow = slowCommand();
    const harness = await startHarness({ channelCommands: [slow.command], deferAfterMs: 50 });
    const { callback, elapsedMs } = await harness.interact(
      harness.fake.chatInputInteraction(query('slow')),
    );

    expect(elapsedMs).toBeLessThan(3000);
    expect((callback.body as { type: number }).type).toBe(5);
    slow.finish();
    const edit = await harness.fake.waitForRequest(
      'PATCH',
      /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
    );
    expect(messageData(edit).embeds![0]!.title).toBe('Done');
  });

  it('keeps the More button of a long query within 100 characters', async () => {
    const harness = await startHarness();
    const { fake } = harness;
    const { callback } = await harness.interact(
      fake.chatInputInteraction(query('docker '.repeat(17).trim())),
    );
    const more = messageData(callback).components![0]!.components[0]!;
    expect(more.custom_id!.length).toBeLessThanOrEqual(100);

    const { callback: update } = await harness.interact(
      fake.buttonInteraction({ customId: more.custom_id! }),
    );
    expect(messageData(update).embeds![0]!.footer?.text).toMatch(/^Page 2 of \d+ · \d+ resources$/);
  });

  it('finishes an answer in flight when it stops, and then takes no more work', async () => {
    const slow = slowCommand();
    const harness = await startHarness({ channelCommands: [slow.command] });
    const { fake, adapter } = harness;
    const command = fake.chatInputInteraction(query('slow'));
    fake.dispatch('INTERACTION_CREATE', command);
    await slow.running;

    const stopped = adapter.stop();
    expect(adapter.isReady()).toBe(false);
    slow.finish();
    await stopped;

    expect(fake.interactionCallbacks).toEqual([
      expect.objectContaining({
        type: 4,
        data: expect.objectContaining({ embeds: [expect.objectContaining({ title: 'Done' })] }),
      }),
    ]);
  });

  it('answers a failing command privately with a short apology and logs the error', async () => {
    const broken: ChannelCommand = {
      name: 'broken',
      aliases: [],
      needs: 'channel',
      calledBy: 'first word',
      usage: 'broken',
      summary: 'Always fails.',
      examples: ['broken'],
      run: () => Promise.reject(new Error('the store is on fire')),
    };
    const harness = await startHarness({ channelCommands: [broken] });
    const { callback } = await harness.interact(harness.fake.chatInputInteraction(query('broken')));

    expect((callback.body as { type: number }).type).toBe(4);
    expect(messageData(callback).flags).toBe(EPHEMERAL);
    expect(messageData(callback).embeds![0]).toMatchObject({
      title: APOLOGY.title,
      description: APOLOGY.lines.join('\n'),
    });
    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        msg: 'discord interaction failed',
        err: expect.objectContaining({ message: 'the store is on fire' }),
      }),
    );
  });

  it('reads the custom ids of buttons already posted in channels by the previous version', async () => {
    const harness = await startHarness();
    const { callback: page } = await harness.interact(
      harness.fake.buttonInteraction({ customId: 'more:2:=docker' }),
    );
    expect(messageData(page).embeds![0]!.footer?.text).toBe('Page 2 of 2 · 7 resources');

    const { callback: topic } = await harness.interact(
      harness.fake.buttonInteraction({ customId: 'ask:1:=Kubernetes' }),
    );
    expect(messageData(topic).embeds![0]!.title).toBe('Kubernetes');
  });

  it('tells the clicker privately to ask again for a custom id it cannot read', async () => {
    const harness = await startHarness();
    for (const customId of ['more:two:=docker', 'page:2:=docker']) {
      const { callback } = await harness.interact(harness.fake.buttonInteraction({ customId }));
      expect(messageData(callback).flags).toBe(EPHEMERAL);
      expect(messageData(callback).embeds![0]!.title).toBe(ASK_AGAIN.title);
    }
  });

  it('tells the clicker privately when a button has expired', async () => {
    const harness = await startHarness();
    const { callback } = await harness.interact(
      harness.fake.buttonInteraction({ customId: 'more:2:#zz' }),
    );
    expect(messageData(callback).flags).toBe(EPHEMERAL);
    expect(messageData(callback).embeds![0]!.title).toBe('This button has expired');
  });
});
