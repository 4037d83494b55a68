import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContentDir } from '../support/content.js';
import { startConsoleProcess, type ConsoleProcess } from '../support/console-process.js';
import { baseEnv } from '../support/processes.js';

const notes = (title: string, url: string) =>
  `# Notes\n\nSummary.\n\n- [${title}](${url}) — About ${title}. (article)\n`;
const WAIT_MS = 10_000;
let running: ConsoleProcess | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function printed(console: ConsoleProcess, text: string, stream = 'stdout') {
  return console.lines.waitFor(
    (line) => line.stream === stream && line.text.includes(text),
    WAIT_MS,
    `"${text}" on ${stream}`,
  );
}

describe('the console process', () => {
  it('answers from edited content without a restart, and SIGHUP reloads without ending it', async () => {
    const dir = await makeContentDir({
      'notes.md': notes('Helm basics', 'https://helm.example.org/'),
    });
    running = startConsoleProcess(baseEnv({ CONTENT_DIR: dir, LOG_FORMAT: 'json' }));
    running.type('helm');
    await printed(running, 'https://helm.example.org/');

    await writeFile(path.join(dir, 'more.md'), notes('Argo CD', 'https://argo.example.org/'));
    await printed(running, '"msg":"content reloaded"', 'stderr');
    running.type('argo');
    await printed(running, 'https://argo.example.org/');

    running.lines.clear();
    running.signal('SIGHUP');
    await printed(running, '"msg":"content reloaded"', 'stderr');
    running.type('helm');
    await printed(running, 'https://helm.example.org/');
    expect(await running.close()).toBe(0);
  });

  it('logs in plain text with LOG_FORMAT=text, and JSON lines with LOG_FORMAT=json', async () => {
    const dir = await makeContentDir({
      'notes.md': notes('Helm basics', 'https://helm.example.org/'),
    });
    running = startConsoleProcess(baseEnv({ CONTENT_DIR: dir, LOG_FORMAT: 'text' }));
    const line = await printed(running, 'content indexed', 'stderr');
    expect(line.text).toMatch(/^\d\d:\d\d:\d\d INFO {2}content indexed resources=1 topics=1$/);
    expect(await running.close()).toBe(0);
    expect(running.lines.items.some((item) => item.text.startsWith('{'))).toBe(false);

    running = startConsoleProcess(baseEnv({ CONTENT_DIR: dir, LOG_FORMAT: 'json' }));
    const json = await printed(running, 'content indexed', 'stderr');
    expect(JSON.parse(json.text)).toMatchObject({
      level: 30,
      msg: 'content indexed',
      resources: 1,
    });
  });
});
