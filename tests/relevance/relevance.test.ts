import { describe, expect, it } from 'vitest';
import { shippedEngine } from '../support/content.js';
import { labeledQueries, measureRelevance } from '../../bench/relevance.js';

describe('relevance over the shipped content', () => {
  it('finds a relevant resource in the top three for at least 90% of labeled queries', async () => {
    const engine = await shippedEngine();
    const labels = labeledQueries();
    expect(labels.length).toBeGreaterThanOrEqual(40);
    const figures = measureRelevance(labels, (query) => {
      const answer = engine.answer(query, { pageSize: 10 });
      return 'results' in answer ? answer.results.map((result) => result.resource.url) : [];
    });
    console.log(
      `relevance: ${figures.queries} queries, hit@1 ${figures.hitAt1.toFixed(3)}, hit@3 ${figures.hitAt3.toFixed(3)}, MRR ${figures.mrr.toFixed(3)}` +
        (figures.misses.length ? `\n  misses:\n  ${figures.misses.join('\n  ')}` : ''),
    );
    expect(figures.hitAt3).toBeGreaterThanOrEqual(0.9);
  });

  it('returns nothing but suggestions for every query that the catalog cannot answer', async () => {
    const engine = await shippedEngine();
    for (const { query } of labeledQueries().filter((label) => label.relevant.length === 0)) {
      const answer = engine.answer(query);
      expect(answer.kind, query).toBe('none');
      expect(answer.kind === 'none' && answer.suggestions.length, query).toBeGreaterThan(0);
    }
  });
});
