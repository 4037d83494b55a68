import path from 'node:path';
import type { Catalog, ContentReport, Resource, Topic } from './types.js';
import type { ParsedDocument, ParsedLink, ParsedSection } from './parsed.js';
import type { AliasTable } from './aliases.js';
import { normalizeUrl, resourceIdFor, titleFromUrl } from './url.js';
import { slugify } from './slug.js';
import { addImplicitAliases } from './implicit-aliases.js';
import { reportMissingParts } from './missing-parts.js';

/**
 * Merges parsed files into one catalog: sections become a topic tree (same path, same topic,
 * whichever file it is in), and each distinct URL becomes one resource with all its topics.
 */
export function buildCatalog(
  documents: ParsedDocument[],
  aliases: AliasTable,
  report: ContentReport,
): Catalog {
  const topicsById = new Map<string, Topic>();
  const resourcesByUrl = new Map<string, Resource>();
  const listings = new Map<string, (ParsedLink & { file: string })[]>();
  const rootTopicIds: string[] = [];
  let order = 0;

  const topicFor = (section: ParsedSection, parent: Topic | undefined, file: string): Topic => {
    const name = section.title;
    const pathNames = [...(parent?.path ?? []), name];
    const id = pathNames.map(slugify).join('/');
    let topic = topicsById.get(id);
    if (!topic) {
      topic = {
        id,
        name,
        path: pathNames,
        summary: '',
        aliases: [],
        childIds: [],
        resourceIds: [],
        source: { file, line: section.line },
        ...(parent ? { parentId: parent.id } : {}),
      };
      topicsById.set(id, topic);
      if (parent) parent.childIds.push(id);
      else rootTopicIds.push(id);
    }
    const summary = section.summary.join(' ').trim();
    if (summary) topic.summary = topic.summary ? `${topic.summary} ${summary}` : summary;
    return topic;
  };

  const addLink = (link: ParsedLink, topic: Topic, file: string) => {
    const url = normalizeUrl(link.url);
    let resource = resourcesByUrl.get(url);
    if (!resource) {
      resource = {
        id: resourceIdFor(url),
        url,
        title: link.title ?? link.label ?? titleFromUrl(url),
        description: link.description ?? '',
        topics: [],
        topicIds: [],
        source: { file, line: link.line },
        order: order++,
        ...(link.type ? { type: link.type } : {}),
        ...(link.series ? { series: link.series } : {}),
      };
      resourcesByUrl.set(url, resource);
      listings.set(url, []);
    } else {
      reportConflict(listings.get(url)![0]!, link, file, report);
      // A later listing fills in what the first one left out (lint warns about the gap).
      if (!resource.description && link.description) resource.description = link.description;
      if (!resource.type && link.type) resource.type = link.type;
    }
    listings.get(url)!.push({ ...link, file });
    if (!resource.topicIds.includes(topic.id)) {
      resource.topicIds.push(topic.id);
      resource.topics.push(topic.path);
      topic.resourceIds.push(resource.id);
    }
  };

  for (const document of documents) {
    const stack: { level: number; topic: Topic }[] = [];
    for (const section of document.sections) {
      if (section.level === 0) {
        if (section.links.length === 0 && section.summary.length === 0) continue;
        section.title = fileTopicName(document.file);
        report.warnings.push({
          file: document.file,
          line: section.links[0]?.line ?? section.line,
          message: `Text before the first heading is filed under a topic named "${section.title}"`,
          hint: 'Start the file with a # heading naming its topic.',
        });
        section.level = 1;
      }
      while (stack.length > 0 && stack.at(-1)!.level >= section.level) stack.pop();
      const topic = topicFor(section, stack.at(-1)?.topic, document.file);
      stack.push({ level: section.level, topic });
      for (const link of section.links) addLink(link, topic, document.file);
    }
  }

  reportMissingParts(listings.values(), report);
  const topics = [...topicsById.values()];
  aliases.applyTo(topics, report);
  addImplicitAliases(topics);
  const resources = [...resourcesByUrl.values()];
  return {
    resources,
    topics,
    rootTopicIds,
    topicsById,
    resourcesById: new Map(resources.map((resource) => [resource.id, resource])),
  };
}

/** The same URL listed again must say the same thing: otherwise which one users see is luck. */
function reportConflict(
  first: ParsedLink & { file: string },
  again: ParsedLink,
  file: string,
  report: ContentReport,
): void {
  const differences: string[] = [];
  if (first.title !== undefined && again.title !== undefined && first.title !== again.title) {
    differences.push(`title "${again.title}" instead of "${first.title}"`);
  }
  if (first.type && again.type && first.type !== again.type) {
    differences.push(`type ${again.type} instead of ${first.type}`);
  }
  const seriesOf = (link: ParsedLink) =>
    link.series ? `${link.series.name}, part ${link.series.part}` : 'none';
  if ((first.series || again.series) && seriesOf(first) !== seriesOf(again)) {
    differences.push(`series ${seriesOf(again)} instead of ${seriesOf(first)}`);
  }
  if (differences.length === 0) return;
  report.errors.push({
    file,
    line: again.line,
    message: `${again.url} is listed again with ${differences.join(', ')} (first at ${first.file}:${first.line})`,
    hint: 'Copy the first bullet unchanged to list it under a second topic, or correct one of the two.',
  });
}

function fileTopicName(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[-_]+/g, ' ');
  return base.charAt(0).toUpperCase() + base.slice(1);
}
