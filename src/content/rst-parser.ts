import type { ContentReport } from './types.js';
import { preambleSection, type ParsedDocument, type ParsedSection } from './parsed.js';
import { readLinkLine } from './link-line.js';
import { findUrls } from './url.js';

const ADORNMENT = /^([!-/:-@[-`{-~])\1{2,}\s*$/;
const BULLET = /^\s*[-*+•]\s+/;
const DIRECTIVE = /^\.\.(\s|$)/;

interface Title {
  text: string;
  style: string;
  line: number;
  /** Number of lines the title occupies, adornments included. */
  span: number;
}

/**
 * Parses reStructuredText notes as the team keeps them: adorned section titles (levels in the
 * order styles first appear, as docutils assigns them), `label: URL` lines, `URL : description`
 * bullets, directives skipped, and prose paragraphs kept as the section's summary.
 */
export function parseRst(file: string, text: string, report: ContentReport): ParsedDocument {
  const lines = text.split(/\r?\n/);
  const styles: string[] = [];
  const sections: ParsedSection[] = [];
  let current: ParsedSection | undefined;
  let paragraph: { text: string; line: number }[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) {
      addParagraph(file, paragraph, current, sections, report);
      paragraph = [];
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const title = readTitle(lines, i, file, report);
    if (title) {
      flushParagraph();
      current = openSection(title, styles, sections, file, report);
      i += title.span - 1;
      continue;
    }
    if (DIRECTIVE.test(line)) {
      flushParagraph();
      i = skipIndentedBlock(lines, i);
      continue;
    }
    if (line.trim() === '' || ADORNMENT.test(line)) {
      flushParagraph();
      continue;
    }
    // A bullet, or an unindented line holding a link, starts its own logical line.
    const standsAlone = !/^\s/.test(line) && findUrls(line).length > 0;
    if (BULLET.test(line) || standsAlone || paragraphHasLink(paragraph)) flushParagraph();
    paragraph.push({ text: line, line: i + 1 });
  }
  flushParagraph();
  return { file, sections };
}

function readTitle(lines: string[], i: number, file: string, report: ContentReport): Title | undefined {
  const line = lines[i]!;
  const next = lines[i + 1];
  const afterNext = lines[i + 2];
  const overline = ADORNMENT.exec(line);
  if (overline && next !== undefined && next.trim() !== '' && !ADORNMENT.test(next)) {
    const underline = afterNext === undefined ? null : ADORNMENT.exec(afterNext);
    if (!underline || underline[1] !== overline[1]) {
      report.errors.push({
        file,
        line: i + 1,
        message: `Title overline has no matching underline of "${overline[1]}" two lines below`,
        hint: `Put the same line of "${overline[1]}" characters under the title as above it.`,
      });
      return undefined;
    }
    return { text: next.trim(), style: 'over' + overline[1], line: i + 2, span: 3 };
  }
  const previous = i > 0 ? lines[i - 1]! : '';
  const underline = next === undefined ? null : ADORNMENT.exec(next);
  if (underline && line.trim() !== '' && !ADORNMENT.test(line) && previous.trim() === '') {
    if (/^\s/.test(line)) return undefined;
    return { text: line.trim(), style: 'under' + underline[1], line: i + 1, span: 2 };
  }
  return undefined;
}

function openSection(
  title: Title,
  styles: string[],
  sections: ParsedSection[],
  file: string,
  report: ContentReport,
): ParsedSection {
  let level = styles.indexOf(title.style) + 1;
  if (level === 0) {
    const deepest = sections.at(-1)?.level ?? 0;
    styles.push(title.style);
    level = styles.length;
    if (level > deepest + 1) {
      report.warnings.push({
        file,
        line: title.line,
        message: `Section "${title.text}" skips a level; it is placed one level below the section before it`,
        hint: 'Underline it like the sections one level below the section before it.',
      });
      level = deepest + 1;
    }
  }
  const { text, links } = readLinkLine(title.text, title.line, file, report);
  const section: ParsedSection = {
    title: text || title.text,
    level,
    line: title.line,
    summary: [],
    links: links.map((link) => ({ ...link, label: link.label ?? text })),
  };
  sections.push(section);
  return section;
}

function addParagraph(
  file: string,
  paragraph: { text: string; line: number }[],
  section: ParsedSection | undefined,
  sections: ParsedSection[],
  report: ContentReport,
): void {
  const joined = paragraph.map((part) => part.text.trim()).join(' ');
  const first = paragraph[0]!.line;
  const isBullet = BULLET.test(paragraph[0]!.text);
  const body = joined.replace(BULLET, '');
  const { text, links } = readLinkLine(body, first, file, report);
  const target = section ?? preambleSection(sections);
  if (links.length > 0) {
    target.links.push(...links);
  } else if (!isBullet && !text.endsWith(':')) {
    target.summary.push(text);
  }
}

function paragraphHasLink(paragraph: { text: string }[]): boolean {
  const last = paragraph.at(-1);
  return last !== undefined && !BULLET.test(paragraph[0]!.text) && findUrls(last.text).length > 0;
}

function skipIndentedBlock(lines: string[], start: number): number {
  let i = start + 1;
  while (i < lines.length && (lines[i]!.trim() === '' || /^\s/.test(lines[i]!))) i++;
  return i - 1;
}
