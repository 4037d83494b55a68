import type { DestinationStream } from 'pino';

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
// pino's own fields, shown in the line's frame rather than as key=value pairs.
const FRAME_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg']);

/** One pino JSON line as a person reads it: `09:41:07 INFO  content indexed resources=12 topics=4`. */
export function formatLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(typeof record.time === 'number' ? record.time : Date.now());
  const level = LEVEL_NAMES[record.level as number] ?? String(record.level);
  const fields = Object.entries(record)
    .filter(([key]) => !FRAME_FIELDS.has(key))
    .map(([key, value]) => `${key}=${fieldText(value)}`);
  return [time.toTimeString().slice(0, 8), level.padEnd(5), record.msg ?? '', ...fields]
    .join(' ')
    .trimEnd();
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  // An error keeps its message here; LOG_FORMAT=json keeps the whole of it for machines.
  if (value && typeof value === 'object' && 'message' in value)
    return JSON.stringify(value.message);
  return JSON.stringify(value);
}

/** A pino destination that writes human-readable lines to a file descriptor. */
export function textDestination(fd: 1 | 2): DestinationStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  return {
    write: (line: string) => {
      stream.write(formatLogLine(line) + '\n');
    },
  };
}
