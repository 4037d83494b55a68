import type {
  Answer,
  AnswerResult,
  PageInfo,
  SeriesStep,
  TopicTreeNode,
} from '../../src/engine/answer.js';
import { breadcrumb, resourceFacts } from '../../src/engine/describe-resource.js';
import { bold, dim, link, terminalSafe, type TerminalStyle } from './terminal-text.js';

/** How to ask for page `next`: typing `more` in the console, a flag on the command line. */
export type NextPageHint = (next: number) => string;

const TYPE_MORE: NextPageHint = () => 'Type "more" for the next page.';

/** How to follow a series: from its `start` (a topic's path) or to its `next` part. */
export type SeriesStepHint = (step: SeriesStep, kind: 'start' | 'next') => string;

const TYPE_THE_QUERY: SeriesStepHint = (step) => `Type "${step.query}".`;

/** The ways on from an answer, as `renderText` phrases them. */
export interface TextHints {
  nextPage?: NextPageHint;
  seriesStep?: SeriesStepHint;
}

/** Renders an answer as terminal text: numbered resources with their links, facts and topics. */
export function renderText(
  answer: Answer,
  style: TerminalStyle = { rich: false },
  hints: TextHints = {},
): string {
  const nextPage = hints.nextPage ?? TYPE_MORE;
  const seriesStep = hints.seriesStep ?? TYPE_THE_QUERY;
  switch (answer.kind) {
    case 'help':
      return [
        bold('devops-bot finds DevOps and MLOps learning resources.', style),
        '',
        ...answer.commands.map(
          (command) =>
            `  ${command.usage.padEnd(22)} ${command.summary}\n  ${' '.repeat(22)} ${dim(
              'e.g. ' + command.examples.join(', '),
              style,
            )}`,
        ),
      ].join('\n');
    case 'topics':
      return [bold('Topics', style), ...answer.tree.flatMap((node) => treeLines(node, 0))].join(
        '\n',
      );
    case 'topic': {
      const header = [
        bold(answer.topic.name, style) + dim(`  (${breadcrumb(answer.topic.path)})`, style),
      ];
      if (answer.readFrom) {
        header.push(
          dim(`Showing ${answer.topic.name} for "${terminalSafe(answer.readFrom)}".`, style),
        );
      }
      header.push(...noteLines(answer.notes, style));
      if (answer.topic.summary) header.push(terminalSafe(answer.topic.summary));
      if (answer.viaSearch && answer.results.length > 0) {
        header.push(
          dim(
            `Nothing is filed under ${answer.topic.name} yet; these resources mention it.`,
            style,
          ),
        );
      }
      if (answer.results.length === 0) header.push('No resources here yet.');
      if (answer.subtopics.length > 0) {
        header.push(
          dim('Subtopics: ' + answer.subtopics.map((topic) => topic.name).join(', '), style),
        );
      }
      if (answer.path) {
        const { series, parts, start } = answer.path;
        header.push(
          `Learning path: the ${parts} parts of "${terminalSafe(series)}" are listed in order. Start here: part ${start.part} of ${start.of}. ${seriesStep(start, 'start')}`,
        );
      }
      return [...header, '', ...resultLines(answer.results, answer.page, style, nextPage)].join(
        '\n',
      );
    }
    case 'search': {
      const scope = answer.topic ? ` in ${answer.topic.name}` : '';
      const title = bold(`Results for "${terminalSafe(answer.query)}"${scope}`, style);
      const next = answer.next
        ? [
            '',
            `Next: part ${answer.next.part} of ${answer.next.of}, "${terminalSafe(answer.next.title)}". ${seriesStep(answer.next, 'next')}`,
          ]
        : [];
      return [
        title,
        ...noteLines(answer.notes, style),
        '',
        ...resultLines(answer.results, answer.page, style, nextPage),
        ...next,
      ].join('\n');
    }
    case 'notice':
      return [bold(terminalSafe(answer.title), style), ...answer.lines.map(terminalSafe)].join(
        '\n',
      );
    case 'none':
      return [
        `Nothing in the catalog matches "${terminalSafe(answer.query)}".`,
        ...noteLines(answer.notes, style),
        answer.suggestions.length > 0
          ? `Try a topic: ${answer.suggestions.map((topic) => topic.name).join(', ')}`
          : 'Type "topics" to see what the catalog covers.',
      ].join('\n');
  }
}

function resultLines(
  results: AnswerResult[],
  page: PageInfo,
  style: TerminalStyle,
  nextPage: NextPageHint,
): string[] {
  const first = (page.number - 1) * page.size;
  const lines = results.flatMap(({ resource }, index) => {
    const facts = resourceFacts(resource);
    return [
      `${String(first + index + 1).padStart(2)}. ${bold(resource.title, style)}${facts ? dim(`  [${facts}]`, style) : ''}`,
      ...(resource.description ? [`    ${terminalSafe(resource.description)}`] : []),
      `    ${link(resource.url, style)}`,
      `    ${dim(resource.topics.map(breadcrumb).join(' | '), style)}`,
    ];
  });
  if (page.totalPages > 1) {
    const more = page.number < page.totalPages ? ` ${nextPage(page.number + 1)}` : '';
    lines.push(
      '',
      dim(
        `Page ${page.number} of ${page.totalPages} (${page.totalResults} resources).${more}`,
        style,
      ),
    );
  }
  return lines;
}

function treeLines(node: TopicTreeNode, depth: number): string[] {
  return [
    `${'  '.repeat(depth + 1)}${terminalSafe(node.name)} (${node.count})`,
    ...node.children.flatMap((child) => treeLines(child, depth + 1)),
  ];
}

/** The engine's one-line remarks on how it read the question, dimmed. */
function noteLines(notes: string[] | undefined, style: TerminalStyle): string[] {
  return (notes ?? []).map((note) => dim(terminalSafe(note), style));
}
