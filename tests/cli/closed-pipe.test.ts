import { describe, expect, it } from 'vitest';
import { makeContentDir } from '../support/content.js';
import { BOT, baseEnv, CLI, runProgram } from '../support/processes.js';

/** Notes long enough that their listing overflows a pipe's buffer many times over. */
function manyNotes(): string {
  const bullets = Array.from(
    { length: 1500 },
    (_, index) =>
      `- [Lesson ${index}](https://lessons.example.org/${index}) — Step ${index} of a long course. (article)`,
  );
  return `# Course\n\nA long one.\n\n${bullets.join('\n')}\n`;
}

/** Runs `node ENTRY ARGS | head -1` in bash with pipefail, so the exit code is the bot's. */
function pipeIntoHead(entry: string, args: string[], env: NodeJS.ProcessEnv, input = '') {
  const command = `"${process.execPath}" "${entry}" ${args.map((arg) => `'${arg}'`).join(' ')} | head -1`;
  return runProgram('bash', ['-o', 'pipefail', '-c', command], { env, input });
}

describe('output piped into a reader that stops early', () => {
  it('ends `catalog | head -1` with exit 0 and nothing on standard error', async () => {
    const env = baseEnv({ CONTENT_DIR: await makeContentDir({ 'course.md': manyNotes() }) });
    const { code, stdout, stderr } = await pipeIntoHead(CLI, ['catalog'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('Lesson 0 [Article]\n');
  });

  it('ends the console piped into head the same way', async () => {
    const env = baseEnv({
      CONTENT_DIR: await makeContentDir({ 'course.md': manyNotes() }),
      LOG_LEVEL: 'silent',
    });
    const queries = 'lesson\n'.repeat(100);
    const { code, stderr } = await pipeIntoHead(BOT, [], env, queries);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
