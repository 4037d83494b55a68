import { countOf } from '../text/plural.js';
import type { CuratorReport } from './curator-report.js';

// The text report lists the top few of each list; --json has them all.
const TOP = 10;

function platformList(platforms: Record<string, number>): string {
  return Object.entries(platforms)
    .map(([platform, count]) => `${platform} ${count}`)
    .join(', ');
}

/** The curator's report as plain lines, for a terminal; `top` entries of each list (chat shows fewer). */
export function reportLines(report: CuratorReport, top = TOP): string[] {
  const unansweredCount = report.unanswered.reduce((sum, entry) => sum + entry.count, 0);
  const asked = report.answered + unansweredCount;
  const rate = asked === 0 ? 0 : Math.round((report.answered / asked) * 100);
  const lines = [
    `Last ${report.period.days} days (${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}): ${asked} questions, ${report.answered} answered (${rate}%), ${unansweredCount} unanswered.`,
  ];
  if (asked === 0) {
    lines.push('Nothing was asked in chat in this period (or ANALYTICS is off).');
  }
  if (report.unanswered.length > 0) {
    lines.push('', 'Top unanswered questions (add a resource, or an alias in aliases.yml):');
    for (const entry of report.unanswered.slice(0, top)) {
      const closest =
        entry.suggestedTopics.length > 0 ? `; closest: ${entry.suggestedTopics.join(', ')}` : '';
      lines.push(
        `  ${entry.count}× "${entry.query}" by ${countOf(entry.askers, 'person', 'people')} (${platformList(entry.platforms)}), last ${entry.lastSeen.slice(0, 10)}${closest}`,
      );
    }
  }
  if (report.notHelpful.length > 0) {
    lines.push('', 'Resources most often in answers voted "not helpful":');
    for (const entry of report.notHelpful.slice(0, top)) {
      lines.push(`  ${entry.votes}× ${entry.resourceId} (for: ${entry.queries.join('; ')})`);
    }
  }
  if (report.notHelpfulQueries.length > 0) {
    lines.push('', 'Questions whose answers were voted "not helpful" (a better resource to find):');
    for (const entry of report.notHelpfulQueries.slice(0, top)) {
      lines.push(
        `  ${entry.votes}× "${entry.query}" by ${countOf(entry.voters, 'person', 'people')} (${platformList(entry.platforms)}), last ${entry.lastSeen.slice(0, 10)}`,
      );
    }
  }
  if (report.topics.length > 0) {
    lines.push('', 'Most asked topics:');
    for (const entry of report.topics.slice(0, top)) {
      lines.push(`  ${entry.count}× ${entry.topic} (${platformList(entry.platforms)})`);
    }
  }
  return lines;
}
