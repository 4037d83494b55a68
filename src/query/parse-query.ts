import type { ResourceType } from '../content/types.js';
import { STOP_WORDS, splitWords, stem } from '../search/text.js';
import type { TopicMatcher, TopicMention } from '../search/topic-matcher.js';
import { MAX_QUERY_LENGTH, type ParsedQuery } from './parsed-query.js';
import type { QueryVocabulary, VocabularyMatch } from './query-vocabulary.js';

/** What a query is read against: the catalog's topics, its vocabulary and the index's words. */
export interface QueryReader {
  topics: TopicMatcher;
  vocabulary: QueryVocabulary;
  /** Whether some resource has this stemmed word exactly. */
  isIndexed(stemmed: string): boolean;
}

// Chat markup that is no part of a question: user, channel and group mentions, custom emoji
// (`:tada:`), links.
const MARKUP = /<[@#!][^>]*>|:[a-z0-9_+-]+:|https?:\/\/\S+/gi;
// Words that join the two sides of a comparison that starts with its marker ("difference between X and Y").
const SIDE_JOINERS = new Set(['and', 'or', 'with', 'to', 'from']);
// "for" followed by one of these opens a clause about the asker's situation ("for our hackathon",
// "for the new intern"), not about the subject.
const CONTEXT_OPENERS = new Set(
  'the our my a an your this that these those his her their tomorrow tomorrows today todays tonight next new some'.split(
    ' ',
  ),
);

/**
 * Reads a chat message as a query: drops filler, recognises topics, learning words and resource
 * types, splits comparisons into sides, and keeps the rest as subject words. Pure: the same text
 * and reader always give the same result.
 */
export function parseQuery(input: string, reader: QueryReader): ParsedQuery {
  const trimmed = input.trim();
  const truncated = trimmed.length > MAX_QUERY_LENGTH;
  const text = truncated ? trimmed.slice(0, MAX_QUERY_LENGTH) : trimmed;
  const words = splitWords(text.replace(MARKUP, ' '));
  const parsed = readWithContext(words, reader);
  const sides = comparisonSides(words, reader);
  return { ...parsed, text, truncated, ...(sides ? { sides } : {}) };
}

type WordsRead = Omit<ParsedQuery, 'text' | 'truncated' | 'sides'>;

/**
 * Reads the words, setting apart a closing "for our hackathon" clause: its words only narrow the
 * answer when they can, and a word there that no resource has does not empty it. A clause that
 * names a topic is part of the question.
 */
function readWithContext(words: string[], reader: QueryReader): WordsRead {
  const opener = words.findIndex(
    (word, i) => i > 0 && word === 'for' && CONTEXT_OPENERS.has(words[i + 1] ?? ''),
  );
  if (opener < 0) return readWords(words, reader);
  const context = readWords(words.slice(opener + 1), reader);
  if (context.topics.length > 0) return readWords(words, reader);
  const read = readWords(words.slice(0, opener), reader);
  return {
    ...read,
    words,
    filler: [...read.filler, ...context.filler],
    generic: [...read.generic, ...context.generic],
    types: [...new Set([...read.types, ...context.types])],
    context: context.subjects,
  };
}

function readWords(words: string[], reader: QueryReader): WordsRead {
  const stems = words.map(stem);
  const isKnown = (stemmed: string) => reader.isIndexed(stemmed) || reader.vocabulary.has(stemmed);
  const mentions = reader.topics.findMentions(words, isKnown);
  const covered = new Set(mentions.flatMap((mention) => range(mention.start, mention.end)));
  const read: WordsRead = {
    words,
    filler: [],
    generic: [],
    types: [],
    topics: distinctTopics(mentions),
    subjects: [],
    context: [],
    attached: [],
  };
  const nextToTopic = (i: number) => covered.has(i - 1) || covered.has(i + 1);
  for (let i = 0; i < words.length; i++) {
    if (covered.has(i)) continue;
    const match = vocabularyAt(stems, i, reader, covered);
    if (match) {
      const phrase = words.slice(i, i + match.length).join(' ');
      if (match.role === 'type') addOnce(read.types, match.type!);
      else if (match.role === 'generic') read.generic.push(phrase);
      else read.filler.push(phrase);
      i += match.length - 1;
      // A lone letter (the s of "what's") says nothing.
    } else if (!STOP_WORDS.has(words[i]!) && !/^\p{L}$/u.test(words[i]!)) {
      if (!read.subjects.includes(words[i]!)) read.subjects.push(words[i]!);
      if (nextToTopic(i)) read.attached.push(words[i]!);
    }
  }
  return read;
}

/** The vocabulary phrase at word `i`, or the vocabulary word an unknown word misspells. */
function vocabularyAt(
  stems: string[],
  i: number,
  reader: QueryReader,
  covered: Set<number>,
): VocabularyMatch | undefined {
  const match = reader.vocabulary.matchAt(stems, i);
  // A phrase may not run into a topic name: "learning" in "machine learning life cycle" is the topic's.
  if (match && !range(i, i + match.length).some((k) => covered.has(k))) return match;
  if (match) return reader.vocabulary.matchAt(stems.slice(0, i + 1), i);
  if (reader.isIndexed(stems[i]!)) return undefined;
  return reader.vocabulary.closest(stems[i]!);
}

/**
 * The sides of "X vs Y", "compare X and Y" or "difference between X and Y", each read on its
 * own; undefined when the query compares nothing. Words outside both sides ("any video") apply
 * to each side.
 */
function comparisonSides(words: string[], reader: QueryReader): ParsedQuery[] | undefined {
  const stems = words.map(stem);
  if (!reader.vocabulary.mayCompare(stems)) return undefined;
  const segments: string[][] = [[]];
  let compared = false;
  for (let i = 0; i < words.length; i++) {
    const match = reader.vocabulary.matchAt(stems, i);
    if (match?.role === 'comparison') {
      compared = true;
      segments.push([]);
      i += match.length - 1;
    } else {
      segments.at(-1)!.push(words[i]!);
    }
  }
  if (!compared) return undefined;
  const read = segments.map((segment) => ({ segment, read: readWords(segment, reader) }));
  const asking = read.filter(({ read }) => read.topics.length > 0 || read.subjects.length > 0);
  const context = read.filter((entry) => !asking.includes(entry)).flatMap(({ segment }) => segment);
  let sides = asking.map(({ segment }) => segment);
  if (sides.length === 1) sides = splitOnJoiner(sides[0]!);
  if (sides.length < 2) return undefined;
  return sides.map((side) => {
    const sideWords = [...side, ...context];
    return { ...readWords(sideWords, reader), text: sideWords.join(' '), truncated: false };
  });
}

function splitOnJoiner(words: string[]): string[][] {
  const at = words.findIndex((word, index) => index > 0 && SIDE_JOINERS.has(word));
  if (at < 0 || at === words.length - 1) return [words];
  return [words.slice(0, at), words.slice(at + 1)];
}

/**
 * The mentions with each topic once (`docker docker` names one topic, not two), leaving out a
 * topic named beside one below it: `azure devops pipeline` asks about Azure DevOps, not all of CI/CD.
 */
function distinctTopics(mentions: TopicMention[]): TopicMention[] {
  const seen = new Set<string>();
  const distinct = mentions.filter(
    (mention) => !seen.has(mention.topic.id) && seen.add(mention.topic.id),
  );
  return distinct.filter(
    ({ topic }) => !distinct.some((other) => other.topic.id.startsWith(`${topic.id}/`)),
  );
}

function addOnce(list: ResourceType[], type: ResourceType): void {
  if (!list.includes(type)) list.push(type);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
