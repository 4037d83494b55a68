import MarkdownIt from 'markdown-it';
import type { ContentReport } from './types.js';
import {
  preambleSection,
  type ParsedDocument,
  type ParsedLink,
  type ParsedSection,
  type ResourceLinePart,
} from './parsed.js';
import { readLinkMetadata } from './link-metadata.js';
import { checkHeadingLevel, checkLinkSyntax } from './markdown-checks.js';
import { findUrls, isHttpUrl, titleFromUrl } from './url.js';

const markdown = new MarkdownIt({ linkify: true });
type Token = ReturnType<typeof markdown.parse>[number];

/**
 * Parses a Markdown content file with markdown-it: headings form sections, each link in a list
 * item or paragraph is a resource (its link text the title, the text after it the description),
 * and paragraphs without links are the section's summary.
 */
export function parseMarkdown(file: string, text: string, report: ContentReport): ParsedDocument {
  const tokens = markdown.parse(text, {});
  const sections: ParsedSection[] = [];
  let current: ParsedSection | undefined;
  let listDepth = 0;
  let headingLevel: number | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      const level = Number(token.tag.slice(1));
      checkHeadingLevel(file, line, level, headingLevel, report);
      headingLevel = level;
      current = headingSection(file, inline, level, line, report);
      sections.push(current);
      i += 2;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      listDepth++;
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      listDepth--;
    } else if (token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
      const target = current ?? preambleSection(sections);
      checkLinkSyntax(file, line, token.children ?? [], report);
      const links = readLinks(file, token, line, report, listDepth > 0);
      if (links.length > 0) target.links.push(...links);
      else if (listDepth === 0 && !token.content.trim().endsWith(':')) {
        target.summary.push(plainText(token.children ?? []));
      }
    }
  }
  return { file, sections };
}

function headingSection(
  file: string,
  inline: Token,
  level: number,
  line: number,
  report: ContentReport,
): ParsedSection {
  const links = readLinks(file, inline, line, report);
  const children = inline.children ?? [];
  const title = plainText(children.filter((_, index) => !insideLink(children, index)))
    .replace(/[\s:\-–—]+$/, '')
    .trim();
  const name = title || links[0]?.title || '';
  return {
    title: name,
    level,
    line,
    summary: [],
    links: links.map((link) => ({ ...link, label: link.label ?? name })),
  };
}

/**
 * Reads every link of an inline token: link text is the title, text before a label, after a
 * description. In a bullet, a titled link also records what it leaves out of `— Description. (type)`.
 */
function readLinks(
  file: string,
  inline: Token,
  line: number,
  report: ContentReport,
  bullet = false,
): ParsedLink[] {
  const children = inline.children ?? [];
  const opens = children.flatMap((child, index) => (child.type === 'link_open' ? [index] : []));
  if (opens.length === 0) return [];
  const firstOpen = opens[0]!;
  const lastClose = children.findLastIndex((child) => child.type === 'link_close');
  const label = plainText(children.slice(0, firstOpen))
    .replace(/[\s:\-–—]+$/, '')
    .trim();
  const trailing = plainText(children.slice(lastClose + 1))
    .replace(/^[\s,:\-–—]+/, '')
    .trim();
  const { description, type, series, problem } = readLinkMetadata(trailing);
  if (problem) {
    const { severity, ...issue } = problem;
    report[severity === 'error' ? 'errors' : 'warnings'].push({ file, line, ...issue });
  }
  // An unknown type is already an error; "no type" on top of it would contradict it.
  const missing: ResourceLinePart[] = [
    ...(description ? [] : ['description' as const]),
    ...(type || problem?.severity === 'error' ? [] : ['type' as const]),
  ];

  const links: ParsedLink[] = [];
  for (const open of opens) {
    const href = String(children[open]!.attrGet('href') ?? '');
    const close = children.findIndex((child, index) => index > open && child.type === 'link_close');
    const text = plainText(children.slice(open + 1, close)).trim();
    const url = repairedHref(href, file, line, report);
    if (!url) continue;
    const isBareUrl = text === '' || text === href || findUrls(text).length > 0;
    if (isBareUrl) {
      const shown = label || titleFromUrl(url);
      report.warnings.push({
        file,
        line,
        message: `Bare URL ${url}: its title will be "${shown}"`,
        hint: `Write it as [${shown}](${url}) — Description. (type)`,
      });
    }
    links.push({
      url,
      line,
      ...(isBareUrl ? {} : { title: text }),
      ...(label ? { label } : {}),
      ...(description ? { description } : {}),
      ...(type ? { type } : {}),
      ...(series ? { series } : {}),
      ...(bullet && !isBareUrl && missing.length > 0 ? { missing } : {}),
    });
  }
  return links;
}

function repairedHref(href: string, file: string, line: number, report: ContentReport) {
  const [found] = findUrls(href);
  if (found?.repairedFrom) {
    report.warnings.push({
      file,
      line,
      message: `Malformed link scheme "${found.repairedFrom}://" repaired to "https://": ${found.url}`,
      hint: 'Write the address with https:// as published.',
    });
    return found.url;
  }
  if (!isHttpUrl(href)) {
    report.errors.push({
      file,
      line,
      message: `Not a usable web address: ${href || '(empty)'}`,
      hint: 'Copy the full address, starting with https://, from the browser.',
    });
    return undefined;
  }
  return href;
}

function insideLink(children: Token[], index: number): boolean {
  let depth = 0;
  for (let i = 0; i <= index; i++) {
    const type = children[i]!.type;
    if (type === 'link_open') depth++;
    if (type === 'link_close') depth--;
    if (i === index && (type === 'link_open' || type === 'link_close')) return true;
  }
  return depth > 0;
}

function plainText(children: Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'text' || child.type === 'code_inline') return child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
      return '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
