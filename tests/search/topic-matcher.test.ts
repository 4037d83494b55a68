import { describe, expect, it } from 'vitest';
import type { Topic } from '../../src/content/types.js';
import { splitWords } from '../../src/search/text.js';
import { TopicMatcher } from '../../src/search/topic-matcher.js';

function makeTopic(name: string, resources = 1): Topic {
  const id = name.toLowerCase().replaceAll(' ', '-');
  return {
    id,
    name,
    path: [name],
    summary: '',
    aliases: [],
    childIds: [],
    resourceIds: Array.from({ length: resources }, (_, index) => `${id}-${index}`),
    source: { file: 'topics.md', line: 1 },
  };
}

function namesIn(matcher: TopicMatcher, text: string, known?: (word: string) => boolean): string[] {
  return matcher.findMentions(splitWords(text), known).map((mention) => mention.topic.name);
}

describe('finding topic names in words', () => {
  // Many names sharing their first word, as in a big catalog's topics.
  const matcher = new TopicMatcher([
    makeTopic('Model'),
    makeTopic('Model serving'),
    makeTopic('Model serving on GPUs'),
    makeTopic('Model registry'),
    ...Array.from({ length: 200 }, (_, index) => makeTopic(`Model batch ${index}`)),
  ]);

  it('reads the longest name written among names that share their first words', () => {
    expect(namesIn(matcher, 'model serving on gpus today')).toEqual(['Model serving on GPUs']);
    expect(namesIn(matcher, 'model serving in docker')).toEqual(['Model serving']);
    expect(namesIn(matcher, 'a model registry')).toEqual(['Model registry']);
    expect(namesIn(matcher, 'model batch 17 then model')).toEqual(['Model batch 17', 'Model']);
  });

  it('reads the later of two overlapping names, and a name in the words before it', () => {
    const topic = (name: string, id: string, aliases: string[] = []) => ({
      ...makeTopic(name),
      id,
      aliases,
    });
    const matcher = new TopicMatcher([
      topic('MLflow', 'mlflow'),
      topic('MLflow Tracking', 'mlflow/mlflow-tracking'),
      topic('MLflow Server', 'mlflow/mlflow-server', ['tracking server']),
      topic('Docker', 'docker'),
      topic('Docker image', 'docker-image'),
      topic('Image registry', 'image-registry'),
    ]);
    const mentions = (text: string) =>
      matcher
        .findMentions(splitWords(text))
        .map(({ topic: { name }, start, end }) => `${name} ${start}-${end}`);
    // A topic above the later one joins its mention; any other topic keeps its own.
    expect(mentions('setting up the mlflow tracking server')).toEqual(['MLflow Server 3-6']);
    expect(mentions('a docker image registry')).toEqual(['Docker 1-2', 'Image registry 2-4']);
    expect(mentions('mlflow tracking for experiments')).toEqual(['MLflow Tracking 0-2']);
    expect(mentions('a tracking server for mlflow')).toEqual(['MLflow Server 1-3', 'MLflow 4-5']);
  });

  it('prefers the topic with more resources when two share a name', () => {
    const shared = new TopicMatcher([makeTopic('Pipelines', 1), makeTopic('Pipelines', 5)]);
    const [mention] = shared.findMentions(['pipelines']);
    expect(mention!.topic.resourceIds).toHaveLength(5);
  });

  it('reads a name with a typo in a later word only when that word is unknown', () => {
    const names = new TopicMatcher([makeTopic('Model registry'), makeTopic('Model serving')]);
    const typo = 'model regsitry';
    expect(namesIn(names, typo, (word) => word === 'model')).toEqual(['Model registry']);
    // Every word known, as when indexing a resource's own text: no typo is read into it.
    expect(namesIn(names, typo, () => true)).toEqual([]);
  });
});
