import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { DocumentSet } from '../../src/search/document-set.js';
import { IndexPostings } from '../../src/search/index-postings.js';
import { IndexSearcher } from '../../src/search/index-searcher.js';
import { indexOptions, type IndexedResource } from '../../src/search/indexed-resource.js';
import { readInternals } from '../../src/search/minisearch-internals.js';
import { unitQuery, type QueryUnit } from '../../src/search/query-unit.js';

// Words that share beginnings (prefix matches) and sit a letter apart (typo matches).
const WORDS = (
  'deploy deployment pipeline pipelines cluster kubernetes docker dockerfile registry register ' +
  'model models tracking experiment secret helm chart'
).split(' ');

function indexed(count: number) {
  let state = 11;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const phrase = (length: number) =>
    Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const known = new Set<string>();
  let gathering = true;
  const hasWord = (term: string) => known.has(term);
  const search = new MiniSearch<IndexedResource>(
    indexOptions(hasWord, (term) => gathering && known.add(term)),
  );
  search.addAll(
    Array.from({ length: count }, (_, index) => ({
      id: `r${index}`,
      title: phrase(2 + (index % 3)),
      topic: index % 4 === 0 ? 'Kubernetes' : 'MLflow Model Registry',
      aliases: '',
      mentions: '',
      description: phrase(4 + (index % 7)),
      slug: phrase(2),
      type: '',
    })),
  );
  gathering = false;
  const internals = readInternals(search);
  const searcher = new IndexSearcher(internals);
  return { internals, searcher, postings: new IndexPostings(internals, searcher.words, hasWord) };
}

/** Units of one or two phrasings, a phrasing of one to three words, some in the title only. */
function unitSets(count: number): QueryUnit[][] {
  let state = 5;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!.slice(0, 4 + Math.floor(next() * 6));
  const phrasing = () => Array.from({ length: 1 + Math.floor(next() * 3) }, pick);
  return Array.from({ length: count }, (_, index) =>
    Array.from({ length: 1 + (index % 3) }, (_, position) => ({
      alternatives: Array.from({ length: 1 + Math.floor(next() * 2) }, phrasing),
      kind: position === 0 ? ('word' as const) : ('topic' as const),
      ...(next() < 0.3 ? { fields: ['title'] } : {}),
    })),
  );
}

describe('the resources an AND search of some units could return, read from the postings', () => {
  const { internals, searcher, postings } = indexed(300);

  it('are exactly those the search returns, phrasings and prefixes included', () => {
    let nonEmpty = 0;
    for (const units of unitSets(120)) {
      for (const fuzzy of [false, true]) {
        const query = { combineWith: 'AND' as const, queries: units.map(unitQuery) };
        const returned = searcher
          .search(query, fuzzy ? {} : { fuzzy: false })
          .map((result) => internals._idToShortId.get(String(result.id))!);
        const candidates = postings.resourcesMatchingEvery(units, { fuzzy });
        expect([...candidates.ascending()]).toEqual(returned.sort((a, b) => a - b));
        if (returned.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it('keep to the allowed resources', () => {
    const allow = new DocumentSet(internals._nextId);
    for (let shortId = 0; shortId < internals._nextId; shortId += 3) allow.add(shortId);
    let compared = 0;
    for (const units of unitSets(60)) {
      const query = { combineWith: 'AND' as const, queries: units.map(unitQuery) };
      const returned = searcher
        .search(query, { fuzzy: false }, allow)
        .map((result) => internals._idToShortId.get(String(result.id))!);
      const candidates = postings.resourcesMatchingEvery(units, { fuzzy: false, allow });
      expect([...candidates.ascending()]).toEqual(returned.sort((a, b) => a - b));
      compared += returned.length;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
