import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Scalar } from 'yaml';
import { DEFAULT_VOCABULARY } from './default-vocabulary.js';
import { RESOURCE_TYPES, type ContentReport, type ResourceType } from './types.js';

/**
 * The words of chat that a query is read with, beyond the catalog's own: what to ignore, which
 * words only say what kind of help is wanted, and which ask for a kind of resource.
 */
export interface Vocabulary {
  /** Greetings, politeness and asking phrases ("does anyone have"), dropped from a query. */
  filler: string[];
  /** Learning words (tutorial, beginners, getting started) that a result need not contain. */
  generic: string[];
  /** Words asking for a kind of resource: results of that type are ranked first. */
  types: Record<ResourceType, string[]>;
  /** Words that set two subjects side by side ("vs", "difference between"). */
  comparison: string[];
}

const LIST_KEYS = ['filler', 'generic', 'comparison'] as const;

/**
 * Reads a content folder's `vocabulary.yml` and returns the default vocabulary with its words
 * added. Problems are reported with file and line, and the defaults are used for what is wrong.
 */
export function parseVocabulary(file: string, text: string, report: ContentReport): Vocabulary {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (node: unknown) =>
    lineCounter.linePos((node as Scalar | undefined)?.range?.[0] ?? 0).line;
  for (const error of document.errors) {
    report.errors.push({
      file,
      line: error.linePos?.[0]?.line ?? 1,
      message: error.message,
      hint: 'Fix the YAML syntax: keys end with ":", list items start with "  - ".',
    });
  }
  const vocabulary = copyVocabulary(DEFAULT_VOCABULARY);
  if (document.errors.length > 0 || document.contents === null) return vocabulary;
  if (!isMap(document.contents)) {
    report.errors.push({
      file,
      line: 1,
      message: `Expected a mapping with the keys ${[...LIST_KEYS, 'types'].join(', ')}`,
      hint: 'Start each list with its key, as in "generic:" followed by "  - cheatsheet" lines.',
    });
    return vocabulary;
  }
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(pair.key);
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      const words = wordList(pair.value, `"${key}"`, file, line, report);
      vocabulary[key as (typeof LIST_KEYS)[number]].push(...words);
    } else if (key === 'types' && isMap(pair.value)) {
      for (const typePair of pair.value.items) {
        const type = isScalar(typePair.key) ? String(typePair.key.value) : '';
        const typeLine = lineOf(typePair.key);
        if (!(RESOURCE_TYPES as readonly string[]).includes(type)) {
          report.errors.push({
            file,
            line: typeLine,
            message: `Unknown resource type "${type}" under types`,
            hint: `Use one of ${RESOURCE_TYPES.join(', ')}.`,
          });
          continue;
        }
        const words = wordList(typePair.value, `types.${type}`, file, typeLine, report);
        vocabulary.types[type as ResourceType].push(...words);
      }
    } else {
      report.errors.push({
        file,
        line,
        message: `Unknown key "${key}"`,
        hint: `The vocabulary has the keys ${[...LIST_KEYS, 'types'].join(', ')}.`,
      });
    }
  }
  return vocabulary;
}

function wordList(
  node: unknown,
  name: string,
  file: string,
  line: number,
  report: ContentReport,
): string[] {
  if (!isSeq(node) || !node.items.every(isScalar)) {
    report.errors.push({
      file,
      line,
      message: `${name} must be a list of words or phrases`,
      hint: 'Write one "  - word" line for each, or [word, other word].',
    });
    return [];
  }
  return node.items.map((item) => String((item as Scalar).value).trim()).filter(Boolean);
}

/** A deep copy, so that adding a folder's words never changes the defaults. */
export function copyVocabulary(vocabulary: Vocabulary): Vocabulary {
  return {
    filler: [...vocabulary.filler],
    generic: [...vocabulary.generic],
    comparison: [...vocabulary.comparison],
    types: Object.fromEntries(
      Object.entries(vocabulary.types).map(([type, words]) => [type, [...words]]),
    ) as Record<ResourceType, string[]>,
  };
}
