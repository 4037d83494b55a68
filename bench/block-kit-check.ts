/**
 * Slack's own limits on the Block Kit parts the bot sends (api.slack.com/reference/block-kit),
 * written out here rather than taken from the adapter, so the check does not trust the code it
 * checks.
 */
const LIMITS = {
  blocks: 50,
  text: 3000,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
};
const BLOCK_TYPES = new Set(['section', 'header', 'context', 'actions', 'divider']);
const TEXT_TYPES = new Set(['plain_text', 'mrkdwn']);

type Json = Record<string, unknown>;

/**
 * What is wrong with a slash command's acknowledgement body as a Block Kit message, or undefined
 * when it is a message Slack would show: a `text` fallback and 1 to 50 known blocks, each within
 * its limits.
 */
export function blockKitProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (typeof body.text !== 'string' || body.text.trim() === '') return 'no text fallback';
  if (body.text.length > LIMITS.text) return `text longer than ${LIMITS.text}`;
  if (!Array.isArray(body.blocks) || body.blocks.length === 0) return 'no blocks';
  if (body.blocks.length > LIMITS.blocks) return `more than ${LIMITS.blocks} blocks`;
  for (const [index, block] of body.blocks.entries()) {
    const problem = blockProblem(block);
    if (problem) return `block ${index}: ${problem}`;
  }
  return undefined;
}

function blockProblem(block: unknown): string | undefined {
  if (!isObject(block) || typeof block.type !== 'string') return 'not a block';
  if (!BLOCK_TYPES.has(block.type)) return `unknown type ${String(block.type)}`;
  switch (block.type) {
    case 'header':
      return textProblem(block.text, LIMITS.headerText, 'plain_text');
    case 'section':
      return textProblem(block.text, LIMITS.sectionText);
    case 'context':
      return elementsProblem(block.elements, LIMITS.contextElements, (element) =>
        textProblem(element, LIMITS.sectionText),
      );
    case 'actions':
      return elementsProblem(block.elements, LIMITS.actionElements, buttonProblem);
    default:
      return undefined;
  }
}

function elementsProblem(
  elements: unknown,
  max: number,
  check: (element: unknown) => string | undefined,
): string | undefined {
  if (!Array.isArray(elements) || elements.length === 0) return 'no elements';
  if (elements.length > max) return `more than ${max} elements`;
  for (const element of elements) {
    const problem = check(element);
    if (problem) return problem;
  }
  return undefined;
}

function buttonProblem(element: unknown): string | undefined {
  if (!isObject(element) || element.type !== 'button') return 'an action that is not a button';
  if (typeof element.action_id !== 'string' || element.action_id === '')
    return 'a button without action_id';
  if (element.action_id.length > LIMITS.actionId) return 'an action_id too long';
  if (typeof element.value === 'string' && element.value.length > LIMITS.buttonValue)
    return 'a button value too long';
  return textProblem(element.text, LIMITS.buttonText, 'plain_text');
}

function textProblem(text: unknown, max: number, type?: string): string | undefined {
  if (!isObject(text) || typeof text.text !== 'string' || !TEXT_TYPES.has(String(text.type)))
    return 'a malformed text object';
  if (type && text.type !== type) return `text of type ${String(text.type)} where ${type} is due`;
  if (text.text.length === 0) return 'an empty text';
  if (text.text.length > max) return `a text longer than ${max}`;
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
