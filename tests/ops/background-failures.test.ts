import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { logBackgroundFailures } from '../../src/entry/app/background-failures.js';
import { createLogger } from '../../src/logger.js';

describe('a promise rejected in the background', () => {
  it('is logged once as an error, with its message', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: 'stderr',
      platforms: [],
      stream: { write: (line: string) => lines.push(line) },
    });
    const processEvents = new EventEmitter();
    logBackgroundFailures(logger, processEvents);

    processEvents.emit('unhandledRejection', new Error('WebSocket is not open: readyState 0'));

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { level: number; msg: string; err: { message: string } };
    expect(entry.level).toBe(50);
    expect(entry.msg).toContain('the bot keeps running');
    expect(entry.err.message).toBe('WebSocket is not open: readyState 0');
  });
});
