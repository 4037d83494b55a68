import { RESOURCE_TYPES, type ResourceType, type SeriesPart } from './types.js';

/** A description with its trailing `(type; series: NAME, part N)` note read out. */
export interface LinkMetadata {
  description: string;
  type?: ResourceType;
  series?: SeriesPart;
  /** Set when the note is there but cannot be read, to report to the curator. */
  problem?: NoteProblem;
}

/** A trailing note that could not be read: an unknown type is an error, a garbled series a warning. */
export interface NoteProblem {
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

const TYPE_LIST = RESOURCE_TYPES.join(', ');

const NOTE = /\(([^()]*)\)\s*\.?\s*$/;
const SERIES = /^series:\s*(.+?),\s*part\s+(\d+)$/i;

/** Reads the trailing note of a Markdown resource line, e.g. `(article; series: Docker for ML, part 2)`. */
export function readLinkMetadata(text: string): LinkMetadata {
  const match = NOTE.exec(text);
  if (!match) return { description: text };
  const [first, ...rest] = match[1]!.split(';').map((part) => part.trim());
  const type = first?.toLowerCase();
  if (!isResourceType(type)) {
    // One bare word in the note's place is a type we do not know; longer words are prose.
    if (rest.some((part) => /^series:/i.test(part)) || /^[a-z-]+$/i.test(first ?? '')) {
      return {
        description: text,
        problem: {
          severity: 'error',
          message: `Unknown resource type "${first}"; it would show as part of the description`,
          hint: `Use one of ${TYPE_LIST}, e.g. "(article)".`,
        },
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
        problem: {
          severity: 'warning',
          message: `Cannot read the series note "${part}"`,
          hint: 'Write the series as "(type; series: NAME, part N)".',
        },
      };
    }
    series = { name: seriesMatch[1]!.trim(), part: Number(seriesMatch[2]) };
  }
  return { description, type, ...(series ? { series } : {}) };
}

function isResourceType(value: string | undefined): value is ResourceType {
  return (RESOURCE_TYPES as readonly string[]).includes(value ?? '');
}
