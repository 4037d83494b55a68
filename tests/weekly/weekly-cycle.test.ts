import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import type { Catalog } from '../../src/content/types.js';
import { FIXTURE_CATALOG, loadFiles } from '../support/content.js';
import { FakeClock } from '../support/fake-clock.js';
import { makeDataDir, makeWeeklyService, subscribeMondays } from '../support/weekly.js';
import type { WeeklyService } from '../../src/weekly/weekly-service.js';

const CHANNEL = 'slack:C0123';
const running: WeeklyService[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

async function catalogOf(urls: string[]): Promise<Catalog> {
  const bullets = urls.map(
    (url, index) => `- [Page ${index}](${url}) — Page number ${index}. (article)`,
  );
  return (await loadFiles({ 'a.md': `# Topic\n\nSummary.\n\n${bullets.join('\n')}\n` })).catalog;
}

describe('the resource of the week over a year', () => {
  it('posts every week with no repeat until the whole catalog has been posted once', async () => {
    const { catalog } = await loadContent(FIXTURE_CATALOG);
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const { service, store, posters } = makeWeeklyService({
      dataDir: makeDataDir(),
      clock,
      catalog: () => catalog,
    });
    running.push(service);
    await subscribeMondays(store, CHANNEL);
    await service.start();
    await clock.advanceTo('2027-03-01T00:00:00Z');
    const ids = posters[0]!.posts.map((entry) => entry.post.resource.id);
    expect(ids.length).toBe(60);
    const size = catalog.resources.length;
    for (let start = 0; start < ids.length; start += size) {
      const cycle = ids.slice(start, start + size);
      expect(new Set(cycle).size, `posts ${start + 1}-${start + cycle.length}`).toBe(cycle.length);
    }
    expect(posters[0]!.posts.every((entry) => entry.channelId === 'C0123')).toBe(true);
  });

  it('previews the same picks it later posts, without recording anything', async () => {
    const { catalog } = await loadContent(FIXTURE_CATALOG);
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const { service, store, posters } = makeWeeklyService({
      dataDir: makeDataDir(),
      clock,
      catalog: () => catalog,
    });
    running.push(service);
    await subscribeMondays(store, CHANNEL);
    const preview = await service.preview(CHANNEL, 80);
    const size = catalog.resources.length;
    expect(new Set(preview.slice(0, size).map((pick) => pick.resource.id)).size).toBe(size);
    expect((await store.cycleState(CHANNEL)).used.size).toBe(0);
    await service.start();
    await clock.advanceTo('2026-03-01T00:00:00Z');
    expect(posters[0]!.posts.map((entry) => entry.post.resource.id)).toEqual(
      preview.slice(0, posters[0]!.posts.length).map((pick) => pick.resource.id),
    );
  });

  it('keeps the cycle across a content edit: removed resources are skipped, new ones join', async () => {
    const urls = Array.from({ length: 6 }, (_, index) => `https://pages.example.org/${index}`);
    let catalog = await catalogOf(urls);
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const { service, store, posters } = makeWeeklyService({
      dataDir: makeDataDir(),
      clock,
      catalog: () => catalog,
    });
    running.push(service);
    await subscribeMondays(store, CHANNEL);
    await service.start();
    await clock.advanceTo('2026-01-20T00:00:00Z');
    const before = posters[0]!.posts.map((entry) => entry.post.resource.url);
    expect(before).toHaveLength(3);
    const unposted = urls.filter((url) => !before.includes(url));
    const removed = unposted[0]!;
    catalog = await catalogOf([
      ...urls.filter((url) => url !== removed),
      'https://pages.example.org/new',
    ]);
    await clock.advanceTo('2026-02-10T00:00:00Z');
    const after = posters[0]!.posts.map((entry) => entry.post.resource.url).slice(3);
    expect(after).toHaveLength(3);
    expect(after).not.toContain(removed);
    expect(after).toContain('https://pages.example.org/new');
    expect(new Set([...before, ...after]).size).toBe(6);
  });

  it('never posts a resource whose link was found dead', async () => {
    const urls = Array.from({ length: 4 }, (_, index) => `https://pages.example.org/${index}`);
    const catalog = await catalogOf(urls);
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const dead = new Set([urls[1]!, urls[2]!]);
    const { service, store, posters } = makeWeeklyService({
      dataDir: makeDataDir(),
      clock,
      catalog: () => catalog,
      extra: { deadLinks: () => dead },
    });
    running.push(service);
    await subscribeMondays(store, CHANNEL);
    await service.start();
    await clock.advanceTo('2026-02-01T00:00:00Z');
    const posted = posters[0]!.posts.map((entry) => entry.post.resource.url);
    expect(posted.length).toBe(4);
    expect(posted.some((url) => dead.has(url))).toBe(false);
  });
});
