import type { Topic } from './types.js';

/**
 * Short names a heading implies, so raw notes answer without an aliases file: the words before a
 * dash, colon or parenthesis ("MLOps - Machine learning life cycle" answers `mlops`), the names
 * listed in parentheses ("SonarQube (or SonarCloud, SonarLint)" answers `sonarcloud`), and
 * acronyms written in capitals ("CICD developement" answers `cicd`). A name that another topic
 * already has, by name or alias, is left to that topic.
 */
export function addImplicitAliases(topics: Topic[]): void {
  const taken = new Set(topics.flatMap((topic) => [topic.name, ...topic.aliases]).map(normal));
  for (const topic of topics) {
    for (const alias of impliedNames(topic.name)) {
      const key = normal(alias);
      if (key === '' || taken.has(key)) continue;
      taken.add(key);
      topic.aliases.push(alias);
    }
  }
}

/** The short names a heading implies, in the order found. */
export function impliedNames(heading: string): string[] {
  const names: string[] = [];
  const head = heading.split(/\s+[-–—:]\s+|[(:]/)[0]!.trim();
  if (head !== heading.trim()) names.push(head);
  for (const inside of heading.matchAll(/\(([^)]*)\)/g)) {
    for (const part of inside[1]!.split(/,|\bor\b|\band\b/)) {
      const name = part.trim();
      if (/^\p{Lu}[\p{L}\p{N}]+$/u.test(name)) names.push(name);
    }
  }
  for (const word of heading.split(/[^\p{L}\p{N}/]+/u)) {
    if (/^\p{Lu}{2,}[\p{Lu}\p{N}]*$/u.test(word)) names.push(word);
  }
  return names;
}

function normal(name: string): string {
  return name.trim().toLowerCase();
}
