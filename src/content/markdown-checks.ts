import type { ContentReport } from './types.js';

/** The part of a markdown-it token the checks read. */
interface InlineChild {
  type: string;
  content: string;
}

/**
 * Reports link syntax that markdown-it could not read as a link, such as `[Title](URL` without
 * its `)` or `[Title] (URL)` with a space: the bullet would otherwise show `[Title](` as its title.
 */
export function checkLinkSyntax(
  file: string,
  line: number,
  children: InlineChild[],
  report: ContentReport,
): void {
  let depth = 0;
  for (const child of children) {
    if (child.type === 'link_open') depth++;
    else if (child.type === 'link_close') depth--;
    else if (depth === 0 && child.type === 'text' && /\[[^\]]*\]\s*\(/.test(child.content)) {
      report.errors.push({
        file,
        line,
        message: `Broken Markdown link "${child.content.trim().slice(0, 60)}": markdown-it cannot read it as a link`,
        hint: 'Write it as [Title](URL) with no space between ] and ( and a closing ) after the URL.',
      });
      return;
    }
  }
}

/**
 * Reports a heading more than one level below the heading before it (`####` under `##`): the
 * topic would be filed under whichever heading happens to come before, not where it looks.
 */
export function checkHeadingLevel(
  file: string,
  line: number,
  level: number,
  previousLevel: number | undefined,
  report: ContentReport,
): void {
  if (previousLevel === undefined || level <= previousLevel + 1) return;
  const marks = (count: number) => '#'.repeat(count);
  report.errors.push({
    file,
    line,
    message: `Heading level jumps from ${marks(previousLevel)} to ${marks(level)}`,
    hint: `Use ${marks(previousLevel + 1)} for a subtopic of the ${marks(previousLevel)} heading above, or ${marks(previousLevel)} for a topic beside it.`,
  });
}
