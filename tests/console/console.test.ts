import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, BOT, runNode } from '../support/processes.js';
import { makeContentDir } from '../support/content.js';

describe('the console adapter (npm start without platform credentials)', () => {
  it('answers `/devops k8s cronjobs` with the Kubernetes CronJobs resource first', async () => {
    const { code, stdout } = await runNode(BOT, [], { input: '/devops k8s cronjobs\n' });
    expect(code).toBe(0);
    const firstResult = stdout.split('\n').find((line) => /^\s*1\. /.test(line));
    expect(firstResult).toContain('CronJobs');
    expect(stdout.indexOf('https://clusters.example.org/cronjobs')).toBeGreaterThan(0);
  });

  it('answers each piped line, mentions and bare words alike, then exits at end of input', async () => {
    const { code, stdout } = await runNode(BOT, [], {
      input: '@devops-bot helm\nkafka streaming\nhelp\n',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('https://slides.example.org/helm-charts.pdf');
    expect(stdout).toContain('Nothing in the catalog matches "kafka streaming"');
    expect(stdout).toContain('<topic or question>');
  });

  it('shows the next page when asked for "more"', async () => {
    const { stdout } = await runNode(BOT, [], { input: 'docker\nmore\n' });
    expect(stdout).toContain('Page 1 of');
    expect(stdout).toMatch(/^\s*6\. /m);
  });

  it('keeps logs off standard output so the conversation stays readable', async () => {
    const { stdout, stderr } = await runNode(BOT, [], {
      input: 'docker\n',
      env: baseEnv({ LOG_LEVEL: 'info' }),
    });
    expect(stderr).toContain('content indexed');
    expect(stdout).not.toContain('"level"');
  });

  it('writes nothing to standard error with LOG_LEVEL=silent, and still answers', async () => {
    const { code, stdout, stderr } = await runNode(BOT, [], {
      input: 'docker\n',
      env: baseEnv({ LOG_LEVEL: 'silent' }),
    });
    expect(code).toBe(0);
    expect(stdout).toContain('https://docs.example.org/docker/');
    expect(stderr).toBe('');
  });

  it('refuses to start on content with errors, naming file and line, exit code 2', async () => {
    const dir = await makeContentDir({
      'notes.md': '# Notes\n\n- [Broken](ftp//x) — Broken link. (article)\n',
    });
    const { code, stderr } = await runNode(BOT, [], { env: baseEnv({ CONTENT_DIR: dir }) });
    expect(code).toBe(2);
    expect(stderr).toContain(`${path.join(dir, 'notes.md')}:3`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an invalid configuration naming every bad variable, exit code 2, secrets not shown', async () => {
    const { code, stderr } = await runNode(BOT, [], {
      env: baseEnv({
        PORT: 'eighty',
        SLACK_BOT_TOKEN: 'not-a-token-secret123',
        DISCORD_TOKEN: 'discord-secret',
      }),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('DISCORD_APP_ID');
    expect(stderr).not.toContain('secret123');
    expect(stderr).not.toContain('discord-secret');
  });
});
