import { topicRef, type TopicRef } from '../engine/answer.js';
import type { AnswerEngine } from '../engine/engine.js';
import { urlSlugWords } from '../content/url.js';

/**
 * The topic a suggested link most likely belongs under, asked of the engine with the note and
 * the link's words (`k8s-cronjobs` → k8s, cronjobs): the topic the words name, else the topic of
 * the best matching resource, else the closest topic; undefined when nothing comes close.
 */
export function guessTopic(
  engine: AnswerEngine,
  suggestion: { url: string; note?: string },
): TopicRef | undefined {
  const words = [suggestion.note ?? '', ...urlSlugWords(suggestion.url)].join(' ').trim();
  if (words === '') return undefined;
  // Asked as a question, never as a command: "help" or "topics" in a note must not run one.
  const answer = engine.answer(`about ${words}`);
  if (answer.kind === 'topic') return answer.topic;
  if (answer.kind === 'search') {
    if (answer.topic) return answer.topic;
    const first = answer.results[0]?.resource;
    const topic = first && engine.catalog.topicsById.get(first.topicIds[0]!);
    return topic && topicRef(topic);
  }
  if (answer.kind === 'none') return answer.suggestions[0];
  return undefined;
}
