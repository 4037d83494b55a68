import type { NoticeAnswer } from '../engine/answer.js';
import type { ChannelCommand, CommandDeclaration } from '../platform/chat-command.js';
import type { AnalyticsStore } from '../store/analytics-store.js';
import { DEFAULT_REPORT_DAYS, readCuratorReport } from './read-report.js';
import { reportLines } from './report-text.js';

/** How many entries of each list the chat report shows; the CLI's report has more. */
const CHAT_TOP = 5;
const MAX_DAYS = 3650;

/** How `report` is called and explained; {@link createReportChatCommand} gives it its action. */
export const REPORT_CHAT_COMMAND = {
  name: 'report',
  aliases: [],
  needs: 'channel',
  calledBy: 'first word',
  usage: 'report [DAYS]',
  summary:
    "The curator's report, short and only for you: unanswered questions, answers voted not helpful, most asked topics (admins only).",
  examples: ['report', 'report 7'],
} satisfies CommandDeclaration;

/** What the chat report reads: the analytics store and the time. */
export interface ReportChatDependencies {
  analytics: AnalyticsStore;
  now: () => Date;
}

/**
 * `report [DAYS]` in chat: the same report as `devops-bot report`, its lists cut short, shown
 * privately to admins (the rule of `subscribe`: whoever may manage the channel) and refused,
 * privately, to everyone else.
 */
export function createReportChatCommand(dependencies: ReportChatDependencies): ChannelCommand {
  return {
    ...REPORT_CHAT_COMMAND,
    async run(args, context) {
      const query = `report ${args}`.trim();
      if (!(await context.canManageChannel?.())) {
        return privateNotice(query, 'refusal', 'Only admins can see the report', [
          `The report shows what the team asked, so it is for ${context.channelManagers ?? 'people who can manage the channel'}.`,
          'Ask one of them, or the curator, who can also run "devops-bot report".',
        ]);
      }
      const days = readDays(args);
      if (days === undefined) {
        return privateNotice(query, 'error', 'That number of days cannot be read', [
          `"${args}" is not a number of days from 1 to ${MAX_DAYS}. Try "report" for the last ${DEFAULT_REPORT_DAYS} days, or "report 7".`,
        ]);
      }
      const report = await readCuratorReport(dependencies.analytics, dependencies.now(), days);
      return privateNotice(query, 'info', `Curator report, last ${days} days`, [
        ...reportLines(report, CHAT_TOP),
        '',
        `The full report, with every entry: devops-bot report --days ${days}`,
      ]);
    },
  };
}

function readDays(args: string): number | undefined {
  const text = args.trim().replace(/\s*days?$/i, '');
  if (text === '') return DEFAULT_REPORT_DAYS;
  const days = Number(text);
  return /^\d+$/.test(text) && days >= 1 && days <= MAX_DAYS ? days : undefined;
}

function privateNotice(
  query: string,
  tone: NoticeAnswer['tone'],
  title: string,
  lines: string[],
): NoticeAnswer {
  return { kind: 'notice', query, tone, title, lines, private: true };
}
