import { describe, expect, it } from 'vitest';
import { completeQuery } from '../../src/engine/autocomplete.js';
import { createEngine } from '../../src/engine/engine.js';
import { engineWithGuides, fixtureEngine, loadFiles } from '../support/content.js';

function values(suggestions: { value: string }[]): string[] {
  return suggestions.map((suggestion) => suggestion.value);
}

describe('query autocompletion', () => {
  it('suggests the top-level topics and their children when nothing is typed', async () => {
    const suggestions = completeQuery(await fixtureEngine(), '  ');
    expect(values(suggestions)).toEqual([
      'MLOps',
      'Experiment Tracking',
      'Platform',
      'Docker',
      'Kubernetes',
      'CI/CD',
    ]);
    expect(suggestions[4]!.name).toBe('Platform › Kubernetes · 7 resources');
  });

  it('puts the topic whose name starts with the text first, then resource titles', async () => {
    const suggestions = completeQuery(await fixtureEngine(), 'kube');
    expect(values(suggestions)[0]).toBe('Kubernetes');
    expect(values(suggestions)).toContain('Kubernetes reference documentation');
  });

  it('finds a topic by one of its aliases', async () => {
    expect(values(completeQuery(await fixtureEngine(), 'k8s'))[0]).toBe('Kubernetes');
    expect(values(completeQuery(await fixtureEngine(), 'registry'))[0]).toBe('Model Registry');
  });

  it('offers at most 25 suggestions, or fewer when asked', async () => {
    const engine = await engineWithGuides(30);
    expect(completeQuery(engine, 'guides')).toHaveLength(25);
    expect(completeQuery(engine, 'guides', 5)).toHaveLength(5);
  });

  it('keeps every name and value within 100 characters', async () => {
    const longTitle = `Kubernetes ${'operators and controllers '.repeat(8)}explained`;
    const { catalog } = await loadFiles({
      'long.md': `# Kubernetes ${'and friends '.repeat(10)}\n\n- [${longTitle}](https://example.org/k8s) — A long read. (article)\n`,
    });
    const suggestions = completeQuery(createEngine(catalog), 'kubernetes');
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    for (const { name, value } of suggestions) {
      expect([...name].length).toBeLessThanOrEqual(100);
      expect([...value].length).toBeLessThanOrEqual(100);
      expect(name.length).toBeGreaterThan(0);
    }
    expect(values(suggestions)).toContainEqual(expect.stringMatching(/^Kubernetes operators .*…$/));
  });

  it('suggests nothing for text no topic or resource matches', async () => {
    expect(completeQuery(await fixtureEngine(), 'xyzzy plugh')).toEqual([]);
  });
});
