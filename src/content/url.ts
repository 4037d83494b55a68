import { createHash } from 'node:crypto';

/** A URL found in a line of text, with where it stood and what was repaired. */
export interface FoundUrl {
  url: string;
  start: number;
  end: number;
  /** The scheme as written when it had to be repaired (e.g. `tps`). */
  repairedFrom?: string;
}

// Anything that looks like `scheme://rest`, including misspelled schemes such as `tps://`.
const URL_PATTERN = /\b([a-z][a-z0-9+.-]{0,9}):\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/;

/** Finds every http(s) URL in a line, repairing near-miss schemes and trailing punctuation. */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const scheme = match[1]!.toLowerCase();
    let raw = trimUrlEnd(match[0]);
    const start = match.index;
    const end = start + raw.length;
    if (scheme === 'http' || scheme === 'https') {
      found.push({ url: raw, start, end });
    } else if (isMisspelledHttp(scheme)) {
      raw = 'https' + raw.slice(match[1]!.length);
      found.push({ url: raw, start, end, repairedFrom: match[1]! });
    }
  }
  return found;
}

function trimUrlEnd(url: string): string {
  let trimmed = url.replace(TRAILING_PUNCTUATION, '');
  // A closing bracket belongs to the URL only when the URL opened one.
  while (/[)\]]$/.test(trimmed)) {
    const close = trimmed.at(-1)!;
    const open = close === ')' ? '(' : '[';
    if (count(trimmed, open) >= count(trimmed, close)) break;
    trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isMisspelledHttp(scheme: string): boolean {
  return ['tps', 'ttps', 'htps', 'htts', 'htp', 'ttp', 'hhttps', 'httpss', 'hptts'].includes(
    scheme,
  );
}

/** Normalizes a URL for comparison and display: lower-case scheme and host, no default port. */
export function normalizeUrl(raw: string): string {
  const url = new URL(raw);
  return url.href;
}

/** True when the text parses as an absolute http or https URL. */
export function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A stable id for a resource: the same normalized URL always gives the same id. */
export function resourceIdFor(normalizedUrl: string): string {
  return 'r' + createHash('sha256').update(normalizedUrl).digest('hex').slice(0, 10);
}

const URL_NOISE = new Set(['https', 'http', 'www', 'com', 'org', 'net', 'io', 'html', 'htm', 'php']);
const HEX_ID = /^(?=.*\d)[0-9a-f]{8,}$/i;
const UNREADABLE_SEGMENT = new RegExp(`${HEX_ID.source}|^\\d+$`, 'i');

/** Words of a URL's host and path that say something about the page (`k8s-cronjobs` → k8s, cronjobs). */
export function urlSlugWords(raw: string): string[] {
  const url = new URL(raw);
  const hostWords = url.hostname.split('.').slice(0, -1);
  const pathWords = decodeSafely(url.pathname + ' ' + url.hash)
    .split(/[^a-zA-Z0-9]+/)
    .filter((word) => word !== '');
  return [...hostWords, ...pathWords]
    .map((word) => word.toLowerCase())
    .filter((word) => !URL_NOISE.has(word) && !UNREADABLE_SEGMENT.test(word));
}

/** A readable title for a URL with no text of its own, taken from its last meaningful path segment. */
export function titleFromUrl(raw: string): string {
  const url = new URL(raw);
  const segments = decodeSafely(url.pathname)
    .split('/')
    .map((segment) => segment.replace(/\.(html?|php|aspx?|pdf)$/i, ''))
    .filter((segment) => segment !== '' && segment !== 'index');
  for (const segment of segments.reverse()) {
    const words = slugToWords(segment);
    if (words.some((word) => /[a-z]/i.test(word))) return capitalize(words.join(' '));
  }
  const host = url.hostname.replace(/^www\./, '').split('.').slice(0, -1);
  return capitalize(host.join(' '));
}

function slugToWords(segment: string): string[] {
  return segment
    .split(/[-_+\s]+/)
    .filter((word) => word !== '' && !HEX_ID.test(word));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
