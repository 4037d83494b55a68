import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { ResourceIndex, wordUnit } from '../../src/search/resource-index.js';
import { TopicMatcher } from '../../src/search/topic-matcher.js';
import { FIXTURE_CATALOG } from '../support/content.js';

const WORDS = ['docker', 'kubernetes cronjob', 'experiment tracking', 'dokcer images'];

async function fixtureIndex() {
  const { catalog } = await loadContent(FIXTURE_CATALOG);
  const topics = new TopicMatcher(catalog.topics);
  return { catalog, topics, fresh: new ResourceIndex(catalog, topics) };
}

/** What a search finds, as plain data: ids and scores in order. */
function found(index: ResourceIndex, words: string): [string, number][] {
  return index
    .find(words.split(' ').map(wordUnit))
    .map((result) => [result.resource.id, result.score]);
}

describe('a ResourceIndex restored from its saved form', () => {
  it('finds what the index it was saved from finds, and saves the same again', async () => {
    const { catalog, topics, fresh } = await fixtureIndex();
    const saved = fresh.toJSON();
    const restored = new ResourceIndex(catalog, topics, saved);
    // Saved again before any search restored it: the same data.
    expect(restored.toJSON()).toEqual(saved);
    for (const words of WORDS) expect(found(restored, words), words).toEqual(found(fresh, words));
    const savedAgain = new ResourceIndex(catalog, topics, restored.toJSON());
    for (const words of WORDS) expect(found(savedAgain, words), words).toEqual(found(fresh, words));
  });

  it('refuses at once a saved index without the shape MiniSearch restores from', async () => {
    const { catalog, topics, fresh } = await fixtureIndex();
    const saved = fresh.toJSON();
    const damaged = { ...saved, search: { ...saved.search, serializationVersion: 7 } };
    expect(() => new ResourceIndex(catalog, topics, damaged)).toThrow(/index the catalog again/);
  });

  it('indexes the catalog again when MiniSearch cannot read a saved index of the right shape', async () => {
    const { catalog, topics, fresh } = await fixtureIndex();
    const saved = fresh.toJSON();
    const damaged = {
      search: { ...saved.search, index: [['docker']] as unknown as typeof saved.search.index },
      documentFrequency: [['docker', 999]] as [string, number][],
    };
    const restored = new ResourceIndex(catalog, topics, damaged);
    for (const words of WORDS) expect(found(restored, words), words).toEqual(found(fresh, words));
    // Counted afresh from the catalog, not from the damaged file.
    expect(restored.toJSON().documentFrequency).toEqual(saved.documentFrequency);
  });
});
