import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../src/content/types.js';
import type { AnswerEngine } from '../src/engine/engine.js';
import { defaultMiniSearch, fuse } from './baselines.js';

/** A query with the URL fragments of the resources that answer it; none means nothing should. */
export interface LabeledQuery {
  query: string;
  relevant: string[];
  label: string;
}

/**
 * How well a search answers the labeled queries. hit@1, hit@3 and MRR are over the queries the
 * catalog answers; `negatives` is the share of the others that got no resource at all.
 */
export interface RelevanceFigures {
  name: string;
  queries: number;
  positives: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  negatives: number;
  misses: string[];
}

/** The labeled queries: the relevance test's labels and the benchmark's. */
export function labeledQueries(): LabeledQuery[] {
  // Next to this file in the source tree; two levels up from the compiled copy in dist/bench.
  const file = [
    path.resolve(import.meta.dirname, 'labeled-queries.json'),
    path.resolve(import.meta.dirname, '../../bench/labeled-queries.json'),
  ].find(existsSync)!;
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: LabeledQuery[] }).queries;
}

/** Scores one search's ranked URL lists against the labels. */
export function measureRelevance(
  name: string,
  labels: LabeledQuery[],
  rankedUrls: (query: string) => string[],
): RelevanceFigures {
  let hitAt1 = 0;
  let hitAt3 = 0;
  let reciprocal = 0;
  let emptyNegatives = 0;
  const misses: string[] = [];
  const positives = labels.filter((label) => label.relevant.length > 0);
  for (const label of labels) {
    const urls = rankedUrls(label.query);
    const shown = `${label.query} (${label.label}) → ${urls.slice(0, 3).join(', ') || 'nothing'}`;
    if (label.relevant.length === 0) {
      if (urls.length === 0) emptyNegatives++;
      else misses.push(shown);
      continue;
    }
    const rank =
      urls.findIndex((url) => label.relevant.some((fragment) => url.includes(fragment))) + 1 ||
      Infinity;
    if (rank <= 1) hitAt1++;
    if (rank <= 3) hitAt3++;
    else misses.push(shown);
    reciprocal += rank === Infinity ? 0 : 1 / rank;
  }
  const negatives = labels.length - positives.length;
  return {
    name,
    queries: labels.length,
    positives: positives.length,
    hitAt1: hitAt1 / positives.length,
    hitAt3: hitAt3 / positives.length,
    mrr: reciprocal / positives.length,
    negatives: negatives === 0 ? 1 : emptyNegatives / negatives,
    misses,
  };
}

/** The ranked URLs devops-bot answers a query with (ten at most, as a long page). */
export function engineUrls(engine: AnswerEngine): (query: string) => string[] {
  return (query) => {
    const answer = engine.answer(query, { pageSize: 10 });
    return 'results' in answer ? answer.results.map((result) => result.resource.url) : [];
  };
}

/** devops-bot's figures, then plain MiniSearch defaults' and Fuse.js's on the same catalog. */
export function relevanceWithBaselines(
  engine: AnswerEngine,
  catalog: Catalog,
  labels = labeledQueries(),
): RelevanceFigures[] {
  return [
    measureRelevance('devops-bot', labels, engineUrls(engine)),
    ...[defaultMiniSearch(catalog), fuse(catalog)].map((baseline) =>
      measureRelevance(baseline.name, labels, (query) => baseline.search(query).slice(0, 10)),
    ),
  ];
}

/** One line of figures, as the test and the bench print them. */
export function describeFigures(figures: RelevanceFigures): string {
  return (
    `${figures.name.padEnd(20)} hit@1 ${figures.hitAt1.toFixed(3)}  hit@3 ${figures.hitAt3.toFixed(3)}  ` +
    `MRR ${figures.mrr.toFixed(3)}  negatives empty ${figures.negatives.toFixed(3)}  ` +
    `(${figures.positives} answerable, ${figures.queries - figures.positives} not)`
  );
}
