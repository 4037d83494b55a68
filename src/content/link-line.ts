import type { ContentReport } from './types.js';
import type { ParsedLink } from './parsed.js';
import { findUrls, isHttpUrl } from './url.js';

/** The prose of a line with its links taken out, and the links found in it. */
export interface LinkLine {
  text: string;
  links: ParsedLink[];
}

/**
 * Reads one logical line of notes: `label: URL`, `URL : description`, `label: URL1, URL2`,
 * `URL (description)`. Text before the first URL is the label, text after the last one is the
 * description. Repaired schemes are reported as warnings, unusable URLs as errors.
 */
export function readLinkLine(
  text: string,
  line: number,
  file: string,
  report: ContentReport,
): LinkLine {
  const found = findUrls(text);
  if (found.length === 0) return { text: text.trim(), links: [] };

  const label = cleanLabel(text.slice(0, found[0]!.start));
  const description = cleanDescription(text.slice(found.at(-1)!.end));
  const links: ParsedLink[] = [];
  for (const { url, repairedFrom } of found) {
    if (repairedFrom) {
      report.warnings.push({
        file,
        line,
        message: `Malformed link scheme "${repairedFrom}://" repaired to "https://": ${url}`,
        hint: 'Write the address with https:// as published.',
      });
    }
    if (!isHttpUrl(url)) {
      report.errors.push({
        file,
        line,
        message: `Not a usable web address: ${url}`,
        hint: 'Copy the full address, starting with https://, from the browser.',
      });
      continue;
    }
    links.push({
      url,
      line,
      ...(label ? { label } : {}),
      ...(description ? { description } : {}),
    });
  }
  return { text: label, links };
}

function cleanLabel(text: string): string {
  return text
    .trim()
    .replace(/[\s:\-–—]+$/, '')
    .trim();
}

function cleanDescription(text: string): string {
  const trimmed = text
    .replace(/^[\s,:\-–—]+/, '')
    .trim()
    .replace(/^\((.*)\)\.?$/, '$1');
  return trimmed.trim();
}
