import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { FIXTURES, loadFiles, makeContentDir } from '../support/content.js';

async function fixture(name: string): Promise<Buffer> {
  return readFile(path.join(FIXTURES, 'bad', name));
}

describe('bad content', () => {
  it('names the file and line of a title whose overline and underline differ', async () => {
    const { report } = await loadFiles({ 'broken.rst': await fixture('broken.rst') });
    expect(report.errors).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/broken\.rst$/), line: 1, message: expect.stringContaining('underline') }),
    ]);
  });

  it('reports a binary file as unreadable instead of crashing, and still loads the others', async () => {
    const { report, catalog } = await loadFiles({
      'binary.rst': await fixture('binary.rst'),
      'good.md': '# Good\n\n- [Fine](https://fine.example.org/) — A fine page. (article)\n',
    });
    expect(report.errors).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/binary\.rst$/), message: expect.stringContaining('binary') }),
    ]);
    expect(catalog.resources.map((resource) => resource.url)).toEqual(['https://fine.example.org/']);
  });

  it('reports invalid UTF-8 as unreadable', async () => {
    const { report } = await loadFiles({ 'latin1.md': Buffer.from([0x23, 0x20, 0xe9, 0xe8, 0x0a]) });
    expect(report.errors[0]!.message).toContain('not valid UTF-8');
  });

  it('reports a link that is no web address as an error and a malformed series note as a warning', async () => {
    const { report } = await loadFiles({ 'bad-links.md': await fixture('bad-links.md') });
    expect(report.errors).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('not-a-url') })]);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining('series') })]);
  });

  it('refuses a missing content folder with a clear message', async () => {
    await expect(loadContent('/definitely/not/here')).rejects.toMatchObject({
      code: 'CONTENT_DIR_MISSING',
      message: expect.stringContaining('/definitely/not/here does not exist'),
    });
  });

  it('refuses a folder without notes', async () => {
    const dir = await makeContentDir({ 'README.md': '# Only docs\n' });
    await expect(loadContent(dir)).rejects.toMatchObject({ code: 'CONTENT_DIR_EMPTY' });
  });

  it('reports aliases for unknown topics and invalid YAML with their lines', async () => {
    const notes = { 'a.md': '# Docker\n\nContainers.\n\n- [D](https://d.example.org/) — Docker page. (docs)\n' };
    const unknown = await loadFiles({ ...notes, 'aliases.yml': '# comment\nDocker: [containers]\nNope: [x]\n' });
    expect(unknown.report.warnings).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('"Nope"') })]);
    expect(unknown.catalog.topics[0]!.aliases).toEqual(['containers']);
    const invalid = await loadFiles({ ...notes, 'aliases.yml': 'Docker: [containers\n' });
    expect(invalid.report.errors[0]).toMatchObject({ file: expect.stringMatching(/aliases\.yml$/), line: expect.any(Number) });
  });

  it('reports a series part given twice as an error', async () => {
    const { report } = await loadFiles({
      'a.md': '# A\n\n- [One](https://a.example.org/1) — x. (video; series: S, part 1)\n- [Two](https://a.example.org/2) — y. (video; series: S, part 1)\n',
    });
    expect(report.errors[0]!.message).toContain('part 1 twice');
  });
});
