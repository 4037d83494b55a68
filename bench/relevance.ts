import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A query with the URL fragments of the resources that answer it; none means nothing should. */
export interface LabeledQuery {
  query: string;
  relevant: string[];
  label: string;
}

/** hit@1, hit@3 and mean reciprocal rank over labeled queries. */
export interface RelevanceFigures {
  queries: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
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

/**
 * Scores ranked URL lists against the labels. A query that must return nothing counts as a hit
 * (rank 1) only when it returned nothing.
 */
export function measureRelevance(
  labels: LabeledQuery[],
  rankedUrls: (query: string) => string[],
): RelevanceFigures {
  let hitAt1 = 0;
  let hitAt3 = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const label of labels) {
    const urls = rankedUrls(label.query);
    const rank =
      label.relevant.length === 0
        ? urls.length === 0
          ? 1
          : Infinity
        : urls.findIndex((url) => label.relevant.some((fragment) => url.includes(fragment))) + 1 ||
          Infinity;
    if (rank <= 1) hitAt1++;
    if (rank <= 3) hitAt3++;
    else
      misses.push(`${label.query} (${label.label}) → ${urls.slice(0, 3).join(', ') || 'nothing'}`);
    reciprocal += rank === Infinity ? 0 : 1 / rank;
  }
  const count = labels.length;
  return {
    queries: count,
    hitAt1: hitAt1 / count,
    hitAt3: hitAt3 / count,
    mrr: reciprocal / count,
    misses,
  };
}
