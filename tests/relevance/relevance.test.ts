import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/engine.js';
import { shippedEngine } from '../support/content.js';
import {
  describeFigures,
  labeledQueries,
  relevanceWithBaselines,
  type RelevanceFigures,
} from '../../bench/relevance.js';

describe('relevance over the shipped content', () => {
  let engine: AnswerEngine;
  let ours: RelevanceFigures;
  let baselines: RelevanceFigures[];

  beforeAll(async () => {
    engine = await shippedEngine();
    [ours, ...baselines] = relevanceWithBaselines(engine, engine.catalog) as [
      RelevanceFigures,
      ...RelevanceFigures[],
    ];
    console.log(
      ['relevance on the labeled chat queries:', ...[ours, ...baselines].map(describeFigures)].join(
        '\n  ',
      ) + (ours.misses.length ? `\n  devops-bot misses:\n    ${ours.misses.join('\n    ')}` : ''),
    );
  });

  it('labels at least 150 answerable chat queries and 30 the catalog cannot answer', () => {
    const labels = labeledQueries();
    expect(labels.filter((label) => label.relevant.length > 0).length).toBeGreaterThanOrEqual(150);
    expect(labels.filter((label) => label.relevant.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('finds a relevant resource in the top three for at least 95% of answerable queries', () => {
    expect(ours.hitAt3).toBeGreaterThanOrEqual(0.95);
  });

  it('answers at least 90% of the queries the catalog cannot answer with nothing', () => {
    expect(ours.negatives).toBeGreaterThanOrEqual(0.9);
  });

  it('does better than plain MiniSearch defaults and Fuse.js on hit@3 and on negatives', () => {
    for (const baseline of baselines) {
      expect(ours.hitAt3, baseline.name).toBeGreaterThanOrEqual(baseline.hitAt3);
      expect(ours.negatives, baseline.name).toBeGreaterThan(baseline.negatives);
    }
  });

  it('suggests topics whenever it has no resource to show', () => {
    for (const { query } of labeledQueries().filter((label) => label.relevant.length === 0)) {
      const answer = engine.answer(query);
      if (answer.kind !== 'none') continue;
      expect(answer.suggestions.length, query).toBeGreaterThan(0);
    }
  });
});
