import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { runCliInProcess } from '../support/cli.js';
import { makeContentDir, SHIPPED_CONTENT } from '../support/content.js';
import { expectContentPassesChecks } from '../support/content-checks.js';

const NEW_RESOURCE =
  '- [Docker Compose for a notebook and its database](https://compose.example.org/notebook-db) — Runs a Jupyter notebook next to a PostgreSQL database with one Docker Compose file. (article)';
const NEW_TOPIC = [
  '## Terraform',
  '',
  'Terraform describes cloud infrastructure as code and applies the changes in a planned, reviewable way.',
  '',
  '- [Terraform for a training cluster](https://iac.example.org/terraform-training-cluster) — Declares a GPU training cluster with Terraform and keeps its state in a remote backend. (docs)',
].join('\n');

/** Adds a bullet right after the summary paragraph of `heading`, as content/README.md says. */
function addAfterSummary(text: string, heading: string, bullet: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `${heading} in the content`).toBeGreaterThanOrEqual(0);
  const summaryEnd = text.indexOf('\n\n', text.indexOf('\n\n', start + 1) + 2);
  return `${text.slice(0, summaryEnd)}\n${bullet}${text.slice(summaryEnd)}`;
}

describe('the content checks', () => {
  it('pass on the shipped content, where every resource has a type and a description', async () => {
    await expectContentPassesChecks(SHIPPED_CONTENT);
    const { catalog } = await loadContent(SHIPPED_CONTENT);
    expect(catalog.resources.every((resource) => resource.type && resource.description)).toBe(true);
  });

  it("pass after a curator's edit from content/README.md: one resource and one topic added to a copy", async () => {
    const dir = await makeContentDir({});
    await cp(SHIPPED_CONTENT, dir, { recursive: true });
    const devops = path.join(dir, 'devops.md');
    const edited = addAfterSummary(await readFile(devops, 'utf8'), '## Docker', NEW_RESOURCE);
    await writeFile(devops, `${edited.trimEnd()}\n\n${NEW_TOPIC}\n`);
    const aliases = path.join(dir, 'aliases.yml');
    await writeFile(
      aliases,
      `${await readFile(aliases, 'utf8')}\nTerraform:\n  - infrastructure as code\n  - iac\n`,
    );

    await expectContentPassesChecks(dir);
    const catalog = JSON.parse((await runCliInProcess(['catalog', '--json', '--content', dir])).stdout);
    const topicsOf = (url: string) =>
      catalog.resources.find((resource: { url: string }) => resource.url === url)?.topics;
    expect(topicsOf('https://compose.example.org/notebook-db')).toEqual([['DevOps', 'Docker']]);
    expect(topicsOf('https://iac.example.org/terraform-training-cluster')).toEqual([
      ['DevOps', 'Terraform'],
    ]);
    const asked = await runCliInProcess(['ask', '--json', 'iac', '--content', dir]);
    expect(JSON.parse(asked.stdout)).toMatchObject({ kind: 'topic', topic: 'Terraform' });
  });
});
