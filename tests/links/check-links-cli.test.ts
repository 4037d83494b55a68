import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContentDir } from '../support/content.js';
import { baseEnv } from '../support/processes.js';
import { runCliInProcess } from '../support/cli.js';
import { makeDataDir } from '../support/weekly.js';

describe('devops-bot check-links', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) =>
      response.writeHead(request.url === '/alive' ? 200 : 404).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('writes a report that marks dead links, exits 1, and lets catalog flag them', async () => {
    const content = await makeContentDir({
      'links.md': `# Links\n\nTwo pages.\n\n- [Alive](${base}/alive) — A page that answers. (article)\n- [Dead](${base}/dead) — A page that is gone. (article)\n`,
    });
    const dataDir = makeDataDir();
    const env = baseEnv({ CONTENT_DIR: content, DATA_DIR: dataDir });
    const checked = await runCliInProcess(['check-links', '--timeout', '2000'], { env });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('2 links: 1 ok, 1 dead, 0 unknown');
    const report = JSON.parse(readFileSync(path.join(dataDir, 'link-report.json'), 'utf8'));
    expect(report.results.map((result: { status: string }) => result.status).sort()).toEqual([
      'dead',
      'ok',
    ]);
    const catalog = await runCliInProcess(['catalog'], { env });
    expect(catalog.stdout).toMatch(/^Dead \[Article\] \[DEAD LINK\]$/m);
    expect(catalog.stdout).toMatch(/^Alive \[Article\]$/m);
  });
});
