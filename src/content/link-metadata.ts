import { RESOURCE_TYPES, type ResourceType, type SeriesPart } from './types.js';

/** A description with its trailing `(type; series: NAME, part N)` note read out. */
export interface LinkMetadata {
  description: string;
  type?: ResourceType;
  series?: SeriesPart;
  /** Set when the note is there but cannot be read, to report to the curator. */
  problem?: string;
}

const NOTE = /\(([^()]*)\)\s*\.?\s*$/;
const SERIES = /^series:\s*(.+?),\s*part\s+(\d+)$/i;

/** Reads the trailing note of a Markdown resource line, e.g. `(article; series: Docker for ML, part 2)`. */
export function readLinkMetadata(text: string): LinkMetadata {
  const match = NOTE.exec(text);
  if (!match) return { description: text };
  const [first, ...rest] = match[1]!.split(';').map((part) => part.trim());
  const type = first?.toLowerCase();
  if (!isResourceType(type)) {
    if (rest.some((part) => /^series:/i.test(part))) {
      return {
        description: text,
        problem: `Unknown resource type "${first}"; use one of ${RESOURCE_TYPES.join(', ')}`,
      };
    }
    return { description: text };
  }
  const description = text.slice(0, match.index).trim();
  let series: SeriesPart | undefined;
  for (const part of rest) {
    const seriesMatch = SERIES.exec(part);
    if (!seriesMatch) {
      return {
        description,
        type,
        problem: `Cannot read "${part}"; write the series as "series: NAME, part N"`,
      };
    }
    series = { name: seriesMatch[1]!.trim(), part: Number(seriesMatch[2]) };
  }
  return { description, type, ...(series ? { series } : {}) };
}

function isResourceType(value: string | undefined): value is ResourceType {
  return (RESOURCE_TYPES as readonly string[]).includes(value ?? '');
}
