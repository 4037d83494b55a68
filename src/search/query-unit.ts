import type { Query, SearchResult } from 'minisearch';
import { stem } from './text.js';

/** One thing the searcher asked for: a word, or a topic named by any of its phrases. */
export interface QueryUnit {
  /** Ways of saying it, each a list of words that must all match. */
  alternatives: string[][];
  /** `word` for a subject word, `topic` for a topic named in the query. */
  kind: 'word' | 'topic';
  /** Fields to match in; all of them when unset. */
  fields?: string[];
}

/** The units a result matched at least one word of. */
export function matchedUnits(
  result: SearchResult,
  units: QueryUnit[],
  unitWords: Set<string>[],
): QueryUnit[] {
  return units.filter((_, index) => result.queryTerms.some((term) => unitWords[index]!.has(term)));
}

/** Each unit's words in the form the index matches them, worked out once per search. */
export function wordsOfUnits(units: QueryUnit[]): Set<string>[] {
  return units.map((unit) => new Set(unit.alternatives.flat().map(stem)));
}

/** Whether these units are enough for a partial match: half of all, and a subject word when there is one. */
export function coversEnough(covered: QueryUnit[], units: QueryUnit[]): boolean {
  const hasSubject = units.some((unit) => unit.kind === 'word');
  return (
    covered.length >= Math.ceil(units.length / 2) &&
    (!hasSubject || covered.some((unit) => unit.kind === 'word'))
  );
}

/** A query unit for a plain word. */
export function wordUnit(word: string): QueryUnit {
  return { alternatives: [[word]], kind: 'word' };
}

/**
 * A unit as a minisearch query: any of its phrasings, each with all of its words. A level with
 * one entry is left out (it combines nothing), since minisearch copies its options at each level.
 */
export function unitQuery(unit: QueryUnit): Query {
  const phrasings: Query[] = unit.alternatives.map((words) =>
    words.length === 1 ? words[0]! : { combineWith: 'AND', queries: words },
  );
  if (phrasings.length === 1 && !unit.fields) return phrasings[0]!;
  return { combineWith: 'OR', queries: phrasings, ...(unit.fields ? { fields: unit.fields } : {}) };
}
