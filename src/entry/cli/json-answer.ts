import type { Answer } from '../../engine/answer.js';
import type { Explanation } from '../../engine/engine.js';

/** One resource in the CLI's JSON output. */
export interface JsonResult {
  id: string;
  url: string;
  title: string;
  description: string;
  topics: string[][];
  score: number;
}

/** The CLI's JSON contract for one answer; scripts rely on it, so its shape does not change. */
export interface JsonAnswer {
  query: string;
  kind: Answer['kind'];
  topic: string | null;
  results: JsonResult[];
  suggestions: string[];
}

/** The JSON form of an answer, as `devops-bot ask --json` prints it. */
export function toJsonAnswer(query: string, answer: Answer): JsonAnswer {
  const results = 'results' in answer ? answer.results : [];
  const topic =
    answer.kind === 'topic' || answer.kind === 'search' ? (answer.topic?.name ?? null) : null;
  return {
    query,
    kind: answer.kind,
    topic,
    results: results.map(({ resource, score }) => ({
      id: resource.id,
      url: resource.url,
      title: resource.title,
      description: resource.description,
      topics: resource.topics,
      score: Math.round(score * 1000) / 1000,
    })),
    suggestions:
      answer.kind === 'none' ? answer.suggestions.map((suggestion) => suggestion.name) : [],
  };
}

/** The explanation part of `ask --json --explain`: how the query was read and the lookup's steps. */
export function explainJson(explanation: Explanation): Record<string, unknown> {
  const parsed = explanation.parsed;
  return {
    command: explanation.command,
    steps: explanation.steps,
    notes: 'notes' in explanation.answer ? (explanation.answer.notes ?? []) : [],
    ...(parsed
      ? {
          read: {
            topics: parsed.topics.map((mention) => mention.topic.name),
            subjects: parsed.subjects,
            generic: parsed.generic,
            types: parsed.types,
            filler: parsed.filler,
            context: parsed.context,
            sides: (parsed.sides ?? []).map((side) => side.text),
          },
        }
      : {}),
    scores: ('results' in explanation.answer ? explanation.answer.results : []).map((result) => ({
      url: result.resource.url,
      score: Math.round(result.score * 1000) / 1000,
      matched: result.match ?? {},
    })),
  };
}
