import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_CACHE_FILE } from '../../src/entry/app/content-cache.js';
import { loadEngine } from '../../src/entry/app/load-engine.js';
import { stem } from '../../src/search/text.js';
import { FIXTURE_CATALOG } from '../support/content.js';

const QUERIES = ['docker', 'k8s cronjobs', 'track experiments', 'dokcer', 'helm chart', 'kafka'];

/** A copy of the fixture catalog and an empty cache folder beside it. */
function setUp() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-cache-'));
  const contentDir = path.join(root, 'content');
  cpSync(FIXTURE_CATALOG, contentDir, { recursive: true });
  const cacheDir = path.join(root, 'cache');
  return { contentDir, cacheDir, cacheFile: path.join(cacheDir, CONTENT_CACHE_FILE) };
}

/** Rewrites the title the cache holds for a resource, leaving its key as it was. */
function tamperCachedTitle(cacheFile: string, url: string, title: string): void {
  const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
    catalog: { resources: { url: string; title: string }[] };
  };
  saved.catalog.resources.find((resource) => resource.url === url)!.title = title;
  writeFileSync(cacheFile, JSON.stringify(saved));
}

const DOCKER_DOCS = 'https://docs.example.org/docker/';
const titleOf = (loaded: Awaited<ReturnType<typeof loadEngine>>) =>
  loaded.engine.catalog.resourcesById.get(
    loaded.engine.catalog.resources.find((resource) => resource.url === DOCKER_DOCS)!.id,
  )!.title;

describe('the content index cache', () => {
  it('serves unchanged content from the cache, with the catalog and answers of a fresh load', async () => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    const fresh = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(existsSync(cacheFile)).toBe(true);
    const cached = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(cached.engine.catalog).toEqual(fresh.engine.catalog);
    expect(cached.report).toEqual(fresh.report);
    for (const query of QUERIES) {
      expect(cached.engine.answer(query), query).toEqual(fresh.engine.answer(query));
    }
    // Proof that the second load read the cache rather than the notes.
    tamperCachedTitle(cacheFile, DOCKER_DOCS, 'Title from the cache');
    const again = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(titleOf(again)).toBe('Title from the cache');
  });

  it('indexes again and writes the cache anew when the index it holds cannot be read', async () => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    const fresh = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { index: { search: unknown } };
    saved.index.search = { documentCount: 'many', index: 'not postings' };
    writeFileSync(cacheFile, JSON.stringify(saved));
    const damaged = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    for (const query of QUERIES) {
      expect(damaged.engine.answer(query), query).toEqual(fresh.engine.answer(query));
    }
    const rewritten = JSON.parse(readFileSync(cacheFile, 'utf8')) as { index: { search: object } };
    expect(rewritten.index.search).toMatchObject({ documentCount: expect.any(Number) });
  });

  it('refuses content with errors from the cache as a fresh load does, unless errors are accepted', async () => {
    const { contentDir, cacheDir } = setUp();
    writeFileSync(
      path.join(contentDir, 'broken.md'),
      '# Broken\n\n- [A page](https://broken.example.org/) — A page of some kind. (podcastt)\n',
    );
    const accepted = await loadEngine(contentDir, {
      cacheDir,
      codeVersion: '1.0.0+a',
      acceptErrors: true,
    });
    expect(accepted.report.errors).toHaveLength(1);
    const fromCache = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' }).catch(
      (error: unknown) => error,
    );
    const fresh = await loadEngine(contentDir).catch((error: unknown) => error);
    expect(fromCache).toBeInstanceOf(Error);
    expect((fromCache as Error).message).toContain('Unknown resource type "podcastt"');
    expect((fromCache as Error).message).toBe((fresh as Error).message);
  });

  it('indexes again when a content file changes, and caches the new content', async () => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    tamperCachedTitle(cacheFile, DOCKER_DOCS, 'Title from the cache');
    const notes = path.join(contentDir, 'platform.md');
    writeFileSync(
      notes,
      readFileSync(notes, 'utf8').replace('[Docker reference documentation]', '[Docker manual]'),
    );
    const edited = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(titleOf(edited)).toBe('Docker manual');
    expect(readFileSync(cacheFile, 'utf8')).toContain('Docker manual');
  });

  it('never trusts an index written by another version of the code', async () => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    tamperCachedTitle(cacheFile, DOCKER_DOCS, 'Title from the cache');
    const upgraded = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+b' });
    expect(titleOf(upgraded)).toBe('Docker reference documentation');
  });

  it.each([
    ['not JSON', '{"key": "trunc'],
    ['JSON without an index', '{"key": "x", "catalog": {}}'],
  ])('ignores a corrupt cache file (%s) and writes a good one', async (_, text) => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    const { key } = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string };
    writeFileSync(cacheFile, text.replace('"x"', JSON.stringify(key)));
    const loaded = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(titleOf(loaded)).toBe('Docker reference documentation');
    expect(loaded.engine.answer('docker')).toMatchObject({ kind: expect.any(String) });
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ key });
  });

  it('keeps the stems of the words an engine stems at start, and takes them back from the cache', async () => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { stems: [string, string][] };
    expect(saved.stems).toContainEqual(['recommendations', stem('recommendations')]);
    // A word no catalog has, with a stem the stemmer would never give: only the cache knows it.
    saved.stems.push(['zymurgies', 'stem from the cache']);
    writeFileSync(cacheFile, JSON.stringify(saved));
    await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(stem('zymurgies')).toBe('stem from the cache');
  });

  it('ignores cached stems that are not pairs of words, and indexes again', async () => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    tamperCachedTitle(cacheFile, DOCKER_DOCS, 'Title from the cache');
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { stems: unknown[] };
    saved.stems.push(['docker']);
    writeFileSync(cacheFile, JSON.stringify(saved));
    const loaded = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(titleOf(loaded)).toBe('Docker reference documentation');
    expect(loaded.engine.answer('docker')).toMatchObject({ kind: 'topic' });
  });

  it('keeps working when the cache folder cannot be created', async () => {
    const { contentDir, cacheDir } = setUp();
    // A file where the folder should be: no cache can be written there, whoever runs the test.
    writeFileSync(cacheDir, 'not a folder');
    const loaded = await loadEngine(contentDir, { cacheDir, codeVersion: '1.0.0+a' });
    expect(titleOf(loaded)).toBe('Docker reference documentation');
    expect(readFileSync(cacheDir, 'utf8')).toBe('not a folder');
  });

  it('is not used without a code version, as when running from sources', async () => {
    const { contentDir, cacheDir, cacheFile } = setUp();
    await loadEngine(contentDir, { cacheDir });
    expect(existsSync(cacheFile)).toBe(false);
  });
});
