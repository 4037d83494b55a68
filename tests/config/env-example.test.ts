import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configVariables, parseConfig as parseConfigWith } from '../../src/config.js';
import { PLATFORMS } from '../../adapters/platforms.js';
import { BOT, ROOT, runNode, scratchDir } from '../support/processes.js';

const parseConfig = (env: NodeJS.ProcessEnv) => parseConfigWith(env, PLATFORMS);
const CONFIG_VARIABLES = configVariables(PLATFORMS);

const ENV_EXAMPLE = path.join(ROOT, '.env.example');

/** The file as `docker run --env-file` and compose's `env_file` read it: NAME=value, taken verbatim. */
async function readAsDocker(file: string): Promise<Record<string, string>> {
  const variables: Record<string, string> = {};
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    variables[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return variables;
}

describe('.env.example', () => {
  it('parses unchanged as docker reads it, empty values counting as unset', async () => {
    const variables = await readAsDocker(ENV_EXAMPLE);
    expect(Object.values(variables).filter((value) => value === '').length).toBeGreaterThan(3);
    const config = parseConfig(variables);
    expect(config.platforms.slack).toBeUndefined();
    expect(config.platforms.discord).toBeUndefined();
    expect(config.weekly.channels).toEqual([]);
  });

  it('holds only variables the bot reads, never NODE_ENV, and no quotes or trailing comments', async () => {
    const variables = await readAsDocker(ENV_EXAMPLE);
    expect(Object.keys(variables)).not.toContain('NODE_ENV');
    for (const [name, value] of Object.entries(variables)) {
      expect(CONFIG_VARIABLES, name).toContain(name);
      expect(value, name).not.toMatch(/^["']|\s#/);
    }
  });

  it('copied to .env, starts the console and answers', async () => {
    const checkout = scratchDir();
    await cp(ENV_EXAMPLE, path.join(checkout, '.env'));
    await mkdir(path.join(checkout, 'content'));
    await writeFile(
      path.join(checkout, 'content', 'notes.md'),
      '# DevOps\n\nTools for shipping.\n\n## Docker\n\nContainers.\n\n' +
        '- [Docker basics](https://docs.docker.com/get-started/) — Build and run a first container. (article)\n',
    );
    const { code, stdout, stderr } = await runNode(BOT, [], {
      cwd: checkout,
      // Nothing but what any shell has: every setting comes from the copied file.
      env: { PATH: process.env.PATH, HOME: os.tmpdir() },
      input: 'docker\n',
    });
    expect(stderr).not.toContain('configuration is not valid');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('https://docs.docker.com/get-started/');
  });
});
