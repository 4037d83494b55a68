/** A REST error as Discord returns it: HTTP status plus `{ code, message, errors? }` JSON body. */
export interface DiscordErrorResponse {
  status: number;
  body: {
    message: string;
    code?: number;
    errors?: Record<string, unknown>;
    [key: string]: unknown;
  };
  headers?: Record<string, string>;
}

interface FieldError {
  path: string;
  code: string;
  message: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function maxLength(path: string, value: unknown, max: number): FieldError[] {
  const length = Array.isArray(value) ? value.length : textLength(value);
  return length > max
    ? [{ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }]
    : [];
}

/** Discord's nested error tree: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
function nestErrors(errors: FieldError[]): JsonObject {
  const root: JsonObject = {};
  for (const { path, code, message } of errors) {
    let node = root;
    for (const key of path.split('.')) {
      node[key] = isObject(node[key]) ? node[key] : {};
      node = node[key] as JsonObject;
    }
    node._errors = [...((node._errors as unknown[]) ?? []), { code, message }];
  }
  return root;
}

function invalidFormBody(errors: FieldError[]): DiscordErrorResponse | null {
  if (errors.length === 0) return null;
  return {
    status: 400,
    body: { code: 50035, message: 'Invalid Form Body', errors: nestErrors(errors) },
  };
}

function embedErrors(embed: unknown, path: string): FieldError[] {
  if (!isObject(embed)) return [];
  const fields = Array.isArray(embed.fields) ? embed.fields.filter(isObject) : [];
  const footer = isObject(embed.footer) ? embed.footer : {};
  const author = isObject(embed.author) ? embed.author : {};
  return [
    ...maxLength(`${path}.title`, embed.title, 256),
    ...maxLength(`${path}.description`, embed.description, 4096),
    ...maxLength(`${path}.fields`, embed.fields, 25),
    ...fields.flatMap((f, i) => [
      ...maxLength(`${path}.fields.${i}.name`, f.name, 256),
      ...maxLength(`${path}.fields.${i}.value`, f.value, 1024),
    ]),
    ...maxLength(`${path}.footer.text`, footer.text, 2048),
    ...maxLength(`${path}.author.name`, author.name, 256),
  ];
}

function embedsTotalLength(embeds: unknown[]): number {
  return embeds.filter(isObject).reduce<number>((sum, e) => {
    const fields = Array.isArray(e.fields) ? e.fields.filter(isObject) : [];
    const footer = isObject(e.footer) ? e.footer : {};
    const author = isObject(e.author) ? e.author : {};
    const fieldChars = fields.reduce<number>(
      (n, f) => n + textLength(f.name) + textLength(f.value),
      0,
    );
    const own = textLength(e.title) + textLength(e.description) + textLength(footer.text);
    return sum + own + textLength(author.name) + fieldChars;
  }, 0);
}

function isEmptyMessage(body: JsonObject, fileCount: number): boolean {
  const hasContent = typeof body.content === 'string' && body.content.trim() !== '';
  const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
  return (
    !hasContent &&
    fileCount === 0 &&
    !nonEmpty(body.embeds) &&
    !nonEmpty(body.components) &&
    !nonEmpty(body.sticker_ids) &&
    !isObject(body.poll)
  );
}

/**
 * Checks a message create/edit body against Discord's documented limits (content 2000 chars,
 * 10 embeds, embed field limits, 6000 embed chars, 5 action rows, no empty messages on create).
 */
export function validateMessageBody(
  body: unknown,
  { create, fileCount = 0 }: { create: boolean; fileCount?: number },
): DiscordErrorResponse | null {
  const message = isObject(body) ? body : {};
  if (create && isEmptyMessage(message, fileCount)) {
    return { status: 400, body: { code: 50006, message: 'Cannot send an empty message' } };
  }
  const embeds = Array.isArray(message.embeds) ? message.embeds : [];
  const errors = [
    ...maxLength('content', message.content, 2000),
    ...maxLength('embeds', message.embeds, 10),
    ...embeds.flatMap((e, i) => embedErrors(e, `embeds.${i}`)),
    ...maxLength('components', message.components, 5),
  ];
  if (embedsTotalLength(embeds) > 6000) {
    errors.push({
      path: 'embeds',
      code: 'MESSAGE_EMBED_TOTAL_LENGTH',
      message: 'Embed size exceeds maximum size of 6000',
    });
  }
  return invalidFormBody(errors);
}

/** Checks autocomplete choices: at most 25, names 1–100 chars, string values at most 100 chars. */
export function validateAutocompleteChoices(data: unknown): DiscordErrorResponse | null {
  const choices = isObject(data) && Array.isArray(data.choices) ? data.choices : [];
  const errors = [
    ...maxLength('data.choices', choices, 25),
    ...choices.filter(isObject).flatMap((c, i) => [
      ...(textLength(c.name) < 1
        ? [
            {
              path: `data.choices.${i}.name`,
              code: 'BASE_TYPE_MIN_LENGTH',
              message: 'Must be 1 or more in length.',
            },
          ]
        : maxLength(`data.choices.${i}.name`, c.name, 100)),
      ...maxLength(`data.choices.${i}.value`, c.value, 100),
    ]),
  ];
  return invalidFormBody(errors);
}
