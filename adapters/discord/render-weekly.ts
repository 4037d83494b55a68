import { ButtonStyle } from 'discord.js';
import { breadcrumb, resourceFacts } from '../../src/engine/describe-resource.js';
import type { WeeklyPost } from '../../src/platform/weekly-post.js';
import { buttonRows, type ButtonActions } from './button-actions.js';
import { escapeText, type DiscordMessage } from './discord-text.js';
import { FOUND_COLOUR } from './render-results.js';
import { WEEKLY_AUTHOR } from './weekly-marker.js';

/**
 * The resource of the week as a channel message: the linked title, description, type and topic
 * path, with a **More on TOPIC** button that asks for that topic. Its timestamp is the slot, which
 * is how the post is found again after a crash.
 */
export function renderWeeklyPost(post: WeeklyPost, buttons: ButtonActions): DiscordMessage {
  const { resource, topic, slot } = post;
  const more = buttons.button(
    `More on ${topic.name}`,
    { kind: 'ask', state: { query: topic.name, page: 1 } },
    ButtonStyle.Primary,
  );
  return {
    embeds: [
      {
        color: FOUND_COLOUR,
        author: { name: WEEKLY_AUTHOR },
        title: escapeText(resource.title),
        url: resource.url,
        ...(resource.description && { description: escapeText(resource.description) }),
        fields: [
          { name: 'Type', value: escapeText(resourceFacts(resource) || 'Resource'), inline: true },
          { name: 'Topic', value: escapeText(breadcrumb(topic.path)), inline: true },
        ],
        timestamp: slot.toISOString(),
      },
    ],
    components: buttonRows([more]),
    private: false,
  };
}
