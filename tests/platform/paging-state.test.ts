import { describe, expect, it } from 'vitest';
import { positionAfter } from '../../src/platform/paging-state.js';
import { fixtureEngine } from '../support/content.js';

const engine = await fixtureEngine();

describe('the paging state an answer leaves', () => {
  it('offers the next page of the same query while pages remain, and none on the last', () => {
    const first = engine.answer('docker');
    expect(positionAfter(first)).toMatchObject({
      shown: { query: first.query, page: 1 },
      next: { query: first.query, page: 2 },
    });
    expect(positionAfter(engine.answer('docker', { page: 2 }))).not.toHaveProperty('next');
  });

  it("carries the series part an answer offers, as a query's first page", () => {
    const position = positionAfter(engine.answer('part 1 of Cluster basics'));
    expect(position?.seriesStep).toEqual({ query: 'part 2 of Cluster basics', page: 1 });
  });

  it('is undefined for an answer without pages', () => {
    expect(positionAfter(engine.answer('topics'))).toBeUndefined();
    expect(positionAfter(engine.answer('help'))).toBeUndefined();
  });
});
