import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** Name of the bot's slash command. */
export const COMMAND_NAME = 'devops';
/** Name of its one option, the query. */
export const QUERY_OPTION = 'query';
/** Longest query the option accepts. */
export const MAX_QUERY_LENGTH = 500;

/**
 * `/devops [query]`, as registered with Discord and answered by the adapter: one optional,
 * autocompleted query, usable in servers and in a DM with the bot.
 */
export const DEVOPS_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: COMMAND_NAME,
  description: 'Find DevOps and MLOps learning resources',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: QUERY_OPTION,
      description: 'A topic or a question, e.g. "k8s cronjobs"; empty for help',
      required: false,
      autocomplete: true,
      max_length: MAX_QUERY_LENGTH,
    },
  ],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};
