import type { Catalog, Resource } from '../content/types.js';
import {
  topicRef,
  type Answer,
  type LearningPath,
  type SearchAnswer,
  type SeriesStep,
  type TopicAnswer,
} from './answer.js';
import type { PageRequest } from './lookup.js';
import { paginate } from './paginate.js';
import { listTopicResources } from './topic-listing.js';

// A catalog never changes once built, so its series are gathered once per catalog.
const seriesByCatalog = new WeakMap<Catalog, Map<string, Resource[]>>();

/** Every series of a catalog by lower-case name, each with its parts in order. */
function allSeries(catalog: Catalog): Map<string, Resource[]> {
  let series = seriesByCatalog.get(catalog);
  if (!series) {
    series = new Map();
    for (const resource of catalog.resources) {
      if (!resource.series) continue;
      const key = resource.series.name.toLowerCase();
      series.set(key, [...(series.get(key) ?? []), resource]);
    }
    for (const parts of series.values()) parts.sort((a, b) => a.series!.part - b.series!.part);
    seriesByCatalog.set(catalog, series);
  }
  return series;
}

/** The parts of the series named `name` (any case), in order; empty when there is none. */
export function seriesParts(catalog: Catalog, name: string): Resource[] {
  return allSeries(catalog).get(name.trim().toLowerCase()) ?? [];
}

/** The query that answers with one part of a series: `part 2 of Cluster basics`. */
export function partQuery(series: string, part: number): string {
  return `part ${part} of ${series}`;
}

/** Reads a {@link partQuery}; undefined for any other text. */
export function readPartQuery(query: string): { series: string; part: number } | undefined {
  const match = /^part\s+(\d{1,4})\s+of\s+(.+)$/i.exec(query.trim());
  return match ? { part: Number(match[1]), series: match[2]!.trim() } : undefined;
}

/** A part of a series as an answer offers it. */
export function seriesStep(catalog: Catalog, resource: Resource): SeriesStep | undefined {
  if (!resource.series) return undefined;
  const parts = seriesParts(catalog, resource.series.name);
  return {
    series: resource.series.name,
    part: resource.series.part,
    of: parts.length,
    title: resource.title,
    query: partQuery(resource.series.name, resource.series.part),
  };
}

/** The part after `resource` in its series; undefined after the last part or outside a series. */
export function nextPart(catalog: Catalog, resource: Resource): SeriesStep | undefined {
  if (!resource.series) return undefined;
  const parts = seriesParts(catalog, resource.series.name);
  const after = parts.find((part) => part.series!.part > resource.series!.part);
  return after ? seriesStep(catalog, after) : undefined;
}

/**
 * The answer with its way through a series: the first page of a topic whose resources hold two
 * or more parts of one series gets a {@link LearningPath} starting at its first part; a search whose first result
 * in a series has a next part offers it.
 */
export function withLearningPath(answer: Answer, catalog: Catalog): Answer {
  if (answer.kind === 'topic') return withPath(answer, catalog);
  if (answer.kind === 'search') return withNext(answer, catalog);
  return answer;
}

/** The way on through a series an answer offers: a topic's path start, or a part's next part. */
export function offeredStep(
  answer: Answer,
): { step: SeriesStep; kind: 'start' | 'next' } | undefined {
  const path = answer.kind === 'topic' ? answer.path : undefined;
  if (path) return { step: path.start, kind: 'start' };
  const next = answer.kind === 'search' ? answer.next : undefined;
  return next ? { step: next, kind: 'next' } : undefined;
}

function withPath(answer: TopicAnswer, catalog: Catalog): TopicAnswer {
  const topic = catalog.topicsById.get(answer.topic.id);
  // The path is offered where the listing starts; later pages carry on with More.
  const listed =
    topic && !answer.viaSearch && answer.page.number === 1
      ? listTopicResources(catalog, topic)
      : [];
  const path = pathIn(catalog, listed);
  return path ? { ...answer, path } : answer;
}

function pathIn(catalog: Catalog, listed: Resource[]): LearningPath | undefined {
  for (const resource of listed) {
    if (!resource.series) continue;
    const name = resource.series.name.toLowerCase();
    const members = listed.filter((other) => other.series?.name.toLowerCase() === name);
    if (members.length < 2) continue;
    const parts = seriesParts(catalog, name);
    return {
      series: resource.series.name,
      parts: parts.length,
      start: seriesStep(catalog, parts[0]!)!,
    };
  }
  return undefined;
}

function withNext(answer: SearchAnswer, catalog: Catalog): SearchAnswer {
  const first = answer.results.find(({ resource }) => resource.series);
  const next = first && nextPart(catalog, first.resource);
  return next ? { ...answer, next } : answer;
}

/**
 * The answer to `part N of SERIES`: that part alone, in its topic, saying where it stands in the
 * series and offering the next part; undefined when the catalog has no such part.
 */
export function answerSeriesPart(
  catalog: Catalog,
  query: string,
  request: PageRequest,
): SearchAnswer | undefined {
  const wanted = readPartQuery(query);
  const parts = wanted ? seriesParts(catalog, wanted.series) : [];
  const resource = parts.find((part) => part.series!.part === wanted?.part);
  if (!resource) return undefined;
  const { name, part } = resource.series!;
  const topic = catalog.topicsById.get(resource.topicIds[0]!);
  const last = part === parts.at(-1)!.series!.part;
  const { items, page } = paginate([{ resource, score: 1 }], request.page, request.pageSize);
  return withNext(
    {
      kind: 'search',
      query: partQuery(name, part),
      ...(topic ? { topic: topicRef(topic) } : {}),
      results: items,
      page,
      notes: [
        `Part ${part} of ${parts.length} of the series “${name}”${last ? ', the last part' : ''}.`,
      ],
    },
    catalog,
  );
}
