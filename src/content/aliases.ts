import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { ContentReport, Topic } from './types.js';

/** Topic aliases read from the content folder's `aliases.yml`. */
export interface AliasTable {
  /** Sets `aliases` on every topic whose name has an entry, reporting entries that match no topic. */
  applyTo(topics: Topic[], report: ContentReport): void;
}

interface AliasEntry {
  topicName: string;
  aliases: string[];
  line: number;
}

/** The table with no aliases, for a content folder without `aliases.yml`. */
export const NO_ALIASES: AliasTable = { applyTo: () => undefined };

/**
 * Parses `aliases.yml`: a mapping from a topic name (as written in a heading, any case) to a
 * list of words and phrases people use for it. Problems are reported with file and line.
 */
export function parseAliases(file: string, text: string, report: ContentReport): AliasTable {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line;
  for (const error of document.errors) {
    report.errors.push({
      file,
      line: error.linePos?.[0]?.line ?? 1,
      message: error.message,
      hint: 'Write each topic as "Topic name:" followed by "  - alias" lines; quote an alias with YAML punctuation.',
    });
  }
  if (document.errors.length > 0) return NO_ALIASES;
  if (document.contents === null) return NO_ALIASES;
  if (!isMap(document.contents)) {
    report.errors.push({
      file,
      line: 1,
      message: 'Expected a mapping of topic names to lists of aliases',
      hint: 'Write each topic as "Topic name:" followed by "  - alias" lines.',
    });
    return NO_ALIASES;
  }

  const entries: AliasEntry[] = [];
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (!isSeq(pair.value) || !pair.value.items.every(isScalar)) {
      report.errors.push({
        file,
        line,
        message: `Aliases of "${key}" must be a list of words`,
        hint: `List them under "${key}:" as "  - alias" lines, or as [alias, other alias].`,
      });
      continue;
    }
    const aliases = pair.value.items.map((item) => String((item as Scalar).value).trim()).filter(Boolean);
    entries.push({ topicName: key.trim(), aliases, line });
  }
  return { applyTo: (topics, applyReport) => applyEntries(file, entries, topics, applyReport) };
}

function applyEntries(file: string, entries: AliasEntry[], topics: Topic[], report: ContentReport) {
  const owners = new Map<string, string>();
  for (const entry of entries) {
    const matching = topics.filter((topic) => sameWords(topic.name, entry.topicName));
    if (matching.length === 0) {
      report.warnings.push({
        file,
        line: entry.line,
        message: `No topic is named "${entry.topicName}"; these aliases are unused`,
        hint: 'Spell the key exactly as the topic heading, or remove the entry.',
      });
      continue;
    }
    for (const alias of entry.aliases) {
      const owner = owners.get(alias.toLowerCase());
      if (owner && !sameWords(owner, entry.topicName)) {
        report.errors.push({
          file,
          line: entry.line,
          message: `Alias "${alias}" is given to both "${owner}" and "${entry.topicName}"`,
          hint: `Keep "${alias}" under one of the two topics only.`,
        });
        continue;
      }
      const named = topics.find(
        (topic) => sameWords(topic.name, alias) && !sameWords(topic.name, entry.topicName),
      );
      if (named) {
        report.errors.push({
          file,
          line: entry.line,
          message: `Alias "${alias}" of "${entry.topicName}" is the name of the topic "${named.name}", so asking for "${named.name}" would answer with "${entry.topicName}"`,
          hint: `Remove "${alias}" from the aliases of "${entry.topicName}".`,
        });
        continue;
      }
      owners.set(alias.toLowerCase(), entry.topicName);
      for (const topic of matching) topic.aliases.push(alias);
    }
  }
}

function sameWords(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
