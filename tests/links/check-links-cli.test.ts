import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContentDir } from '../support/content.js';
import { baseEnv, freePort } from '../support/processes.js';
import { runCliInProcess } from '../support/cli.js';
import { linkSitePerFile } from '../support/link-site.js';
import { makeDataDir } from '../support/weekly.js';

function linksPage(alive: string, dead: string): string {
  return `# Links\n\nTwo pages.\n\n- [Alive](${alive}) — A page that answers. (article)\n- [Dead](${dead}) — A page that is gone. (article)\n`;
}

function readReport(dataDir: string) {
  return JSON.parse(readFileSync(path.join(dataDir, 'link-report.json'), 'utf8'));
}

describe('devops-bot check-links', () => {
  const site = linkSitePerFile();

  async function setUp() {
    const content = await makeContentDir({
      'links.md': linksPage(`${site()}/alive`, `${site()}/dead`),
    });
    const dataDir = makeDataDir();
    return { dataDir, env: baseEnv({ CONTENT_DIR: content, DATA_DIR: dataDir }) };
  }

  it('records a first failure as failing, not dead, and exits 0', async () => {
    const { dataDir, env } = await setUp();
    const checked = await runCliInProcess(['check-links', '--timeout', '2000'], { env });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('2 links: 1 ok, 0 dead, 1 failing, 0 unknown');
    expect(checked.stdout).toMatch(/^failing \(1 run\) +404 +http:\/\/127\.0\.0\.1:\d+\/dead$/m);
    const dead = readReport(dataDir).links.find((link: { url: string }) =>
      link.url.endsWith('/dead'),
    );
    expect(dead).toMatchObject({ status: 'failing', consecutiveFailures: 1, httpStatus: 404 });
    expect((await runCliInProcess(['catalog'], { env })).stdout).not.toContain('[DEAD LINK]');
  });

  it('calls a link dead when it failed a day before too, exits 1, and lets catalog flag it', async () => {
    const { dataDir, env } = await setUp();
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    writeFileSync(
      path.join(dataDir, 'link-report.json'),
      JSON.stringify({
        checkedAt: twoDaysAgo,
        links: [
          {
            url: `${site()}/dead`,
            status: 'failing',
            lastChecked: twoDaysAgo,
            lastFailure: twoDaysAgo,
            failingSince: twoDaysAgo,
            consecutiveFailures: 1,
          },
          {
            url: `${site()}/alive`,
            status: 'dead',
            lastChecked: twoDaysAgo,
            failingSince: twoDaysAgo,
            consecutiveFailures: 3,
          },
        ],
      }),
    );
    const checked = await runCliInProcess(['check-links', '--timeout', '2000'], { env });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('2 links: 1 ok, 1 dead, 0 failing, 0 unknown');
    const catalog = await runCliInProcess(['catalog'], { env });
    expect(catalog.stdout).toMatch(/^Dead \[Article\] \[DEAD LINK\]$/m);
    expect(catalog.stdout).toMatch(/^Alive \[Article\]$/m);
  });

  it('says the network cannot be reached, exits 3 and keeps the previous report', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const content = await makeContentDir({
      'links.md': linksPage(`${closed}/alive`, `${closed}/dead`),
    });
    const dataDir = makeDataDir();
    const previous = JSON.stringify({ checkedAt: '2026-11-30T08:00:00.000Z', links: [] });
    writeFileSync(path.join(dataDir, 'link-report.json'), previous);
    const checked = await runCliInProcess(['check-links', '--timeout', '2000'], {
      env: baseEnv({ CONTENT_DIR: content, DATA_DIR: dataDir }),
    });
    expect(checked.code).toBe(3);
    expect(checked.stderr).toContain('could not reach any of the 2 links (ECONNREFUSED)');
    expect(checked.stderr).toContain('The previous link report is kept');
    expect(readFileSync(path.join(dataDir, 'link-report.json'), 'utf8')).toBe(previous);
  });
});
