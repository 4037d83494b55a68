import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EngineHolder } from '../../src/entry/app/engine-holder.js';
import { loadEngine } from '../../src/entry/app/load-engine.js';
import { runCliInProcess } from '../support/cli.js';
import { loadFiles, makeContentDir } from '../support/content.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A well-formed topic with one resource, to build each mistake around. */
const DOCKER = [
  '# DevOps',
  '',
  'Shipping software.',
  '',
  '## Docker',
  '',
  'Containers for apps.',
  '',
  "- [Docker's official guide](https://docs.docker.example.org/get-started/) — The official start with images and containers. (docs)",
];
const MLFLOW = ['# MLOps', '', 'Machine learning in production.', '', '## MLflow', '', 'Tracks experiments.', ''];
const notes = (...lines: string[]) => [...DOCKER, ...lines].join('\n') + '\n';

interface Mistake {
  name: string;
  files: Record<string, string>;
  severity: 'errors' | 'warnings';
  file: string;
  line: number;
  message: RegExp;
}

const MISTAKES: Mistake[] = [
  {
    name: 'a Markdown link missing its )',
    files: { 'a.md': notes('- [Docker compose guide](https://compose.example.org/ — Compose files. (docs)') },
    severity: 'errors',
    file: 'a.md',
    line: 10,
    message: /Broken Markdown link "\[Docker compose guide\]\(/,
  },
  {
    name: 'the same URL with a different title and type',
    files: {
      'a.md': notes(),
      'b.md': [...MLFLOW, '- [Docker docs](https://docs.docker.example.org/get-started/) — The official start with images and containers. (article)'].join('\n'),
    },
    severity: 'errors',
    file: 'b.md',
    line: 9,
    message: /listed again with title "Docker docs" instead of "Docker's official guide", type article instead of docs \(first at .*a\.md:9\)/,
  },
  {
    name: 'the same URL in a different series',
    files: {
      'a.md': notes(
        '- [Part one](https://parts.example.org/1) — The first part of the series. (video; series: Parts, part 1)',
        '- [Part one](https://parts.example.org/1) — The first part of the series. (video; series: Parts, part 2)',
      ),
    },
    severity: 'errors',
    file: 'a.md',
    line: 11,
    message: /series Parts, part 2 instead of Parts, part 1/,
  },
  {
    name: 'an unknown type',
    files: { 'a.md': notes('- [Compose tutorial](https://compose.example.org/) — Compose files for local stacks. (tutorial)') },
    severity: 'errors',
    file: 'a.md',
    line: 10,
    message: /Unknown resource type "tutorial"/,
  },
  {
    name: "an alias equal to another topic's name",
    files: { 'a.md': notes(), 'b.md': MLFLOW.join('\n'), 'aliases.yml': 'Docker:\n  - containers\nMLflow:\n  - docker\n' },
    severity: 'errors',
    file: 'aliases.yml',
    line: 3,
    message: /Alias "docker" of "MLflow" is the name of the topic "Docker"/,
  },
  {
    name: 'an alias given to two topics',
    files: { 'a.md': notes(), 'b.md': MLFLOW.join('\n'), 'aliases.yml': 'Docker: [tracking]\nMLflow: [tracking]\n' },
    severity: 'errors',
    file: 'aliases.yml',
    line: 2,
    message: /Alias "tracking" is given to both "Docker" and "MLflow"/,
  },
  {
    name: 'a heading level jump',
    files: { 'a.md': notes('', '#### Compose', '', 'Several containers at once.', '', '- [Compose](https://compose.example.org/) — Compose files for local stacks. (docs)') },
    severity: 'errors',
    file: 'a.md',
    line: 11,
    message: /Heading level jumps from ## to ####/,
  },
  {
    name: 'a series with a gap',
    files: {
      'a.md': notes(
        '- [Part one](https://parts.example.org/1) — The first part of the series. (video; series: Parts, part 1)',
        '- [Part three](https://parts.example.org/3) — The third part of the series. (video; series: Parts, part 3)',
      ),
    },
    severity: 'errors',
    file: 'a.md',
    line: 10,
    message: /Series "Parts" has no part 2/,
  },
  {
    name: 'a series part given twice',
    files: {
      'a.md': notes(
        '- [Part one](https://parts.example.org/1) — The first part of the series. (video; series: Parts, part 1)',
        '- [Part one again](https://parts.example.org/1b) — The first part once more. (video; series: Parts, part 1)',
      ),
    },
    severity: 'errors',
    file: 'a.md',
    line: 11,
    message: /Series "Parts" has part 1 twice/,
  },
  {
    name: 'a heading without a summary',
    files: { 'a.md': notes('', '## Kubernetes', '', '- [Kubernetes docs](https://k8s.example.org/) — Concepts and tasks for clusters. (docs)') },
    severity: 'warnings',
    file: 'a.md',
    line: 11,
    message: /Topic "Kubernetes" has no summary/,
  },
  {
    name: 'a bare-URL bullet, with the title it would get',
    files: { 'a.md': notes('- https://compose.example.org/local-stacks') },
    severity: 'warnings',
    file: 'a.md',
    line: 10,
    message: /Bare URL https:\/\/compose\.example\.org\/local-stacks: its title will be "Local stacks"/,
  },
  {
    name: 'an empty topic nothing mentions',
    files: { 'a.md': notes('', '## Nomad', '', 'A scheduler for containers and plain binaries.') },
    severity: 'warnings',
    file: 'a.md',
    line: 11,
    message: /Topic "Nomad" has no resources, and no resource mentions it/,
  },
];

describe('lint, the curator’s safety net', () => {
  it.each(MISTAKES)('catches $name at its file and line, with a fix', async (mistake) => {
    const { report } = await loadFiles(mistake.files);
    const found = report[mistake.severity].find((issue) => mistake.message.test(issue.message));
    expect(found, JSON.stringify(report, null, 2)).toMatchObject({
      file: expect.stringMatching(new RegExp(`/${mistake.file.replace('.', '\\.')}$`)),
      line: mistake.line,
      hint: expect.stringMatching(/\w/),
    });
    if (mistake.severity === 'warnings') expect(report.errors).toEqual([]);
  });

  it('passes well-formed content, an empty topic that resources mention, and a parenthesis in prose', async () => {
    const { report } = await loadFiles({
      'a.md': notes(
        '- [Compose notes](https://compose.example.org/) — Running a Jenkins job next to Compose (see the docs). (article)',
        '',
        '## Jenkins',
        '',
        'An automation server; the Compose notes above run a job on it.',
      ),
    });
    expect(report).toEqual({ errors: [], warnings: [] });
  });

  it('prints file:line and the fix, and exits 1 on errors', async () => {
    const dir = await makeContentDir({ 'a.md': notes('- [Compose](https://compose.example.org/) — Compose files. (tutorial)') });
    const { code, stdout } = await runCliInProcess(['lint', '--content', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path.join(dir, 'a.md')}:10: error: Unknown resource type "tutorial"`);
    expect(stdout).toMatch(/^ {4}fix: Use one of article, video, docs, course, slides, lab/m);
  });

  it('prints one JSON object with every issue for CI annotations with --json', async () => {
    const dir = await makeContentDir({
      'a.md': notes('- [Compose](https://compose.example.org/) — Compose files. (tutorial)', '- https://bare.example.org/page'),
    });
    const { code, stdout } = await runCliInProcess(['lint', '--json', '--content', dir]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ files: 1, errors: 1, warnings: 1 });
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'error', file: path.join(dir, 'a.md'), line: 10, hint: expect.any(String) }),
      expect.objectContaining({ severity: 'warning', file: path.join(dir, 'a.md'), line: 11, message: expect.stringContaining('"Page"') }),
    ]);
  });

  it('runs the same checks when a running bot reloads, keeping the previous index on an error', async () => {
    const dir = await makeContentDir({ 'a.md': notes() });
    const { engine } = await loadEngine(dir);
    const holder = new EngineHolder(engine, dir, pino({ level: 'silent' }));
    await writeFile(path.join(dir, 'a.md'), notes('- [Compose guide](https://compose.example.org/ — Compose files. (docs)'));
    expect(await holder.reload()).toBe(false);
    expect(holder.current).toBe(engine);
  });
});
