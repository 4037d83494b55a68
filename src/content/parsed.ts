import type { ResourceType, SeriesPart } from './types.js';

/** A part of the Markdown resource line `- [Title](URL) — Description. (type)` that can be left out. */
export type ResourceLinePart = 'description' | 'type';

/** A link as read from a content file, before resources are merged across files. */
export interface ParsedLink {
  url: string;
  /** Explicit title text (Markdown link text). */
  title?: string;
  /** A label written before the URL (`label: URL`), used when there is no title. */
  label?: string;
  description?: string;
  type?: ResourceType;
  series?: SeriesPart;
  line: number;
  /**
   * What a titled Markdown resource bullet leaves out, for lint to warn about. Never set by the
   * .rst note style (a `label: URL` line has no description by design) nor for a bare URL, which
   * has a warning of its own.
   */
  missing?: ResourceLinePart[];
}

/** A section of a content file: a heading or title and what stands under it. */
export interface ParsedSection {
  title: string;
  /** 1 for the outermost level of the file. */
  level: number;
  line: number;
  summary: string[];
  links: ParsedLink[];
}

/** The format-neutral result of parsing one file. */
export interface ParsedDocument {
  file: string;
  sections: ParsedSection[];
}

/**
 * The section holding what a file has before its first heading (level 0, no title), created on
 * first use; the catalog files it under a topic named after the file.
 */
export function preambleSection(sections: ParsedSection[]): ParsedSection {
  const existing = sections.find((section) => section.level === 0);
  if (existing) return existing;
  const section: ParsedSection = { title: '', level: 0, line: 1, summary: [], links: [] };
  sections.unshift(section);
  return section;
}
