import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { makeContentDir } from '../support/content.js';
import { baseEnv } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';

/** A small catalog: one topic with five resources, so `--limit 2` gives three pages. */
function dockerNotes(count = 5): string {
  const bullets = Array.from(
    { length: count },
    (_, index) =>
      `- [Docker lesson ${index + 1}](https://lessons.example.org/docker/${index + 1}) — Containers, step ${index + 1}. (article)`,
  );
  return `# Platform\n\nRunning services.\n\n## Docker\n\nContainers.\n\n${bullets.join('\n')}\n`;
}

async function dockerEnv(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  return baseEnv({
    CONTENT_DIR: await makeContentDir({ 'notes.md': dockerNotes() }),
    DATA_DIR: makeDataDir(),
    ...extra,
  });
}

describe('devops-bot ask', () => {
  it('says how to get the next page with --page, never "more", which only the console knows', async () => {
    const { code, stdout } = await runCliInProcess(['ask', '--limit', '2', 'docker'], {
      env: await dockerEnv(),
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Page 1 of 3 (5 resources). Add --page 2 for the next page.');
    expect(stdout).not.toContain('more');
  });

  it('says when a page is past the end instead of repeating the last one', async () => {
    const env = await dockerEnv();
    const text = await runCliInProcess(['ask', '--limit', '2', '--page', '9', 'docker'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('There is no page 9 for "docker": it has 3 pages (5 resources).');
    expect(text.stdout).not.toContain('Docker lesson');
    const json = await runCliInProcess(['ask', '--json', '--limit', '2', '--page', '4', 'docker'], {
      env,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'topic', results: [] });
    const last = await runCliInProcess(['ask', '--limit', '2', '--page', '3', 'docker'], { env });
    expect(last.stdout).toContain('Docker lesson 5');
    expect(last.stdout).not.toContain('next page');
  });

  it('prints help for an empty query', async () => {
    const { code, stdout } = await runCliInProcess(['ask', ''], { env: await dockerEnv() });
    expect(code).toBe(0);
    expect(stdout).toContain('<topic or question>');
  });

  it('answers a wrong number or an unknown option in its own words, exit 2', async () => {
    const env = await dockerEnv();
    const negative = await runCliInProcess(['ask', '--limit', '-1', 'docker'], { env });
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('--limit takes a whole number of at least 1, not "-1"');
    expect(negative.stderr).not.toMatch(/ambiguous|XYZ/);
    const unknown = await runCliInProcess(['ask', '--colour', 'docker'], { env });
    expect(unknown.stderr).toContain('devops-bot ask: there is no option --colour');
    const missing = await runCliInProcess(['ask', 'docker', '--page'], { env });
    expect(missing.stderr).toContain('devops-bot ask: --page needs a value');
    const extra = await runCliInProcess(['ask', '--json=yes', 'docker'], { env });
    expect(extra.stderr).toContain('devops-bot ask: --json takes no value');
  });
});

describe('devops-bot topics, lint and catalog', () => {
  it('refuses words after topics and says how to look them up', async () => {
    const { code, stdout, stderr } = await runCliInProcess(['topics', 'extra'], {
      env: await dockerEnv(),
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('run: devops-bot ask "extra"');
  });

  it('counts one of a thing in the singular', async () => {
    const env = await dockerEnv({
      CONTENT_DIR: await makeContentDir({ 'notes.md': dockerNotes(1) }),
    });
    expect((await runCliInProcess(['lint'], { env })).stdout).toContain(
      '1 file, 1 resource: 0 errors, 0 warnings.',
    );
    expect((await runCliInProcess(['catalog'], { env })).stdout).toContain(
      '1 resource in 2 topics from 1 file.',
    );
  });
});

describe('channel ids on the command line', () => {
  it.each([
    ['slack:c0123', 'expected C, G or D then upper-case letters and digits'],
    ['slack:X0123', 'expected C, G or D then upper-case letters and digits'],
    ['discord:abc', 'expected 17 to 20 digits'],
    ['discord:1234', 'expected 17 to 20 digits'],
    ['teams:C0123', 'names no platform'],
  ])('refuses %s, saying the form expected', async (channel, expected) => {
    const { code, stderr } = await runCliInProcess(['weekly', 'preview', '--channel', channel], {
      env: await dockerEnv(),
    });
    expect(code).toBe(2);
    expect(stderr).toContain(expected);
  });

  it('says when a previewed channel is not subscribed', async () => {
    const env = await dockerEnv();
    const channel = 'discord:123456789012345678';
    const text = await runCliInProcess(['weekly', 'preview', '--channel', channel], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${channel} is not subscribed, so nothing is posted there`);
    expect(text.stdout).toContain('Docker lesson');
    const json = await runCliInProcess(['weekly', 'preview', '--channel', channel, '--json'], {
      env,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ channel, subscribed: false });
    const configured = { ...env, WEEKLY_CHANNELS: channel };
    const listed = await runCliInProcess(['weekly', 'preview', '--channel', channel], {
      env: configured,
    });
    expect(listed.stdout).not.toContain('not subscribed');
  });

  it('explains a Discord server id that is too short', async () => {
    const { code, stderr } = await runCliInProcess(['discord-register', '--guild', '123'], {
      env: await dockerEnv(),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--guild takes a server id of 17 to 20 digits, not "123"');
    expect(stderr).toContain('Copy Server ID');
  });
});
