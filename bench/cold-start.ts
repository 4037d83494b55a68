import { spawn } from 'node:child_process';
import path from 'node:path';
import { elapsedMs } from './measure.js';

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
  const wrapper = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); await import(${JSON.stringify(path.join(ROOT, 'dist/src/main.js'))});`;
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
