import type { Catalog, Resource, Topic } from '../src/content/types.js';
import { RESOURCE_TYPES } from '../src/content/types.js';

const DEVOPS_WORDS = (
  'deploy cluster container image pipeline registry model tracking experiment metric artifact secret ' +
  'volume network service ingress helm chart operator schedule batch stream queue cache index shard ' +
  'replica backup restore monitor alert trace log dashboard policy quota budget scale autoscale rollout ' +
  'canary blue green feature flag test coverage lint review branch merge release tag version python ' +
  'spark airflow docker kubernetes mlflow jenkins gitlab terraform ansible prometheus grafana kafka'
).split(' ');
const VOCABULARY_SIZE = 30_000;
// The domain words sit among the fairly common ones, as they would in a real team's catalog.
const FIRST_DOMAIN_RANK = 50;

/** Made-up words for the rest of the vocabulary: pronounceable, distinct, never real terms. */
function vocabulary(): string[] {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ne',
    'ru',
    'sa',
    'ti',
    'vo',
    'ze',
    'qu',
    'bra',
    'dri',
    'flu',
    'gre',
  ];
  const words: string[] = [];
  for (let n = 0; words.length < VOCABULARY_SIZE; n++) {
    let word = '';
    for (let rest = n; word.length < 6 || rest > 0; rest = Math.floor(rest / syllables.length)) {
      word += syllables[rest % syllables.length];
    }
    words.push(word);
  }
  words.splice(FIRST_DOMAIN_RANK, 0, ...DEVOPS_WORDS);
  return words;
}

/** Draws ranks by Zipf's law, as word frequencies in real text follow it. */
function zipfSampler(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1) ** 1.05;
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** A deterministic pseudo-random generator, so every run benchmarks the same catalog. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/**
 * A catalog of `count` made-up resources in topics of about a hundred under the shipped
 * ones, with titles and descriptions drawn by Zipf's law from a 30,000-word vocabulary that includes DevOps terms:
 * the shape of a big team's catalog.
 */
export function syntheticCatalog(base: Catalog, count: number): Catalog {
  const random = generator(42);
  const words = vocabulary();
  const rank = zipfSampler(words.length, random);
  const pick = () => words[rank()]!;
  const phrase = (length: number) => Array.from({ length }, pick).join(' ');
  const topics: Topic[] = base.topics.map((topic) => ({
    ...topic,
    childIds: [...topic.childIds],
    resourceIds: [],
  }));
  const leaves = subtopics(topics, Math.ceil(count / RESOURCES_PER_TOPIC), phrase, random);
  const resources: Resource[] = [];
  for (let index = 0; index < count; index++) {
    const topic = leaves[Math.floor(random() * leaves.length)]!;
    const id = `s${index}`;
    resources.push({
      id,
      url: `https://example.org/${index}/${phrase(3).replaceAll(' ', '-')}`,
      title: `${phrase(4)} ${index}`,
      description: `${phrase(12)}.`,
      type: RESOURCE_TYPES[index % RESOURCE_TYPES.length]!,
      topics: [topic.path],
      topicIds: [topic.id],
      source: { file: 'synthetic.md', line: index + 1 },
      order: index,
    });
    topic.resourceIds.push(id);
  }
  const allTopics = [...topics, ...leaves];
  return {
    resources,
    topics: allTopics,
    rootTopicIds: base.rootTopicIds,
    resourcesById: new Map(resources.map((resource) => [resource.id, resource])),
    topicsById: new Map(allTopics.map((topic) => [topic.id, topic])),
  };
}

// A catalog this big is organised in many small topics, as a person could browse it.
const RESOURCES_PER_TOPIC = 100;

/** `count` new topics, each named by two made-up words, under the existing ones. */
function subtopics(
  parents: Topic[],
  count: number,
  phrase: (length: number) => string,
  random: () => number,
): Topic[] {
  return Array.from({ length: count }, (_, index) => {
    const parent = parents[Math.floor(random() * parents.length)]!;
    const name = `${phrase(2)} ${index}`;
    const topic: Topic = {
      id: `${parent.id}/synthetic-${index}`,
      name,
      path: [...parent.path, name],
      summary: '',
      aliases: [],
      parentId: parent.id,
      childIds: [],
      resourceIds: [],
      source: { file: 'synthetic.md', line: 1 },
    };
    parent.childIds.push(topic.id);
    return topic;
  });
}
