import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FIXTURES, loadFiles } from '../support/content.js';
import type { LoadedContent } from '../../src/content/load-content.js';

async function loadFixture(): Promise<LoadedContent> {
  const text = await readFile(path.join(FIXTURES, 'rst/platform-notes.rst'), 'utf8');
  return loadFiles({ 'platform-notes.rst': text });
}

function resourceAt(content: LoadedContent, url: string) {
  const resource = content.catalog.resources.find((candidate) => candidate.url === url);
  if (!resource) throw new Error(`no resource for ${url}; have ${content.catalog.resources.map((r) => r.url).join(', ')}`);
  return resource;
}

describe('reStructuredText notes', () => {
  it('assigns section levels in the order adornment styles first appear', async () => {
    const { catalog } = await loadFixture();
    expect(catalog.topics.map((topic) => topic.path.join(' > '))).toEqual([
      'Platform',
      'Platform > Containers',
      'Platform > Containers > Orchestration',
      'Platform > Containers > Empty corner',
      'Platform > Containers > Service mesh',
      'Data',
    ]);
  });

  it('reads `label: URL` lines with the label as the title and trailing punctuation removed', async () => {
    const content = await loadFixture();
    expect(resourceAt(content, 'https://containers.example.org/images/basics/').title).toBe('Image basics');
    expect(resourceAt(content, 'https://containers.example.org/cache-layers').title).toBe('Layer caching tips');
  });

  it('reads `URL : description` bullets and derives a readable title from the URL', async () => {
    const resource = resourceAt(await loadFixture(), 'https://containers.example.org/multi-stage-builds/');
    expect(resource.description).toBe('building small images in stages');
    expect(resource.title).toBe('Multi stage builds');
  });

  it('splits several URLs on one line into resources sharing the label', async () => {
    const content = await loadFixture();
    const mirrors = ['a', 'b', 'c'].map((name) => resourceAt(content, `https://mirror-${name}.example.org/setup`));
    expect(mirrors.map((mirror) => mirror.title)).toEqual(['Registry mirrors', 'Registry mirrors', 'Registry mirrors']);
  });

  it('takes a parenthesised remark after the URL as the description', async () => {
    const resource = resourceAt(await loadFixture(), 'https://containers.example.org/rootless-mode/');
    expect(resource.description).toBe('running the daemon without root');
  });

  it('skips directives and their indented options', async () => {
    const { catalog } = await loadFixture();
    expect(catalog.resources.some((resource) => resource.url.includes('figure.example.org'))).toBe(false);
  });

  it('repairs a `tps://` scheme and warns with the file and line', async () => {
    const content = await loadFixture();
    expect(resourceAt(content, 'https://scanner.example.org/guide').title).toBe('Scanning');
    expect(content.report.warnings).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/platform-notes\.rst$/), line: 22, message: expect.stringContaining('tps://') }),
    );
  });

  it('keeps prose paragraphs as the topic summary, joined across lines', async () => {
    const { catalog } = await loadFixture();
    const orchestration = catalog.topics.find((topic) => topic.name === 'Orchestration')!;
    expect(orchestration.summary).toBe(
      'Schedulers place containers on machines and restart them when they fail. This paragraph spans two lines.',
    );
    expect(catalog.topics.find((topic) => topic.name === 'Containers')!.summary).toBe('');
  });

  it('gives a URL in a section title to that section', async () => {
    const content = await loadFixture();
    const mesh = resourceAt(content, 'https://mesh.example.org/overview');
    expect(mesh.topics).toEqual([['Platform', 'Containers', 'Service mesh']]);
    expect(mesh.title).toBe('Service mesh');
  });

  it('merges the same URL under two sections into one resource with both topics', async () => {
    const content = await loadFixture();
    const basics = content.catalog.resources.filter((resource) => resource.url === 'https://containers.example.org/images/basics/');
    expect(basics).toHaveLength(1);
    expect(basics[0]!.topics).toEqual([
      ['Platform', 'Containers'],
      ['Platform', 'Containers', 'Orchestration'],
    ]);
  });

  it('keeps empty sections as topics and records the source line of each resource', async () => {
    const content = await loadFixture();
    const empty = content.catalog.topics.find((topic) => topic.name === 'Empty corner')!;
    expect(empty.resourceIds).toEqual([]);
    expect(resourceAt(content, 'https://orchestration.example.org/cron-jobs/').source).toEqual({
      file: expect.stringMatching(/platform-notes\.rst$/),
      line: 30,
    });
  });

  it('gives every resource a stable id that depends only on its URL', async () => {
    const first = await loadFixture();
    const second = await loadFiles({ 'other.rst': 'Else\n====\n\nImage basics: https://containers.example.org/images/basics/\n' });
    expect(resourceAt(first, 'https://containers.example.org/images/basics/').id).toBe(
      resourceAt(second, 'https://containers.example.org/images/basics/').id,
    );
  });
});
