import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { loadFiles, makeContentDir } from '../support/content.js';

/** A topic ready for resource bullets: the first bullet passed lands on line 9. */
const KUBERNETES = ['# DevOps', '', 'Shipping software.', '', '## Kubernetes', '', 'Runs containers on a cluster.', ''];
const DOCKER = ['', '## Docker', '', 'Containers for apps.'];
const notes = (...bullets: string[]) => [...KUBERNETES, ...bullets].join('\n') + '\n';

const URL = 'https://k8s.example.org/basics';
const DESCRIPTION = 'Pods, deployments and services, explained on a first small cluster.';
const COMPLETE = `- [Kubernetes basics](${URL}) — ${DESCRIPTION} (article)`;

const TYPE_HINT =
  'End the line with its type in parentheses, e.g. " (article)": one of article, video, docs, course, slides, lab.';

/** A warning expected at `line` of the content file named `file`. */
function warning(file: string, line: number, message: string, hint: string) {
  return { file: expect.stringMatching(new RegExp(`/${file.replace('.', '\\.')}$`)), line, message, hint };
}

describe('lint warnings for an incomplete Markdown resource bullet', () => {
  it('warns about a bullet with neither description nor type, once for each', async () => {
    const { report } = await loadFiles({ 'a.md': notes(`- [Kubernetes basics](${URL})`) });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      warning(
        'a.md',
        9,
        'Resource "Kubernetes basics" has no description',
        'Add " — One sentence on what the page covers. (article)" after the link.',
      ),
      warning('a.md', 9, 'Resource "Kubernetes basics" has no type', TYPE_HINT),
    ]);
  });

  it('warns about a bullet with a type but no description, saying where the sentence goes', async () => {
    const { report } = await loadFiles({
      'a.md': notes(`- [Kubernetes basics](${URL}) (video; series: Kubernetes for ML, part 1)`),
    });
    expect(report).toEqual({
      errors: [],
      warnings: [
        warning(
          'a.md',
          9,
          'Resource "Kubernetes basics" has no description',
          'Add " — One sentence on what the page covers." between the link and "(video; series: Kubernetes for ML, part 1)".',
        ),
      ],
    });
  });

  it('warns about a bullet with a description but no type', async () => {
    const { report } = await loadFiles({ 'a.md': notes(`- [Kubernetes basics](${URL}) — ${DESCRIPTION}`) });
    expect(report).toEqual({
      errors: [],
      warnings: [warning('a.md', 9, 'Resource "Kubernetes basics" has no type', TYPE_HINT)],
    });
  });

  it('reads a description ending in a parenthesis of prose as having no type, without an error', async () => {
    const { report } = await loadFiles({
      'a.md': notes(`- [Kubernetes basics](${URL}) — Pods and services on a first cluster (see the docs).`),
    });
    expect(report).toEqual({
      errors: [],
      warnings: [warning('a.md', 9, 'Resource "Kubernetes basics" has no type', TYPE_HINT)],
    });
  });

  it('gives a complete bullet and an .rst label line no warning', async () => {
    const { report } = await loadFiles({
      'a.md': notes(COMPLETE),
      'b.rst': 'Platform\n========\n\nRunning services.\n\nImage basics: https://containers.example.org/images/basics/\n',
    });
    expect(report).toEqual({ errors: [], warnings: [] });
  });

  it('gives a bare-URL bullet only its own warning, whose fix already asks for a description and type', async () => {
    const { report } = await loadFiles({ 'a.md': notes(`- ${URL}`) });
    expect(report.warnings).toEqual([
      warning('a.md', 9, `Bare URL ${URL}: its title will be "Basics"`, `Write it as [Basics](${URL}) — Description. (type)`),
    ]);
  });

  it('leaves an unknown type to its error rather than also warning of no type', async () => {
    const { report } = await loadFiles({ 'a.md': notes(`- [Kubernetes basics](${URL}) — ${DESCRIPTION} (tutorial)`) });
    expect(report.errors.map((issue) => issue.message)).toEqual([expect.stringContaining('Unknown resource type')]);
    expect(report.warnings).toEqual([]);
  });

  it('points an incomplete copy of a listed bullet at the complete one, and leaves the complete one alone', async () => {
    const { report, files } = await loadFiles({
      'a.md': notes(COMPLETE, ...DOCKER, '', `- [Kubernetes basics](${URL})`),
    });
    const first = `${files[0]}:9`;
    expect(report).toEqual({
      errors: [],
      warnings: [
        warning(
          'a.md',
          15,
          `Resource "Kubernetes basics" is listed without the description it has at ${first}`,
          `Copy the description from ${first}, so both listings say the same.`,
        ),
        warning(
          'a.md',
          15,
          `Resource "Kubernetes basics" is listed without the type it has at ${first} (article)`,
          `End the line with " (article)", as at ${first}.`,
        ),
      ],
    });
  });

  it('serves the description and type of the complete copy when the incomplete one comes first', async () => {
    const { catalog, report } = await loadFiles({
      'a.md': notes(`- [Kubernetes basics](${URL})`, ...DOCKER, '', COMPLETE),
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((issue) => issue.line)).toEqual([9, 9]);
    expect(catalog.resources).toEqual([
      expect.objectContaining({ url: URL, description: DESCRIPTION, type: 'article' }),
    ]);
  });

  it('tells two copies of a bullet that both lack a description the same thing', async () => {
    const { report } = await loadFiles({
      'a.md': notes(`- [Kubernetes basics](${URL}) (docs)`, ...DOCKER, '', `- [Kubernetes basics](${URL}) (docs)`),
    });
    expect(report.warnings.map((issue) => [issue.line, issue.message])).toEqual([
      [9, 'Resource "Kubernetes basics" has no description'],
      [15, 'Resource "Kubernetes basics" has no description'],
    ]);
  });

  it('prints the warning with its fix and still exits 0', async () => {
    const dir = await makeContentDir({ 'a.md': notes(`- [Kubernetes basics](${URL}) — ${DESCRIPTION}`) });
    const { code, stdout } = await runCliInProcess(['lint', '--content', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${path.join(dir, 'a.md')}:9: warning: Resource "Kubernetes basics" has no type`);
    expect(stdout).toContain(`fix: ${TYPE_HINT}`);
  });
});
