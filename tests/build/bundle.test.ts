import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT, CLI, ROOT } from '../support/processes.js';

/** Each platform's adapter module, by the name of its chunk, and the libraries it loads. */
const PLATFORM_LIBRARIES = {
  'slack-adapter': ['@slack/bolt'],
  'discord-adapter': ['discord.js', '@discordjs/ws'],
};

/** Every bare package a bundle file loads before its code runs, following its static imports. */
function staticPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(
    /^\s*(?:import|export)\b[^'"();]*?["']([^"']+)["'];?$/gm,
  )) {
    if (specifier!.startsWith('.')) {
      for (const name of staticPackages(path.resolve(path.dirname(file), specifier!), seen))
        packages.add(name);
    } else if (!specifier!.startsWith('node:')) packages.add(specifier!);
  }
  return packages;
}

function run(entry: string, args: string[], input = '') {
  return spawnSync(process.execPath, [entry, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, CONTENT_DIR: path.join(ROOT, 'content') },
    cwd: mkdtempSync(path.join(os.tmpdir(), 'devops-bot-bundle-')),
  });
}

describe('the bundled build', () => {
  it('makes the bot and the CLI executable files that start with a node shebang', () => {
    for (const entry of [BOT, CLI]) {
      expect(readFileSync(entry, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
      expect(() => accessSync(entry, constants.X_OK)).not.toThrow();
    }
    const { bin } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(path.join(ROOT, bin['devops-bot']!)).toBe(CLI);
  });

  it('keeps the platform libraries and the native stores out of what the console and the CLI load', () => {
    for (const entry of [BOT, CLI]) {
      const loaded = staticPackages(entry);
      for (const name of [...Object.values(PLATFORM_LIBRARIES).flat(), 'better-sqlite3', 'pg'])
        expect(loaded).not.toContain(name);
    }
    // Each platform's adapter, imported on demand by its descriptor, loads its library from
    // node_modules; a store's driver is loaded when that store is opened.
    const chunks = path.join(ROOT, 'dist', 'chunks');
    for (const [adapter, libraries] of Object.entries(PLATFORM_LIBRARIES)) {
      const file = readdirSync(chunks).find((name) =>
        new RegExp(`^${adapter}-[\\w-]+\\.js$`).test(name),
      );
      expect(file, adapter).toBeDefined();
      // From node_modules, not bundled: one copy of each, the one the platform library loads.
      for (const library of libraries) {
        expect(staticPackages(path.join(chunks, file!))).toContain(library);
      }
    }
  });

  it('answers in the console and through the CLI from the bundle', () => {
    const consoleRun = run(BOT, [], 'docker\n');
    expect(consoleRun.status, consoleRun.stderr).toBe(0);
    expect(consoleRun.stdout).toContain('https://');
    const ask = run(CLI, ['ask', 'docker']);
    expect(ask.status, ask.stderr).toBe(0);
    expect(ask.stdout).toContain('https://');
  });

  it('loads the parsers it defers from the bundle: the Slack manifest prints in both modes', () => {
    const socket = run(CLI, ['slack-manifest']);
    expect(socket.status, socket.stderr).toBe(0);
    expect(socket.stdout).toContain('socket_mode_enabled: true');
    const http = run(CLI, ['slack-manifest', '--mode', 'http', '--url', 'https://bot.example']);
    expect(http.status, http.stderr).toBe(0);
    expect(http.stdout).toContain('request_url: https://bot.example/slack/events');
  });
});

describe('npm start', () => {
  it('runs the built bot without loading the bundler when the build is fresh', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-start-'));
    for (const script of ['start.mjs', 'build-freshness.mjs'])
      cpSync(path.join(ROOT, 'scripts', script), path.join(root, 'scripts', script));
    cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    // No node_modules here: a rebuild would fail to load esbuild.
    const main = path.join(root, 'dist/src/entry/main.js');
    mkdirSync(path.dirname(main), { recursive: true });
    writeFileSync(main, "process.stdout.write('the built bot ran\\n');\n");
    writeFileSync(
      path.join(root, 'dist/build-inputs.json'),
      JSON.stringify({
        startedAt: Date.now() + 60_000,
        entries: ['dist/src/entry/main.js'],
        inputs: ['package.json', 'scripts/start.mjs'],
      }),
    );
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('the built bot ran\n');
  });
});
