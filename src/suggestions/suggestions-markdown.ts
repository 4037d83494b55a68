import type { TopicRef } from '../engine/answer.js';
import { breadcrumb } from '../engine/describe-resource.js';
import { titleFromUrl } from '../content/url.js';
import type { SuggestionRecord } from '../store/analytics-store.js';

/** A suggestion with the topic it was guessed to belong under (none when nothing came close). */
export interface PlacedSuggestion {
  suggestion: SuggestionRecord;
  topic?: TopicRef;
}

/**
 * Suggestions as resource lines in the content format (`- [Title](URL) — Description. (type)`),
 * grouped under a heading named and levelled like the guessed topic's own in `content/`, so that
 * each group can be pasted under that heading. Title, description and type are first drafts for
 * the curator to check: the title comes from the link, the description from the note.
 */
export function suggestionsMarkdown(placed: PlacedSuggestion[]): string {
  const groups = new Map<string, PlacedSuggestion[]>();
  for (const entry of placed) {
    const key = entry.topic?.id ?? '';
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const sections = [...groups.values()].map((group) => {
    const topic = group[0]!.topic;
    const heading = topic
      ? [
          `<!-- Guessed topic: ${breadcrumb(topic.path)}. Paste under its heading in content/. -->`,
          `${'#'.repeat(topic.path.length)} ${topic.name}`,
        ]
      : ['<!-- No topic guessed: file these under the right heading by hand. -->'];
    return [...heading, '', ...group.map(({ suggestion }) => resourceLine(suggestion))].join('\n');
  });
  return [
    '<!-- Suggested from chat with /devops suggest; check each title, description and type before pasting. -->',
    '',
    sections.join('\n\n'),
  ].join('\n');
}

function resourceLine(suggestion: SuggestionRecord): string {
  const title = titleFromUrl(suggestion.url).replace(/[[\]]/g, '');
  return `- [${title}](${suggestion.url}) — ${description(suggestion)} (${guessType(suggestion.url)})`;
}

function description(suggestion: SuggestionRecord): string {
  const note = suggestion.note?.trim().replace(/\s+/g, ' ');
  if (!note)
    return `Suggested ${suggestion.count === 1 ? 'once' : `${suggestion.count} times`} in chat; say in one sentence what it teaches.`;
  const sentence = note.charAt(0).toUpperCase() + note.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The likely resource type from the link alone: videos and docs are easy to tell, the rest are articles. */
function guessType(url: string): string {
  const { hostname, pathname } = new URL(url);
  if (/(^|\.)(youtube\.com|youtu\.be|vimeo\.com)$/.test(hostname)) return 'video';
  if (/^docs?\./.test(hostname) || /\/(docs?|documentation|reference)(\/|$)/.test(pathname)) {
    return 'docs';
  }
  if (/\.pdf$/i.test(pathname)) return 'slides';
  return 'article';
}
