import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { elapsedMs, percentile } from './measure.js';

/** How a bot process went: time to its first answer and its peak resident memory. */
export interface ProcessFigures {
  readyMs: number;
  peakRssMb: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Launches the built bot in console mode with one query and measures the time from launch to
 * its first answer, and the process's peak memory once it has answered `queries`.
 */
export function measureBotProcess(queries: string[]): Promise<ProcessFigures> {
  // Importing the entry from a wrapper lets the process report its own peak memory when it exits.
  const wrapper = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); await import(${JSON.stringify(path.join(ROOT, 'dist/src/entry/main.js'))});`;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--input-type=module', '-e', wrapper], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', CONTENT_DIR: path.join(ROOT, 'content') },
    });
    let readyMs = 0;
    let stderr = '';
    child.stdout.once('data', () => (readyMs = elapsedMs(start)));
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const maxRss = /MAXRSS (\d+)/.exec(stderr);
      if (code !== 0 || !maxRss) reject(new Error(`the bot exited with ${code}: ${stderr}`));
      else resolve({ readyMs, peakRssMb: Number(maxRss[1]) / 1024 });
    });
    child.stdin.end(queries.join('\n') + '\n');
  });
}

/** Median wall times of whole processes, each beside bare `node -e 0` measured in the same rounds. */
export interface ColdStarts {
  bareNodeMs: number;
  askMs: number;
  consoleCacheHitMs: number;
  consoleCacheMissMs: number;
}

// Alternating rounds, so that a busy moment on the machine weighs on every figure alike.
const COLD_START_ROUNDS = 9;

function timeProcess(args: string[], env: NodeJS.ProcessEnv, input = ''): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, input, stdio: 'pipe' });
  if (run.status !== 0)
    throw new Error(`${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return elapsedMs(start);
}

/**
 * Cold starts to a finished answer: the CLI's `ask`, and the console with its content index cache
 * warm (a second start on unchanged content) and cold (a fresh DATA_DIR), each against bare node.
 */
export function measureColdStarts(): ColdStarts {
  const env = {
    PATH: process.env.PATH,
    LOG_LEVEL: 'silent',
    CONTENT_DIR: path.join(ROOT, 'content'),
  };
  const warm = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-bench-cache-'));
  const bot = path.join(ROOT, 'dist/src/entry/main.js');
  timeProcess([bot], { ...env, DATA_DIR: warm }, 'docker\n');
  const times: Record<keyof ColdStarts, number[]> = {
    bareNodeMs: [],
    askMs: [],
    consoleCacheHitMs: [],
    consoleCacheMissMs: [],
  };
  for (let round = 0; round < COLD_START_ROUNDS; round++) {
    times.bareNodeMs.push(timeProcess(['-e', '0'], env));
    // The CLI shares the warm cache: a second run on unchanged content, as in a script or CI.
    times.askMs.push(
      timeProcess([path.join(ROOT, 'dist/src/entry/cli/main.js'), 'ask', 'docker'], {
        ...env,
        DATA_DIR: warm,
      }),
    );
    times.consoleCacheHitMs.push(timeProcess([bot], { ...env, DATA_DIR: warm }, 'docker\n'));
    const cold = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-bench-cache-'));
    times.consoleCacheMissMs.push(timeProcess([bot], { ...env, DATA_DIR: cold }, 'docker\n'));
  }
  return {
    bareNodeMs: percentile(times.bareNodeMs, 50),
    askMs: percentile(times.askMs, 50),
    consoleCacheHitMs: percentile(times.consoleCacheHitMs, 50),
    consoleCacheMissMs: percentile(times.consoleCacheMissMs, 50),
  };
}
