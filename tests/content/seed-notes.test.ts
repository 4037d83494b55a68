import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../support/content.js';
import { SEED_NOTES as SEED, seedUrls } from '../support/content-checks.js';

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
});
