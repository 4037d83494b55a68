import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { DocumentSet } from '../../src/search/document-set.js';
import { IndexSearcher } from '../../src/search/index-searcher.js';
import { indexOptions, type IndexedResource } from '../../src/search/indexed-resource.js';
import { readInternals } from '../../src/search/minisearch-internals.js';

// Words that share beginnings (prefix matches), sit a letter apart (typo matches) and repeat
// within a field (term frequency), in fields of uneven length: what the scores depend on.
const WORDS = (
  'deploy deployment deploying pipeline pipelines cluster clusters kubernetes docker dockerfile ' +
  'registry register model models tracking tracker experiment secret secrets helm chart charts'
).split(' ');

function documents(count: number): IndexedResource[] {
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const phrase = (length: number) =>
    Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, index) => ({
    id: `r${index}`,
    title: phrase(2 + (index % 4)),
    topic: index % 3 === 0 ? 'Kubernetes' : 'MLflow Model Registry',
    aliases: index % 5 === 0 ? 'k8s kube' : '',
    mentions: index % 7 === 0 ? 'Docker' : '',
    description: phrase(5 + (index % 9)),
    slug: phrase(2),
    type: index % 2 === 0 ? 'tutorial Tutorial' : '',
  }));
}

function indexOf(docs: IndexedResource[]): MiniSearch<IndexedResource> {
  return indexAndRestorer(docs).search;
}

/** An index of `docs`, and how to restore a saved copy of it with the same options. */
function indexAndRestorer(docs: IndexedResource[]) {
  const known = new Set<string>();
  let gathering = true;
  const options = indexOptions(
    (term) => known.has(term),
    (term) => gathering && known.add(term),
  );
  const search = new MiniSearch<IndexedResource>(options);
  search.addAll(docs);
  gathering = false;
  const restore = (saved: string) => MiniSearch.loadJSON<IndexedResource>(saved, options);
  return { search, restore };
}

/** What a comparison looks at: everything but the fields each matched word lists. */
function essentials(results: SearchResult[]) {
  return results.map(({ id, score, terms, queryTerms }) => ({ id, score, terms, queryTerms }));
}

const QUERIES: { query: Query; options: SearchOptions }[] = [
  { query: 'deploy', options: {} },
  { query: 'deployment pipeline', options: { combineWith: 'AND' } },
  { query: 'kubernets dokcer', options: {} },
  {
    query: {
      combineWith: 'AND',
      queries: [
        {
          combineWith: 'OR',
          queries: [{ combineWith: 'AND', queries: ['model', 'regist'] }, 'tracking'],
          fields: ['title', 'description'],
        },
        'helm',
      ],
    },
    options: { fuzzy: false },
  },
  {
    query: { combineWith: 'OR', queries: ['secrets chart', 'experimnt'] },
    options: { prefix: (term: string) => term.length >= 6, fields: ['title', 'slug', 'type'] },
  },
  { query: 'k8s tutorial docker', options: { combineWith: 'AND', prefix: false } },
  {
    // A document left out by the AND_NOT but found by the other query keeps only that one's words.
    query: {
      combineWith: 'OR',
      queries: [{ combineWith: 'AND_NOT', queries: ['deploy', 'cluster'] }, 'helm chart'],
    },
    options: {},
  },
];

/** Our search's results are MiniSearch's: ids, scores, order, terms; every field MiniSearch lists. */
function expectSameResults(actual: SearchResult[], expected: SearchResult[]): void {
  expect(essentials(actual)).toEqual(essentials(expected));
  actual.forEach((result, index) => {
    const theirs = expected[index]!.match as Record<string, string[]>;
    expect(Object.keys(result.match)).toEqual(Object.keys(theirs));
    // MiniSearch keeps one combined query's fields for a word; every one of them is listed.
    for (const [word, fields] of Object.entries(theirs)) {
      expect(result.match[word]).toEqual(expect.arrayContaining(fields));
    }
  });
}

describe("MiniSearch's search run over its index by IndexSearcher", () => {
  const docs = documents(400);
  const search = indexOf(docs);
  const internals = readInternals(search);

  it('gives what MiniSearch gives for every query, the first time and again from what it remembers', () => {
    const searcher = new IndexSearcher(internals);
    for (const round of [1, 2]) {
      let compared = 0;
      for (const { query, options } of QUERIES) {
        const expected = search.search(query, options);
        expectSameResults(searcher.search(query, options), expected);
        compared += expected.length;
      }
      expect(compared, `round ${round}`).toBeGreaterThan(100);
    }
  });

  it('follows weights given for one search instead of what it remembers for the index', () => {
    const searcher = new IndexSearcher(internals);
    const options = { combineWith: 'OR' as const };
    expectSameResults(
      searcher.search('experimnt regist', options),
      search.search('experimnt regist', options),
    );
    const weights = { prefix: 0.9, fuzzy: 0.1 };
    const reweighted = search.search('experimnt regist', { ...options, weights });
    expectSameResults(searcher.search('experimnt regist', { ...options, weights }), reweighted);
    const scores = (results: SearchResult[]) => results.map((result) => result.score);
    expect(scores(reweighted)).not.toEqual(scores(search.search('experimnt regist', options)));
  });
});

describe('options IndexSearcher reads as MiniSearch does', () => {
  const search = indexOf(documents(200));
  const searcher = new IndexSearcher(readInternals(search));

  it('fills weights a search leaves out with MiniSearch defaults', () => {
    const options = { weights: { fuzzy: 0.1 } } as SearchOptions;
    const expected = search.search('experimnt regist', options);
    expect(expected.length).toBeGreaterThan(0);
    expectSameResults(searcher.search('experimnt regist', options), expected);
  });

  it('refuses boostDocument and filter, which it would otherwise ignore', () => {
    expect(() => searcher.search('deploy', { boostDocument: () => 1 })).toThrow(/admits/);
    expect(() => searcher.search('deploy', { filter: () => true })).toThrow(/admits/);
  });
});

describe('a search that scores only admitted documents', () => {
  const { search: built, restore } = indexAndRestorer(documents(400));
  // Restored from saved JSON, as a start from the index cache restores it.
  const restored = restore(JSON.stringify(built));
  const admitSets: [string, (index: number) => boolean][] = [
    ['every document', () => true],
    ['every third', (index) => index % 3 === 0],
    ['a scattered few', (index) => (index * 37) % 100 < 9],
    // Far fewer than a common word's postings: each one is looked up instead of walking them.
    ['a handful', (index) => (index * 37) % 400 < 6],
    ['none', () => false],
  ];

  for (const [name, search] of [
    ['built', built],
    ['restored', restored],
  ] as const) {
    const internals = readInternals(search);
    const searcher = new IndexSearcher(internals);
    for (const [admitted, admits] of admitSets) {
      it(`gives MiniSearch's results, scores and order when admitting ${admitted} (${name} index)`, () => {
        // Added from the highest short id down: the set lists them in order all the same.
        const allowed = new DocumentSet(internals._nextId);
        for (let shortId = internals._nextId - 1; shortId >= 0; shortId--) {
          if (admits(Number(internals._documentIds.get(shortId)!.slice(1)))) allowed.add(shortId);
        }
        const byId = (id: unknown) => (admits(Number(String(id).slice(1))) ? 1 : 0);
        let compared = 0;
        for (const { query, options } of QUERIES) {
          const expected = search.search(query, { ...options, boostDocument: byId });
          expectSameResults(searcher.search(query, options, allowed), expected);
          compared += expected.length;
        }
        if (admitted === 'none') expect(compared).toBe(0);
        else expect(compared).toBeGreaterThan(admitted === 'a handful' ? 3 : 20);
      });
    }
  }

  it('refuses a combination MiniSearch does not know, as MiniSearch does', () => {
    // Typed as a caller outside TypeScript could pass it.
    const query = { combineWith: 'XOR', queries: ['deploy', 'helm'] } as unknown as Query;
    expect(() => built.search(query)).toThrow(/XOR/);
    expect(() => new IndexSearcher(readInternals(built)).search(query, {})).toThrow(/XOR/);
  });
});
