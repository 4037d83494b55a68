import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Answer } from '../../src/engine/answer.js';
import { completeQuery } from '../../src/engine/autocomplete.js';
import { voteAcknowledgement } from '../../src/platform/answer-feedback.js';
import type { ConversationContext } from '../../src/platform/conversation.js';
import { APOLOGY, ASK_AGAIN } from '../../src/platform/failure-notices.js';
import type { PagingState } from '../../src/platform/paging-state.js';
import { answerInTime } from './answer-in-time.js';
import type { ButtonAction } from './button-actions.js';
import { COMMAND_NAME, QUERY_OPTION } from './devops-command.js';
import { errorDetails } from './discord-errors.js';
import { DISCORD_LIMITS, escapeText, outgoing } from './discord-text.js';
import type { DiscordHandlerContext } from './handler-context.js';
import { renderAnswer } from './render-answer.js';
import { DISCORD_CHANNEL_MANAGERS, whyBotCannotPost } from './bot-permissions.js';

const PRIVATE = { flags: MessageFlags.Ephemeral } as const;

/**
 * Answers one interaction: `/devops`, autocomplete on its query, or a click on one of the bot's
 * buttons. This is the boundary for interaction errors: they are logged and answered privately
 * with a short apology.
 */
export async function handleInteraction(
  interaction: Interaction,
  context: DiscordHandlerContext,
): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await suggestQueries(interaction, context);
    else if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) {
      await replyWithAnswer(
        interaction,
        interaction.options.getString(QUERY_OPTION) ?? '',
        context,
      );
    } else if (interaction.isButton()) await answerButton(interaction, context);
  } catch (error) {
    context.logger.error(
      { ...errorDetails(error), interactionType: interaction.type, userId: interaction.user.id },
      'discord interaction failed',
    );
    await apologize(interaction, context);
  }
}

async function suggestQueries(
  interaction: AutocompleteInteraction,
  context: DiscordHandlerContext,
) {
  const focused = interaction.options.getFocused(true);
  const choices =
    focused.name === QUERY_OPTION
      ? completeQuery(context.router.currentEngine, String(focused.value), DISCORD_LIMITS.choices)
      : [];
  await interaction.respond(choices);
}

async function answerButton(interaction: ButtonInteraction, context: DiscordHandlerContext) {
  const action = context.buttons.decode(interaction.customId);
  if (!action) {
    const expired = renderAnswer(ASK_AGAIN, context.buttons, context.render);
    await interaction.reply({ ...outgoing(expired), ...PRIVATE });
  } else if (action.kind === 'vote') await acknowledgeVote(interaction, action, context);
  else if (action.kind === 'ask') await replyWithAnswer(interaction, action.state.query, context);
  else if (action.kind === 'part') await followSeries(interaction, action.state, context);
  else await showPage(interaction, action.state, context);
}

/**
 * Answers a series part for the clicker only: in place on a message only they see (so a learner
 * walks the series in one message), else in a new private message.
 */
async function followSeries(
  interaction: ButtonInteraction,
  state: PagingState,
  context: DiscordHandlerContext,
) {
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) {
    await showPage(interaction, state, context);
    return;
  }
  const { value, deferred } = await answerInTime(
    context.router.answer(state.query, conversationOf(interaction), { page: state.page }),
    context.deferAfterMs,
    () => interaction.deferReply(PRIVATE),
  );
  const options = outgoing(renderAnswer(value, context.buttons, context.render));
  if (deferred) await interaction.editReply(options);
  else await interaction.reply({ ...options, ...PRIVATE });
}

/** Records a vote and tells only the clicker; the message everyone sees stays as it is. */
async function acknowledgeVote(
  interaction: ButtonInteraction,
  action: Extract<ButtonAction, { kind: 'vote' }>,
  context: DiscordHandlerContext,
) {
  const outcome = await context.router.vote(
    action.answerId,
    action.verdict,
    conversationOf(interaction),
  );
  await interaction.reply({
    ...outgoing({
      content: escapeText(voteAcknowledgement(outcome)),
      embeds: [],
      components: [],
      private: true,
    }),
    ...PRIVATE,
  });
}

/** Answers in a new message: private for misses, deferred when the answer is slow. */
async function replyWithAnswer(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  query: string,
  context: DiscordHandlerContext,
) {
  const privateHits = context.render.privateHits;
  const { value, deferred } = await answerInTime(
    context.router.answer(query, conversationOf(interaction)),
    context.deferAfterMs,
    () => interaction.deferReply(privateHits ? PRIVATE : {}),
  );
  const message = renderAnswer(value, context.buttons, context.render);
  const options = outgoing(message);
  if (!deferred) {
    await interaction.reply({ ...options, ...(message.private && PRIVATE) });
  } else if (message.private && !privateHits) {
    // A public deferral cannot turn private, so the placeholder gives way to a private follow-up.
    await interaction.deleteReply();
    await interaction.followUp({ ...options, ...PRIVATE });
  } else {
    await interaction.editReply(options);
  }
}

/** Replaces the clicked message with a page of a query's answer. */
async function showPage(
  interaction: ButtonInteraction,
  { query, page }: PagingState,
  context: DiscordHandlerContext,
) {
  const { value, deferred } = await answerInTime<Answer>(
    context.router.answer(query, conversationOf(interaction), { page }),
    context.deferAfterMs,
    () => interaction.deferUpdate(),
  );
  const options = outgoing(renderAnswer(value, context.buttons, context.render));
  if (deferred) await interaction.editReply(options);
  else await interaction.update(options);
}

function conversationOf(interaction: Interaction): ConversationContext {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    ...(interaction.channelId && { channelId: interaction.channelId }),
    channelManagers: DISCORD_CHANNEL_MANAGERS,
    canManageChannel: async () =>
      interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    whyBotCannotPost: async () =>
      whyBotCannotPost(interaction.inGuild() ? interaction.appPermissions : undefined),
  };
}

async function apologize(interaction: Interaction, context: DiscordHandlerContext) {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const apology = {
      ...outgoing(renderAnswer(APOLOGY, context.buttons, context.render)),
      ...PRIVATE,
    };
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(apology);
      return;
    }
    // A command's "thinking…" placeholder would otherwise stay; a button's message must stay.
    if (interaction.isChatInputCommand() && !interaction.replied) await interaction.deleteReply();
    await interaction.followUp(apology);
  } catch (error) {
    context.logger.warn(errorDetails(error), 'discord apology could not be sent');
  }
}
