import { describe, expect, it } from 'vitest';
import { baseEnv, CLI, runNode } from '../support/processes.js';
import { runCliInProcess } from '../support/cli.js';
import { loadContent } from '../../src/content/load-content.js';
import { FIXTURE_CATALOG, makeContentDir } from '../support/content.js';

describe('the devops-bot CLI', () => {
  it('answers `ask --json` with the documented shape', async () => {
    const { code, stdout } = await runCliInProcess(['ask', '--json', 'k8s cronjobs']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['query', 'kind', 'topic', 'results', 'suggestions']);
    expect(answer).toMatchObject({ query: 'k8s cronjobs', kind: 'search', topic: 'Kubernetes' });
    expect(Object.keys(answer.results[0])).toEqual([
      'id',
      'url',
      'title',
      'description',
      'topics',
      'score',
    ]);
    expect(answer.results[0]).toMatchObject({
      url: 'https://clusters.example.org/cronjobs',
      topics: [['Platform', 'Kubernetes']],
    });
  });

  it('returns no results and suggestions for a query outside the catalog', async () => {
    const { stdout } = await runCliInProcess(['ask', '--json', 'kafka streaming']);
    const answer = JSON.parse(stdout);
    expect(answer.kind).toBe('none');
    expect(answer.results).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it('reads queries from standard input with --json, one JSON object a line', async () => {
    const { code, stdout } = await runCliInProcess(['ask', '--json', '--limit', '2'], {
      input: 'docker\n\nexperiment tracking\nhelp\n',
    });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.query, line.kind])).toEqual([
      ['docker', 'topic'],
      ['experiment tracking', 'topic'],
      ['help', 'help'],
    ]);
    expect(lines[0].results).toHaveLength(2);
  });

  it('prints readable text without --json', async () => {
    const { stdout } = await runCliInProcess(['ask', 'docker', 'gpu']);
    expect(stdout).toContain('NVIDIA GPU');
    expect(stdout).toContain('https://gpu.example.net/containers');
    expect(stdout).toContain('Platform › Docker');
  });

  it('lists every link once with `catalog --json`', async () => {
    const { code, stdout } = await runCliInProcess(['catalog', '--json']);
    expect(code).toBe(0);
    const catalog = JSON.parse(stdout);
    const { catalog: loaded } = await loadContent(FIXTURE_CATALOG);
    expect(new Set(catalog.resources.map((resource: { url: string }) => resource.url))).toEqual(
      new Set(loaded.resources.map((resource) => resource.url)),
    );
    expect(catalog.warnings).toEqual([]);
  });

  it('prints the topic tree with counts', async () => {
    const { stdout } = await runCliInProcess(['topics']);
    expect(stdout).toMatch(/^ {4}Kubernetes \(7\)$/m);
    expect(stdout).toMatch(/^ {6}Helm \(1\)$/m);
  });

  it('lints clean content with exit 0 and broken content with exit 1 and file:line', async () => {
    expect((await runCliInProcess(['lint'])).code).toBe(0);
    const dir = await makeContentDir({ 'bad.md': '# Bad\n\n- [Broken](nope) — x. (article)\n' });
    const { code, stdout } = await runCliInProcess(['lint', '--content', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/bad\.md:3: error: Not a usable web address: nope/);
  });

  it('runs as the built devops-bot command', async () => {
    const { code, stdout } = await runNode(CLI, ['ask', '--json', 'kafka streaming']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'none', results: [] });
  });

  it('rejects bad arguments with the usage and exit code 2, never a stack trace', async () => {
    for (const args of [
      ['ask', '--limit', 'lots', 'docker'],
      ['ask', '--colour', 'docker'],
      ['frobnicate'],
      [],
    ]) {
      const { code, stderr, stdout } = await runCliInProcess(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr + stdout).toContain('devops-bot');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 with a clear message when the content folder is missing', async () => {
    const { code, stderr } = await runCliInProcess(['ask', 'docker'], {
      env: baseEnv({ CONTENT_DIR: '/no/such/folder' }),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('/no/such/folder does not exist');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
