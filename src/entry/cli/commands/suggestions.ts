import { createEngine } from '../../../engine/engine.js';
import { openStore } from '../../../store/open-store.js';
import type { AnalyticsStore, SuggestionRecord } from '../../../store/analytics-store.js';
import { guessTopic } from '../../../suggestions/guess-topic.js';
import { suggestionsMarkdown } from '../../../suggestions/suggestions-markdown.js';
import { countOf } from '../../../text/plural.js';
import { type CliArgs, type CliCommand, type CliIo, UsageError } from '../cli-command.js';
import { CONTENT_OPTION, loadUsableContent } from '../content-flag.js';

/**
 * `devops-bot suggestions [--json | --markdown] [--dismiss ID]`: the links people suggested in
 * chat, most often suggested first; `--markdown` drafts them as content lines under guessed topics.
 */
export const suggestionsCommand: CliCommand = {
  name: 'suggestions',
  usage: 'suggestions [--json | --markdown [--content DIR]] [--dismiss ID]',
  summary:
    'List the links suggested in chat with /devops suggest, most often suggested first; --markdown drafts them as content lines grouped under a guessed topic, ready to paste; --dismiss ID removes one.',
  options: {
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    dismiss: { type: 'string' },
    ...CONTENT_OPTION,
  },
  async run(args, io) {
    if (args.values.json && args.values.markdown) {
      throw new UsageError('choose one of --json and --markdown');
    }
    const store = await openStore(io.config.store);
    try {
      if (typeof args.values.dismiss === 'string') {
        return await dismiss(args.values.dismiss.trim(), store.analytics, io);
      }
      const suggestions = await store.analytics.suggestions();
      if (args.values.json) {
        io.stdout.write(JSON.stringify({ suggestions: suggestions.map(toJson) }, null, 2) + '\n');
      } else if (args.values.markdown) {
        io.stdout.write((await markdown(suggestions, args, io)) + '\n');
      } else {
        io.stdout.write(listLines(suggestions).join('\n') + '\n');
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

async function dismiss(id: string, analytics: AnalyticsStore, io: CliIo): Promise<number> {
  const suggestion = (await analytics.suggestions()).find((candidate) => candidate.id === id);
  if (!suggestion || !(await analytics.dismissSuggestion(id))) {
    io.stderr.write(
      `devops-bot suggestions: there is no suggestion "${id}"; "devops-bot suggestions" lists them with their ids.\n`,
    );
    return 1;
  }
  io.stdout.write(`Dismissed ${id}: ${suggestion.url}\n`);
  return 0;
}

/** A suggestion as `--json` prints it: no suggester, not even hashed. */
function toJson(suggestion: SuggestionRecord) {
  return {
    id: suggestion.id,
    url: suggestion.url,
    note: suggestion.note ?? null,
    count: suggestion.count,
    firstAt: suggestion.firstAt.toISOString(),
    lastAt: suggestion.lastAt.toISOString(),
  };
}

function listLines(suggestions: SuggestionRecord[]): string[] {
  if (suggestions.length === 0) {
    return [
      'No suggestions yet. People add them in chat with /devops suggest URL [what it teaches].',
    ];
  }
  return [
    `${countOf(suggestions.length, 'suggestion')}, most often suggested first (dismiss one with --dismiss ID):`,
    ...suggestions.map(
      (suggestion) =>
        `  ${suggestion.id}  ${suggestion.count}×  ${suggestion.url}${suggestion.note ? `  "${suggestion.note}"` : ''}  (last ${suggestion.lastAt.toISOString().slice(0, 10)})`,
    ),
  ];
}

async function markdown(
  suggestions: SuggestionRecord[],
  args: CliArgs,
  io: CliIo,
): Promise<string> {
  if (suggestions.length === 0) return '<!-- No suggestions yet. -->';
  const engine = createEngine((await loadUsableContent(args, io)).catalog);
  return suggestionsMarkdown(
    suggestions.map((suggestion) => {
      const topic = guessTopic(engine, suggestion);
      return topic ? { suggestion, topic } : { suggestion };
    }),
  );
}
