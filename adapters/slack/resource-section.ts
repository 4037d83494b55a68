import type { types } from '@slack/bolt';
import type { Resource } from '../../src/content/types.js';
import { breadcrumb, resourceFacts } from '../../src/engine/describe-resource.js';
import { sectionBlock } from './block-kit.js';
import { clip, clipMrkdwn, escapeMrkdwn, mrkdwn, mrkdwnLink, SLACK_LIMITS } from './slack-text.js';

const MAX_TITLE_LENGTH = 250;
const MAX_FACTS_LENGTH = 500;

/**
 * One resource as a section: its title linked to its URL, its description, then its type and
 * topic breadcrumbs. The description gives way first when the section would be too long.
 */
export function resourceSection(resource: Resource): types.SectionBlock {
  const title = `*${mrkdwnLink(resource.url, clip(resource.title, MAX_TITLE_LENGTH))}*`;
  const facts = [resourceFacts(resource), resource.topics.map(breadcrumb).join(' | ')]
    .filter(Boolean)
    .join(' · ');
  const meta = facts ? `_${mrkdwn(facts, MAX_FACTS_LENGTH)}_` : '';
  const room = SLACK_LIMITS.sectionText - title.length - meta.length - 2;
  const description = clipMrkdwn(escapeMrkdwn(resource.description), room);
  return sectionBlock([title, description, meta].filter(Boolean).join('\n'));
}
