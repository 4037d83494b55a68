import type { Vocabulary } from './vocabulary.js';

/** The kinds of resource a catalog entry can be. */
export const RESOURCE_TYPES = ['article', 'video', 'docs', 'course', 'slides', 'lab'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Human labels for each resource type, shared by every renderer. */
export const RESOURCE_TYPE_LABELS: Record<ResourceType, string> = {
  article: 'Article',
  video: 'Video',
  docs: 'Official docs',
  course: 'Course',
  slides: 'Slides / PDF',
  lab: 'Hands-on lab',
};

/** A place in a content file, for messages that point the curator at a line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** One part of an ordered series of resources (e.g. part 2 of "Docker for ML"). */
export interface SeriesPart {
  name: string;
  part: number;
}

/** A learning resource: one distinct URL of the catalog. */
export interface Resource {
  /** Stable id derived from the normalized URL. */
  id: string;
  url: string;
  title: string;
  description: string;
  type?: ResourceType;
  series?: SeriesPart;
  /** Every topic the resource is filed under, each as a path of topic names from the root. */
  topics: string[][];
  /** Ids of the topics in `topics`, in the same order. */
  topicIds: string[];
  source: SourceLocation;
  /** Position in reading order across the catalog, used to list a topic as the curator wrote it. */
  order: number;
}

/** A node of the topic tree. */
export interface Topic {
  /** Slug path such as `devops/kubernetes/spark-on-kubernetes`. */
  id: string;
  name: string;
  /** Names from the root down to this topic. */
  path: string[];
  summary: string;
  aliases: string[];
  parentId?: string;
  childIds: string[];
  /** Ids of resources filed directly under this topic, in reading order. */
  resourceIds: string[];
  source: SourceLocation;
}

/** A problem found in content, located at a file and line, with what to do about it. */
export interface ContentIssue extends SourceLocation {
  message: string;
  /** How to fix it, in the curator's terms. */
  hint: string;
}

/** What content loading found wrong: errors block use, warnings are repaired or tolerated. */
export interface ContentReport {
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

/** The whole catalog: resources, topic tree and aliases. */
export interface Catalog {
  resources: Resource[];
  topics: Topic[];
  rootTopicIds: string[];
  resourcesById: Map<string, Resource>;
  topicsById: Map<string, Topic>;
  /** How chat queries are read; the defaults when the content folder has no `vocabulary.yml`. */
  vocabulary?: Vocabulary;
}
