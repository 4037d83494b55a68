import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles, SHIPPED_CONTENT } from '../support/content.js';
import { loadContent } from '../../src/content/load-content.js';

const SEED = path.resolve(import.meta.dirname, '../../../shared/seed/000_33fd381b7da97a8d.txt');

/** The seed's URLs as a person would list them: scheme repaired, trailing punctuation dropped. */
function seedUrls(text: string): string[] {
  const urls = [...text.matchAll(/(?:https?|tps):\/\/[^\s,]+/g)].map((match) =>
    match[0].replace(/[.,;:)]+$/, '').replace(/^tps:/, 'https:'),
  );
  return [...new Set(urls)];
}

describe.runIf(existsSync(SEED))("the team's original notes", () => {
  it('yields every distinct URL with its section path', async () => {
    const text = await readFile(SEED, 'utf8');
    const { catalog, report } = await loadFiles({ 'notes.rst': text });
    const expected = seedUrls(text);
    expect(expected).toHaveLength(58);
    expect(catalog.resources.map((resource) => resource.url).sort()).toEqual([...expected].sort());
    expect(report.errors).toEqual([]);
    const topicsOf = (url: string) => catalog.resources.find((resource) => resource.url === url)?.topics;
    expect(topicsOf('https://levelup.gitconnected.com/spark-on-kubernetes-3d822969f85b')).toEqual([
      ['DevOps', 'Kubernetes', 'Spark on Kubernetes'],
    ]);
    expect(topicsOf('https://www.mlflow.org/docs/latest/tracking.html')).toEqual([
      ['MLOps - Machine learning life cycle', 'MLFlow', 'MLFLow Tracking'],
    ]);
    expect(topicsOf('https://www.youtube.com/watch?v=bhBSlnQcq2k&ab_channel=Amigoscode')).toEqual([
      ['DevOps', 'Docker'],
      ['DevOps', 'Kubernetes'],
    ]);
  });

  it('is fully covered by the shipped catalog', async () => {
    const expected = seedUrls(await readFile(SEED, 'utf8'));
    const { catalog, report } = await loadContent(SHIPPED_CONTENT);
    expect(report).toEqual({ errors: [], warnings: [] });
    expect(catalog.resources.map((resource) => resource.url).sort()).toEqual([...expected].sort());
    expect(catalog.resources.every((resource) => resource.type && resource.description)).toBe(true);
  });
});
