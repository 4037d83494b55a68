import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { engineUrls, labeledQueries, measureRelevance } from '../../bench/relevance.js';
import { loadContent } from '../../src/content/load-content.js';
import { createEngine } from '../../src/engine/engine.js';
import { runCliInProcess } from './cli.js';

/** The team's original notes, which the catalog must keep covering. */
export const SEED_NOTES = path.resolve(
  import.meta.dirname,
  '../../../shared/seed/000_33fd381b7da97a8d.txt',
);

/** The seed's URLs as a person would list them: scheme repaired, trailing punctuation dropped. */
export function seedUrls(text: string): string[] {
  const urls = [...text.matchAll(/(?:https?|tps):\/\/[^\s,]+/g)].map((match) =>
    match[0].replace(/[.,;:)]+$/, '').replace(/^tps:/, 'https:'),
  );
  return [...new Set(urls)];
}

/**
 * What CI asks of any content folder, the shipped one or a curator's edit of it: `lint` passes
 * with no warning, every link of the team's notes is still there, and the labeled queries still
 * find a relevant resource in the top three at least 90% of the time.
 */
export async function expectContentPassesChecks(dir: string): Promise<void> {
  const lint = await runCliInProcess(['lint', '--content', dir]);
  expect(lint.code, lint.stdout).toBe(0);
  expect(lint.stdout).toMatch(/: 0 errors, 0 warnings\.$/m);

  const { catalog } = await loadContent(dir);
  const urls = new Set(catalog.resources.map((resource) => resource.url));
  if (existsSync(SEED_NOTES)) {
    const missing = seedUrls(readFileSync(SEED_NOTES, 'utf8')).filter((url) => !urls.has(url));
    expect(missing).toEqual([]);
  }

  const engine = createEngine(catalog);
  const figures = measureRelevance('devops-bot', labeledQueries(), engineUrls(engine));
  expect(figures.hitAt3, figures.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  expect(figures.negatives, figures.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
}
