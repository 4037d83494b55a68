import type { ContentIssue, ContentReport } from './types.js';
import type { ParsedLink, ResourceLinePart } from './parsed.js';
import { RESOURCE_TYPES } from './types.js';

/** A link with the file it is written in. */
type Listing = ParsedLink & { file: string };

const SENTENCE = ' — One sentence on what the page covers.';

/**
 * Warns about each Markdown resource bullet that has no description or no type, once per problem
 * per line. When another listing of the same URL has what this one lacks, the warning points
 * there instead, so two copies of a bullet are never told different things.
 *
 * @param listingsByUrl every listing of each URL, in reading order
 */
export function reportMissingParts(listingsByUrl: Iterable<Listing[]>, report: ContentReport): void {
  const byLine = new Map<string, ContentIssue>();
  for (const listings of listingsByUrl) {
    for (const listing of listings) {
      for (const part of listing.missing ?? []) {
        const key = `${listing.file}:${listing.line}:${part}`;
        if (byLine.has(key)) continue;
        const complete = listings.find((other) => hasPart(other, part));
        byLine.set(key, complete ? copyFrom(listing, complete, part) : addPart(listing, part));
      }
    }
  }
  report.warnings.push(...byLine.values());
}

function hasPart(listing: ParsedLink, part: ResourceLinePart): boolean {
  return part === 'description' ? Boolean(listing.description) : Boolean(listing.type);
}

function addPart(listing: Listing, part: ResourceLinePart): ContentIssue {
  const where = { file: listing.file, line: listing.line };
  const title = listing.title ?? listing.url;
  if (part === 'type') {
    return {
      ...where,
      message: `Resource "${title}" has no type`,
      hint: `End the line with its type in parentheses, e.g. " (article)": one of ${RESOURCE_TYPES.join(', ')}.`,
    };
  }
  return {
    ...where,
    message: `Resource "${title}" has no description`,
    hint: listing.type
      ? `Add "${SENTENCE}" between the link and "${noteOf(listing)}".`
      : `Add "${SENTENCE} (article)" after the link.`,
  };
}

function copyFrom(listing: Listing, complete: Listing, part: ResourceLinePart): ContentIssue {
  const where = { file: listing.file, line: listing.line };
  const title = listing.title ?? listing.url;
  const there = `${complete.file}:${complete.line}`;
  if (part === 'type') {
    return {
      ...where,
      message: `Resource "${title}" is listed without the type it has at ${there} (${complete.type})`,
      hint: `End the line with " ${noteOf(complete)}", as at ${there}.`,
    };
  }
  return {
    ...where,
    message: `Resource "${title}" is listed without the description it has at ${there}`,
    hint: `Copy the description from ${there}, so both listings say the same.`,
  };
}

/** The trailing note as written: `(video)` or `(video; series: NAME, part N)`. */
function noteOf(listing: ParsedLink): string {
  const series = listing.series ? `; series: ${listing.series.name}, part ${listing.series.part}` : '';
  return `(${listing.type}${series})`;
}
