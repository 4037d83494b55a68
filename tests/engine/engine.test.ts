import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/answer.js';
import { engineWithGuides, fixtureEngine, loadFiles } from '../support/content.js';

function urls(answer: Answer): string[] {
  return 'results' in answer ? answer.results.map((result) => result.resource.url) : [];
}

describe('the answer engine', () => {
  it('answers the empty query and "help" with help generated from the commands', async () => {
    const engine = await fixtureEngine();
    for (const query of ['', '  ', 'help']) {
      const answer = engine.answer(query);
      expect(answer.kind).toBe('help');
      expect(answer.kind === 'help' && answer.commands.map((command) => command.name)).toEqual([
        'help',
        'topics',
        'part',
        'ask',
      ]);
    }
  });

  it('counts, for a topic with nothing filed under it, the resources that name it', async () => {
    const answer = (await fixtureEngine()).answer('topics');
    if (answer.kind !== 'topics') throw new Error(answer.kind);
    const cicd = answer.tree
      .flatMap((node) => node.children)
      .find((node) => node.name === 'CI/CD')!;
    expect(cicd.children.find((node) => node.name === 'Jenkins')!.count).toBe(2);
  });

  it('lists a topic in the order written under it: a resource filed first elsewhere does not jump ahead', async () => {
    const listed = urls((await fixtureEngine()).answer('kubernetes', { pageSize: 10 }));
    expect(listed[0]).toBe('https://clusters.example.org/pods');
    expect(listed.indexOf('https://video.example.com/watch?v=containers-clusters')).toBeGreaterThan(
      listed.indexOf('https://docs.example.org/kubernetes/'),
    );
  });

  it('lists the topic tree with resource counts, a resource filed twice counted once', async () => {
    const answer = (await fixtureEngine()).answer('topics');
    if (answer.kind !== 'topics') throw new Error(answer.kind);
    const platform = answer.tree.find((node) => node.name === 'Platform')!;
    const docker = platform.children.find((node) => node.name === 'Docker')!;
    const kubernetes = platform.children.find((node) => node.name === 'Kubernetes')!;
    expect(docker.count).toBe(7);
    expect(kubernetes.count).toBe(7);
    expect(platform.count).toBeLessThan(
      platform.children.reduce((sum, node) => sum + node.count, 0),
    );
  });

  it('answers a topic alias with the topic, its summary, and its series in order', async () => {
    const answer = (await fixtureEngine()).answer('k8s', { pageSize: 10 });
    if (answer.kind !== 'topic') throw new Error(answer.kind);
    expect(answer.topic.name).toBe('Kubernetes');
    expect(answer.topic.summary).not.toBe('');
    const parts = answer.results.map((result) => result.resource.series?.part).filter(Boolean);
    expect(parts).toEqual([1, 2, 3]);
    expect(answer.subtopics.map((topic) => topic.name)).toEqual(['Helm']);
  });

  it('includes resources of subtopics after the topic’s own', async () => {
    const answer = (await fixtureEngine()).answer('kubernetes', { pageSize: 20 });
    expect(urls(answer).at(-1)).toContain('helm-charts');
  });

  it('scopes the other words of a query to the topic it names', async () => {
    const answer = (await fixtureEngine()).answer('kubernetes cronjobs');
    expect(answer).toMatchObject({ kind: 'search', topic: { name: 'Kubernetes' } });
    expect(urls(answer)[0]).toBe('https://clusters.example.org/cronjobs');
  });

  it('falls back to a search for the name of a topic with no resources of its own', async () => {
    const answer = (await fixtureEngine()).answer('jenkins');
    expect(answer).toMatchObject({ kind: 'topic', topic: { name: 'Jenkins' }, viaSearch: true });
    expect(urls(answer).length).toBeGreaterThan(0);
    expect(urls(answer).every((url) => url.startsWith('https://pipeline.example.com/'))).toBe(true);
  });

  it('answers free text with ranked resources carrying their topic breadcrumb', async () => {
    const answer = (await fixtureEngine()).answer('tensorflow');
    expect(answer.kind).toBe('search');
    const first = answer.kind === 'search' ? answer.results[0]! : undefined;
    expect(first?.resource.topics).toEqual([['MLOps', 'Experiment Tracking']]);
    expect(first?.score).toBeGreaterThan(0);
  });

  it('returns no resources and the closest topics for a query the catalog cannot answer', async () => {
    const answer = (await fixtureEngine()).answer('kubernetse swarm operators');
    expect(answer.kind).toBe('none');
    expect(answer.kind === 'none' && answer.suggestions[0]!.name).toBe('Kubernetes');
  });

  it('says which topic it read a misspelt name as, and says nothing for a name spelt right', async () => {
    const engine = await fixtureEngine();
    expect(engine.answer('dokcer')).toMatchObject({
      kind: 'topic',
      topic: { name: 'Docker' },
      readFrom: 'dokcer',
    });
    expect(engine.answer('docker')).not.toHaveProperty('readFrom');
  });

  it('reads a topic named twice as that one topic', async () => {
    const answer = (await fixtureEngine()).answer('docker docker');
    expect(answer).toMatchObject({ kind: 'topic', topic: { name: 'Docker' } });
  });

  it('does not allow typos in short words', async () => {
    const engine = await fixtureEngine();
    expect(engine.answer('dock').kind).not.toBe('none');
    expect(engine.answer('pids').kind).toBe('none');
  });

  it('pages through long answers and clamps a page past the end', async () => {
    const engine = await engineWithGuides(12);
    const first = engine.answer('guides', { pageSize: 5 });
    const third = engine.answer('guides', { pageSize: 5, page: 3 });
    const beyond = engine.answer('guides', { pageSize: 5, page: 9 });
    expect('page' in first && first.page).toEqual({
      number: 1,
      size: 5,
      totalResults: 12,
      totalPages: 3,
    });
    expect(urls(third)).toEqual(['https://guides.example.org/11', 'https://guides.example.org/12']);
    expect('page' in beyond && beyond.page.number).toBe(3);
  });

  it('resolves aliases on the content side: a description saying "k8s" is found by "kubernetes"', async () => {
    const { catalog } = await loadFiles({
      'a.md':
        '# Ops\n\n## Kubernetes\n\nClusters.\n\n## Tools\n\nOther tools.\n\n- [Helm charts](https://helm.example.org/) — Package apps for k8s clusters. (docs)\n',
      'aliases.yml': 'Kubernetes: [k8s]\n',
    });
    const answer = createEngine(catalog).answer('helm kubernetes');
    expect(urls(answer)).toEqual(['https://helm.example.org/']);
  });
});
