import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/engine.js';
import { understandingEngine, urlsOf } from './understanding-fixture.js';

describe('reading a chat message as a query', () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    engine = await understandingEngine();
  });

  it('answers a topic plus a learning word with the topic, like the topic alone', () => {
    for (const query of [
      'containers tutorial',
      'containers for beginners',
      'learn containers',
      'best containers resources',
    ]) {
      const answer = engine.answer(query);
      expect(answer, query).toMatchObject({ kind: 'topic', topic: { name: 'Containers' } });
      expect(urlsOf(answer), query).toEqual(urlsOf(engine.answer('containers')));
    }
  });

  it('reads a topic named beside one below it as the one below, and keeps two apart', () => {
    const names = (query: string) => engine.read(query).topics.map(({ topic }) => topic.name);
    expect(names('the runner for our pipelines')).toEqual(['Runner']);
    expect(engine.answer('the runner for our pipelines')).toMatchObject({
      kind: 'topic',
      topic: { name: 'Runner' },
    });
    expect(names('containers and orchestration')).toEqual([
      'Containers',
      'Orchestration (or Schedulers)',
    ]);
  });

  it('drops greetings, politeness and emoji around the question', () => {
    const { parsed, answer } = engine.explain(
      'hey, does anyone have a link about containers?? thanks :) :tada:',
    );
    expect(answer).toMatchObject({ kind: 'topic', topic: { name: 'Containers' } });
    expect(parsed!.filler).toEqual(expect.arrayContaining(['hey', 'does anyone have', 'thanks']));
    expect(parsed!.subjects).toEqual([]);
  });

  it('ranks the asked-for resource type first without dropping the rest', () => {
    const video = engine.answer('any good video on containers?');
    expect(urlsOf(video)[0]).toBe('https://example.org/containers/video');
    expect(urlsOf(video)).toHaveLength(4);
    expect(urlsOf(engine.answer('containers docs'))[0]).toBe(
      'https://example.org/containers/reference',
    );
    expect(urlsOf(engine.answer('orchestration hands-on practice'))[0]).toBe(
      'https://example.org/orchestration/lab',
    );
  });

  it('answers "X vs Y" with resources from both sides', () => {
    const { parsed, answer } = engine.explain('containers vs orchestration');
    expect(parsed!.sides!.map((side) => side.text)).toEqual(['containers', 'orchestration']);
    const firstTwo = urlsOf(answer).slice(0, 2);
    expect(firstTwo.some((url) => url.includes('/containers/'))).toBe(true);
    expect(firstTwo.some((url) => url.includes('/orchestration/'))).toBe(true);
    const between = engine.explain('what is the difference between containers and orchestration');
    expect(between.parsed!.sides).toHaveLength(2);
  });

  it('meets word forms through the stemmer: pushing, deployments, scheduled', () => {
    expect(urlsOf(engine.answer('pushing images to the cloud'))[0]).toBe(
      'https://example.org/containers/push',
    );
    expect(urlsOf(engine.answer('deployed images on each push'))[0]).toBe(
      'https://example.org/pipelines/deploy',
    );
    expect(urlsOf(engine.answer('scheduled batch job'))[0]).toBe(
      'https://example.org/orchestration/jobs',
    );
  });

  it('runs a command only when the whole message is that command', () => {
    expect(engine.answer('topics').kind).toBe('topics');
    expect(engine.answer('list').kind).toBe('topics');
    expect(engine.answer('help?').kind).toBe('help');
    const listOf = engine.answer('list of image build options');
    expect(listOf.kind).toBe('search');
    expect(urlsOf(listOf)[0]).toBe('https://example.org/containers/reference');
    expect(engine.answer('hi there').kind).toBe('help');
  });

  it('answers nothing, with suggestions, when the subject is a word no resource has', () => {
    for (const query of ['terraform', 'terraform modules', 'kafka streaming', 'containers swarm']) {
      const answer = engine.answer(query);
      expect(answer.kind, query).toBe('none');
      expect(answer.kind === 'none' && answer.suggestions.length, query).toBeGreaterThan(0);
    }
    const swarm = engine.answer('containers swarm');
    expect(swarm.kind === 'none' && swarm.suggestions[0]!.name).toBe('Containers');
  });

  it('answers the rest of a question whose unknown word is only a detail, and says so', () => {
    const answer = engine.answer('scheduling batch jobs with postgres on the cluster');
    expect(urlsOf(answer)[0]).toBe('https://example.org/orchestration/jobs');
    expect('notes' in answer && answer.notes?.join(' ')).toContain('“postgres”');
  });

  it('sets aside a closing clause about the asker unless it narrows the answer', () => {
    const intern = engine.explain('containers for the new intern');
    expect(intern.parsed!.context).toEqual(['intern']);
    expect(intern.answer).toMatchObject({ kind: 'topic', topic: { name: 'Containers' } });
    const narrowed = engine.answer('containers for a cloud registry');
    expect(urlsOf(narrowed)[0]).toBe('https://example.org/containers/push');
  });

  it('widens to the whole catalog when the named topic lacks every word asked', () => {
    const answer = engine.answer('containers batch jobs');
    expect(answer.kind).toBe('search');
    expect(urlsOf(answer)[0]).toBe('https://example.org/orchestration/jobs');
    expect('notes' in answer && answer.notes?.[0]).toContain('whole catalog');
  });

  it('falls back to the topic with a note when nothing anywhere answers the extra word', () => {
    const answer = engine.answer('containers retry');
    expect(answer).toMatchObject({ kind: 'topic', topic: { name: 'Containers' } });
    expect('notes' in answer && answer.notes?.[0]).toBe(
      'Nothing about “retry” in Containers; here is the topic.',
    );
  });

  it('finds an empty topic by its name, also with extra words', () => {
    for (const query of ['runner', 'runner pipeline tutorial']) {
      expect(urlsOf(engine.answer(query)), query).toContain('https://example.org/pipelines/deploy');
    }
  });

  it('answers to the short names a heading implies', () => {
    expect(engine.answer('schedulers')).toMatchObject({
      kind: 'topic',
      topic: { name: 'Orchestration (or Schedulers)' },
    });
    expect(engine.answer('orchestration')).toMatchObject({
      kind: 'topic',
      topic: { name: 'Orchestration (or Schedulers)' },
    });
  });

  it('reads only the first 500 characters of a very long message, and says so', () => {
    const answer = engine.answer('containers ' + 'x'.repeat(20_000));
    expect('notes' in answer && answer.notes).toContain(
      'Your message was cut to its first 500 characters.',
    );
    const explained = engine.explain('containers ' + 'x'.repeat(20_000));
    expect(explained.parsed!.text).toHaveLength(500);
  });

  it('explains each step and each result score', () => {
    const { steps, answer } = engine.explain('pushing images');
    expect(steps[0]).toMatch(/searched the whole catalog/);
    expect('results' in answer && answer.results[0]!.match).toMatchObject({
      push: expect.any(Array),
    });
  });
});

describe('the content folder vocabulary', () => {
  it('adds a team’s own learning words to the defaults', async () => {
    const without = await understandingEngine();
    expect(without.answer('containers playbook').kind).toBe('none');
    const withWord = await understandingEngine({ 'vocabulary.yml': 'generic:\n  - playbook\n' });
    expect(withWord.answer('containers playbook')).toMatchObject({
      kind: 'topic',
      topic: { name: 'Containers' },
    });
    expect(withWord.answer('containers tutorial').kind).toBe('topic');
  });

  it('reads type words and filler from the file', async () => {
    const engine = await understandingEngine({
      'vocabulary.yml': 'types:\n  video: [clip]\nfiller: [yall]\n',
    });
    expect(urlsOf(engine.answer('yall, a clip on containers'))[0]).toBe(
      'https://example.org/containers/video',
    );
  });
});

describe('problems in vocabulary.yml', () => {
  it('reports an unknown key or type with its file and line, and keeps the defaults', async () => {
    const { loadFiles } = await import('../support/content.js');
    const { report, catalog } = await loadFiles({
      'notes.md': '# Area\n\nA summary.\n',
      'vocabulary.yml': 'generic:\n  - playbook\nsynonyms:\n  - x\ntypes:\n  podcast: [listen]\n',
    });
    const messages = report.errors.map((error) => `${error.line}: ${error.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^3: Unknown key "synonyms"/),
      expect.stringMatching(/^6: Unknown resource type "podcast"/),
    ]);
    expect(report.errors.every((error) => error.file.endsWith('vocabulary.yml'))).toBe(true);
    expect(catalog.vocabulary!.generic).toContain('playbook');
    expect(catalog.vocabulary!.generic).toContain('tutorial');
  });
});

describe('raw notes without an aliases file', () => {
  it('answer to the short forms their headings imply', async () => {
    const { loadFiles } = await import('../support/content.js');
    const { createEngine } = await import('../../src/engine/engine.js');
    const { catalog } = await loadFiles({
      'notes.rst': [
        'CICD developement',
        '=================',
        '',
        '- https://example.org/pipelines : how a delivery pipeline builds and ships',
        '',
        'MLOps - Machine learning life cycle',
        '===================================',
        '',
        '- https://example.org/mlops : the life cycle of a model',
        '',
        'SonarQube (or SonarCloud, SonarLint): static code analysis',
        '----------------------------------------------------------',
        '',
        '- https://example.org/sonar : static analysis in a pipeline',
        '',
      ].join('\n'),
    });
    const engine = createEngine(catalog);
    const topicOf = (query: string) => {
      const answer = engine.answer(query);
      return answer.kind === 'topic' ? answer.topic.name : answer.kind;
    };
    expect(topicOf('cicd')).toBe('CICD developement');
    expect(topicOf('ci/cd')).toBe('CICD developement');
    expect(topicOf('mlops')).toBe('MLOps - Machine learning life cycle');
    expect(topicOf('sonarqube')).toBe('SonarQube (or SonarCloud, SonarLint): static code analysis');
    expect(topicOf('sonarcloud')).toBe(
      'SonarQube (or SonarCloud, SonarLint): static code analysis',
    );
  });
});
