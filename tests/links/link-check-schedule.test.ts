import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { scheduleLinkChecks } from '../../src/entry/app/link-check-schedule.js';
import { parseConfig as parseConfigWith } from '../../src/config.js';
import { PLATFORMS } from '../../adapters/platforms.js';
import { readLinkReport } from '../../src/links/link-report.js';
import type { LinkCheckOutcome } from '../../src/links/run-link-check.js';
import { loadFiles } from '../support/content.js';
import { linkSitePerFile } from '../support/link-site.js';
import { makeDataDir } from '../support/weekly.js';

const parseConfig = (env: NodeJS.ProcessEnv) => parseConfigWith(env, PLATFORMS);

describe('link checks on a schedule inside the bot', () => {
  const site = linkSitePerFile();

  it('is off unless CHECK_LINKS_CRON is set, and refuses a schedule that is not cron', () => {
    expect(parseConfig({}).checkLinks).toBeUndefined();
    expect(parseConfig({ CHECK_LINKS_CRON: '' }).checkLinks).toBeUndefined();
    expect(
      parseConfig({ CHECK_LINKS_CRON: '0 3 * * *', WEEKLY_TZ: 'Europe/Paris' }).checkLinks,
    ).toEqual({
      cron: '0 3 * * *',
      timezone: 'Europe/Paris',
    });
    expect(() => parseConfig({ CHECK_LINKS_CRON: 'nightly' })).toThrow(/CHECK_LINKS_CRON/);
  });

  it('checks the current catalog when due and merges the results into the report', async () => {
    const { catalog } = await loadFiles({
      'links.md': `# Links\n\nTwo pages.\n\n- [Alive](${site()}/alive) — A page that answers. (article)\n- [Gone](${site()}/gone) — A page that is gone. (article)\n`,
    });
    const dataDir = makeDataDir();
    let stop = () => {};
    const outcome = await new Promise<LinkCheckOutcome>((resolve) => {
      stop = scheduleLinkChecks({
        cron: '* * * * * *',
        timezone: 'UTC',
        dataDir,
        catalog: () => catalog,
        logger: pino({ level: 'silent' }),
        onChecked: resolve,
      });
    });
    stop();
    expect(outcome.kind).toBe('checked');
    const statuses = Object.fromEntries(
      readLinkReport(dataDir)!.links.map((link) => [new URL(link.url).pathname, link.status]),
    );
    expect(statuses).toEqual({ '/alive': 'ok', '/gone': 'failing' });
  });
});
