import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FIXTURES, loadFiles } from '../support/content.js';

async function loadGuides() {
  const text = await readFile(path.join(FIXTURES, 'markdown/guides.md'), 'utf8');
  return loadFiles({ 'guides.md': text, 'README.md': '# Not content\n\n- [Ignored](https://readme.example.org/)\n' });
}

describe('Markdown notes', () => {
  it('builds the topic tree from headings, empty topics included', async () => {
    const { catalog } = await loadGuides();
    expect(catalog.topics.map((topic) => topic.path.join(' > '))).toEqual([
      'Platform',
      'Platform > Containers',
      'Platform > Containers > Registries',
      'Platform > Empty area',
    ]);
    expect(catalog.topics[1]!.summary).toBe('Package an app with what it needs.');
  });

  it('takes the link text as title, the text after it as description, and the note as type', async () => {
    const { catalog } = await loadGuides();
    const resource = catalog.resources.find((candidate) => candidate.url.endsWith('/multi-stage-builds/'))!;
    expect(resource).toMatchObject({
      title: 'Multi-stage builds, explained',
      description: 'Keep images small by building in one stage and shipping another.',
      type: 'article',
    });
  });

  it('reads series parts in order', async () => {
    const { catalog } = await loadGuides();
    const series = catalog.resources.filter((resource) => resource.series).map((resource) => resource.series);
    expect(series).toEqual([
      { name: 'Image basics', part: 1 },
      { name: 'Image basics', part: 2 },
    ]);
  });

  it('uses the text before a bare link as its title, and links inside paragraphs too', async () => {
    const { catalog } = await loadGuides();
    expect(catalog.resources.find((resource) => resource.url.endsWith('/bare-link'))!.title).toBe('Plain label');
    expect(catalog.resources.find((resource) => resource.url.endsWith('/faq'))!.title).toBe('the FAQ');
  });

  it('leaves an ordinary parenthesis in the description', async () => {
    const { catalog } = await loadGuides();
    const odd = catalog.resources.find((resource) => resource.url.endsWith('/odd'))!;
    expect(odd.description).toBe('Has a note that is not a type (see the docs).');
    expect(odd.type).toBeUndefined();
  });

  it('skips a README.md, which is documentation for people', async () => {
    const { catalog, files } = await loadGuides();
    expect(files.some((file) => file.endsWith('README.md'))).toBe(false);
    expect(catalog.resources.some((resource) => resource.url.includes('readme.example.org'))).toBe(false);
  });

  it('files links written before the first heading under a topic named after the file, with a warning', async () => {
    const { catalog, report } = await loadFiles({ 'loose-notes.md': '- [Stray](https://stray.example.org/)\n' });
    expect(catalog.resources[0]!.topics).toEqual([['Loose notes']]);
    expect(report.warnings[0]).toMatchObject({ line: 1, message: expect.stringContaining('before the first heading') });
  });
});
