import type { Answer } from '../engine/answer.js';

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
