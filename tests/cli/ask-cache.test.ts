import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContentDir } from '../support/content.js';
import { baseEnv, CLI, runNode, scratchDir } from '../support/processes.js';

const GUIDES = `# Guides

Guides for the team.

- [Canary rollouts](https://guides.example.org/canary) — Shifting traffic to a new version step by step. (article)
`;

describe('the built CLI with the index cache', () => {
  it('keeps the index in DATA_DIR/cache and answers from the content as edited since', async () => {
    const content = await makeContentDir({ 'guides.md': GUIDES });
    const dataDir = scratchDir();
    const env = baseEnv({ CONTENT_DIR: content, DATA_DIR: dataDir });
    const first = await runNode(CLI, ['ask', '--json', 'canary'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(path.join(dataDir, 'cache/content-index.json'))).toBe(true);
    const cached = await runNode(CLI, ['ask', '--json', 'canary'], { env });
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(first.stdout));
    await appendFile(
      path.join(content, 'guides.md'),
      '- [Blue-green switches](https://guides.example.org/blue-green) — Two fleets and one switch. (article)\n',
    );
    const edited = await runNode(CLI, ['ask', '--json', 'blue-green'], { env });
    expect(edited.stdout).toContain('https://guides.example.org/blue-green');
  });

  it('reports content errors on every run, cached or not, and answers from what could be read', async () => {
    const content = await makeContentDir({
      'guides.md': GUIDES + '- [Broken](nope) — A link that is no address. (article)\n',
    });
    const env = baseEnv({ CONTENT_DIR: content, DATA_DIR: scratchDir() });
    for (let run = 0; run < 2; run++) {
      const { code, stdout, stderr } = await runNode(CLI, ['ask', 'canary'], { env });
      expect(code).toBe(0);
      expect(stderr).toMatch(/guides\.md:\d+: error: /);
      expect(stdout).toContain('https://guides.example.org/canary');
    }
  });
});
