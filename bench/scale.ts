import { spawnSync } from 'node:child_process';
import MiniSearch from 'minisearch';
import type { Catalog } from '../src/content/types.js';
import { createEngine } from '../src/engine/engine.js';
import { elapsedMs, percentile, timeEach } from './measure.js';
import type { LabeledQuery } from './relevance.js';
import { syntheticCatalog } from './synthetic-catalog.js';

/** What a synthetic catalog of some size costs: to index, to hold, and to answer from. */
export interface ScaleFigures {
  resources: number;
  buildMs: number;
  /** Heap the engine holds once built, over the catalog it indexes. */
  heapMb: number;
  /** Resident memory of the whole process (node, the catalog and its index) after answering. */
  rssMb: number;
  p50: number;
  p99: number;
  /** The labeled query classes with the slowest p99, slowest first. */
  slowest: { label: string; p99: number }[];
}

/** How many times each labeled query is answered: warm-up rounds first, then measured ones. */
export interface Rounds {
  warmUp: number;
  measured: number;
}

function megabytes(bytes: number): number {
  return bytes / 2 ** 20;
}

/** Builds an engine over a synthetic catalog of `count` resources in this process and measures it. */
export function measureScale(
  base: Catalog,
  count: number,
  labels: LabeledQuery[],
  rounds: Rounds,
): ScaleFigures {
  const catalog = syntheticCatalog(base, count);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const engine = createEngine(catalog);
  const buildMs = elapsedMs(start);
  global.gc?.();
  const heapMb = megabytes(process.memoryUsage().heapUsed - heapBefore);
  for (let round = 0; round < rounds.warmUp; round++)
    labels.forEach((label) => engine.answer(label.query));
  const asked = Array.from({ length: rounds.measured }, () => labels).flat();
  const durations = timeEach(asked, (label) => engine.answer(label.query));
  const byLabel = new Map<string, number[]>();
  asked.forEach((label, index) => {
    const list = byLabel.get(label.label) ?? [];
    list.push(durations[index]!);
    byLabel.set(label.label, list);
  });
  global.gc?.();
  return {
    resources: count,
    buildMs,
    heapMb,
    rssMb: megabytes(process.memoryUsage().rss),
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    slowest: [...byLabel]
      .map(([label, list]) => ({ label, p99: percentile(list, 99) }))
      .sort((a, b) => b.p99 - a.p99)
      .slice(0, 3),
  };
}

/**
 * What the plainest MiniSearch index of a synthetic catalog costs: MiniSearch's default options
 * over titles and descriptions only, nothing stored. It is the floor under any index this
 * design (MiniSearch in memory) can build, set beside the RSS target.
 */
export interface PlainMiniSearchFigures {
  resources: number;
  /** Heap the plain index holds, over the catalog it indexes. */
  heapMb: number;
  /** Resident memory of the whole process (node, the catalog and the plain index). */
  rssMb: number;
}

/** Builds a plain MiniSearch index over a synthetic catalog of `count` resources and measures it. */
export function measurePlainMiniSearch(base: Catalog, count: number): PlainMiniSearchFigures {
  const catalog = syntheticCatalog(base, count);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new MiniSearch<Catalog['resources'][number]>({
    fields: ['title', 'description'],
    storeFields: [],
  });
  index.addAll(catalog.resources);
  global.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  // Read after measuring, so that neither the catalog nor the index is collected before it.
  if (index.documentCount !== catalog.resources.length) throw new Error('index incomplete');
  return { resources: count, heapMb: megabytes(heapUsed - heapBefore), rssMb: megabytes(rss) };
}

/** The flag that makes the bench runner measure one scale and print its figures as JSON. */
export const SCALE_FLAG = '--scale';
/** The flag that makes the bench runner measure a plain MiniSearch at one scale, as JSON. */
export const PLAIN_MINISEARCH_FLAG = '--plain-minisearch';

/**
 * Measures a synthetic catalog of `count` resources in a process of its own, so that its memory
 * is its own: the bench runner (`runner`) started with `flag` ({@link SCALE_FLAG} or
 * {@link PLAIN_MINISEARCH_FLAG}), which prints its figures as JSON.
 */
export function measureInChild<Figures>(
  runner: string,
  flag: string,
  count: number,
  heapMb: number,
): Figures {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${heapMb}`, runner, flag, String(count)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 },
  );
  if (child.status !== 0)
    throw new Error(`measuring ${count} resources failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as Figures;
}
