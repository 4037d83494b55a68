import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadContent, type LoadedContent } from '../../src/content/load-content.js';
import { createEngine, type AnswerEngine } from '../../src/engine/engine.js';
import { topicRef } from '../../src/engine/answer.js';
import type { WeeklyPost } from '../../src/platform/weekly-post.js';

/** The repository's own content folder: read only by content tests and one end-to-end test per adapter. */
export const SHIPPED_CONTENT = path.resolve(import.meta.dirname, '../../content');

/** Test fixtures folder. */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/**
 * A small catalog written for tests (series, aliases, an empty topic, a resource in two topics,
 * every type), so that a curator's edit of `content/` never changes what other tests see.
 */
export const FIXTURE_CATALOG = path.join(FIXTURES, 'catalog');

/** Writes files into a fresh temporary folder and returns its path. */
export async function makeContentDir(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'devops-bot-content-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** Loads content written from the given files. */
export async function loadFiles(files: Record<string, string | Buffer>): Promise<LoadedContent> {
  return loadContent(await makeContentDir(files));
}

/** An engine over a catalog of `count` numbered guides, all under one topic named Guides. */
export async function engineWithGuides(count: number): Promise<AnswerEngine> {
  const bullets = Array.from(
    { length: count },
    (_, index) =>
      `- [Guide ${index + 1}](https://guides.example.org/${index + 1}) — Step ${index + 1} of the guides. (article)`,
  );
  const { catalog } = await loadFiles({
    'guides.md': `# Guides\n\nMany guides.\n\n${bullets.join('\n')}\n`,
  });
  return createEngine(catalog);
}

const engines = new Map<string, Promise<AnswerEngine>>();

function engineFor(dir: string): Promise<AnswerEngine> {
  let engine = engines.get(dir);
  if (!engine) {
    engine = loadContent(dir).then(({ catalog }) => createEngine(catalog));
    engines.set(dir, engine);
  }
  return engine;
}

/** An engine over the shipped content, built once per test file; for content tests only. */
export function shippedEngine(): Promise<AnswerEngine> {
  return engineFor(SHIPPED_CONTENT);
}

/** An engine over the fixture catalog, built once per test file. */
export function fixtureEngine(): Promise<AnswerEngine> {
  return engineFor(FIXTURE_CATALOG);
}

/** The resource of the week as a platform gets it: Container images, part 1, in its Docker topic. */
export async function fixtureWeeklyPost(): Promise<WeeklyPost> {
  const { catalog } = await fixtureEngine();
  const resource = catalog.resources.find((candidate) =>
    candidate.title.startsWith('Container images, part 1'),
  )!;
  const topic = catalog.topicsById.get(resource.topicIds[0]!)!;
  const slot = new Date('2026-11-30T09:00:00Z');
  return { resource, topic: topicRef(topic), slot, slotKey: slot.toISOString() };
}
