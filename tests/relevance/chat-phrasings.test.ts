import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/engine.js';
import { shippedEngine } from '../support/content.js';
import { runCliInProcess } from '../support/cli.js';

describe('the shipped catalog, asked the way people ask', () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    engine = await shippedEngine();
  });

  it.each([
    ['docker tutorial', 'Docker'],
    ['kubernetes for beginners', 'Kubernetes'],
    ['openshift learning', 'OpenShift'],
    ['best resource for airflow', 'Airflow'],
    ['where can I learn airflow?', 'Airflow'],
  ])('answers "%s" with the %s topic', (query, topic) => {
    const answer = engine.answer(query);
    expect(answer).toMatchObject({ kind: 'topic', topic: { name: topic } });
    expect('results' in answer && answer.results.length).toBeGreaterThan(0);
  });

  it('puts a video first for "any good video on kubernetes?" and the docs first for "kubernetes docs"', () => {
    const video = engine.answer('any good video on kubernetes?');
    expect('results' in video && video.results[0]!.resource.type).toBe('video');
    const docs = engine.answer('kubernetes docs');
    expect('results' in docs && docs.results[0]!.resource.url).toContain('kubernetes.io');
  });

  it('answers "list of sonar rules for python" with SonarQube resources', () => {
    const answer = engine.answer('list of sonar rules for python');
    expect('results' in answer && answer.results[0]!.resource.url).toContain(
      'sonarsource.com/python',
    );
  });

  it.each([
    'dvc remote storage',
    'circleci config',
    'azure functions',
    'helm chart',
    'terraform',
    'kafka streaming',
  ])('answers "%s" with no resources and some suggestions', (query) => {
    const answer = engine.answer(query);
    expect(answer.kind).toBe('none');
    expect(answer.kind === 'none' && answer.suggestions.length).toBeGreaterThan(0);
  });

  it('explains a query from the CLI: how it was read, the steps, and each score', async () => {
    const { code, stdout } = await runCliInProcess([
      'ask',
      '--explain',
      'hey, any video on k8s jobs?',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('topics: Kubernetes');
    expect(stdout).toContain('subject words: jobs');
    expect(stdout).toContain('resource types asked for: video');
    expect(stdout).toContain('filler dropped: hey');
    expect(stdout).toMatch(/Steps:\n {2}1\. searched Kubernetes/);
    expect(stdout).toMatch(/matched: job \(/);
  });

  it('keeps the ask --json contract when explaining, and adds the explanation beside it', async () => {
    const { stdout } = await runCliInProcess(['ask', '--json', '--explain', 'terraform']);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual([
      'query',
      'kind',
      'topic',
      'results',
      'suggestions',
      'explanation',
    ]);
    expect(answer.explanation.steps[0]).toContain('“terraform”');
  });
});
