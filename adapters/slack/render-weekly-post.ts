import type { WeeklyPost } from '../../src/platform/weekly-post.js';
import { actionsBlock, contextBlock, headerBlock, type SlackMessage } from './block-kit.js';
import { topicButton } from './query-buttons.js';
import { resourceSection } from './resource-section.js';
import { fallbackText } from './slack-text.js';

const WEEK_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The resource of the week as a Block Kit message: the resource, the week it is for, and a
 * **More on TOPIC** button that answers the topic's query to whoever clicks it.
 */
export function renderWeeklyPost(post: WeeklyPost): SlackMessage {
  const { resource, topic, slot } = post;
  return {
    text: fallbackText([`Resource of the week: ${resource.title}`, resource.url]),
    blocks: [
      headerBlock('Resource of the week'),
      resourceSection(resource),
      contextBlock([`Week of ${WEEK_FORMAT.format(slot)}`]),
      actionsBlock([topicButton(topic, 0, `More on ${topic.name}`)]),
    ],
  };
}
