import type { Explanation } from '../../engine/engine.js';
import type { ParsedQuery } from '../../query/parsed-query.js';

/**
 * An explanation as a curator reads it: how the query was understood, the steps the lookup took,
 * and each result's score with the words that earned it.
 */
export function renderExplanation(query: string, explanation: Explanation): string {
  const lines = [`Query: "${query}"`, `Command: ${explanation.command}`];
  if (explanation.parsed) lines.push('Read as:', ...describeParsed(explanation.parsed, '  '));
  if (explanation.steps.length > 0) {
    lines.push('Steps:', ...explanation.steps.map((step, i) => `  ${i + 1}. ${step}`));
  }
  const { answer } = explanation;
  lines.push(`Answer: ${answer.kind}`);
  for (const note of 'notes' in answer ? (answer.notes ?? []) : []) lines.push(`  note: ${note}`);
  if ('results' in answer) {
    answer.results.forEach((result, i) => {
      const type = result.resource.type ? ` [${result.resource.type}]` : '';
      lines.push(`  ${i + 1}. ${result.resource.title}${type}  score ${result.score.toFixed(2)}`);
      lines.push(`     ${result.resource.url}`);
      const parts = Object.entries(result.match ?? {}).map(
        ([word, fields]) => `${word} (${fields.join(', ')})`,
      );
      lines.push(
        `     ${parts.length > 0 ? `matched: ${parts.join('; ')}` : 'listed with its topic'}`,
      );
    });
  }
  if (answer.kind === 'none') {
    lines.push(
      `  suggestions: ${answer.suggestions.map((topic) => topic.name).join(', ') || 'none'}`,
    );
  }
  return lines.join('\n');
}

function describeParsed(parsed: ParsedQuery, indent: string): string[] {
  const list = (words: string[]) => (words.length > 0 ? words.join(', ') : '-');
  const lines = [
    `topics: ${list(parsed.topics.map((mention) => mention.topic.name + (mention.exact ? '' : ' (typo)')))}`,
    `subject words: ${list(parsed.subjects)}`,
    `learning words (not required): ${list(parsed.generic)}`,
    `resource types asked for: ${list(parsed.types)}`,
    `filler dropped: ${list(parsed.filler)}`,
    `context (used only if it narrows): ${list(parsed.context)}`,
  ].map((line) => indent + line);
  if (parsed.truncated) lines.push(`${indent}cut to its first ${parsed.text.length} characters`);
  for (const [i, side] of (parsed.sides ?? []).entries()) {
    lines.push(`${indent}side ${i + 1} ("${side.text}"):`, ...describeParsed(side, indent + '  '));
  }
  return lines;
}
