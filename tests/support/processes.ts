import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built CLI entry (`npm test` builds first). */
export const CLI = path.join(ROOT, 'dist/src/entry/cli/main.js');
/** The built bot entry, what `npm start` runs. */
export const BOT = path.join(ROOT, 'dist/src/entry/main.js');

/** What a finished process printed and how it ended. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An empty working folder, so that no developer's `.env` leaks into a test. */
export function scratchDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'devops-bot-run-'));
}

/**
 * A minimal environment: no platform credentials unless a test adds them, and the ops server on
 * a free port (bots started side by side would all want the default 9464).
 */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    NODE_ENV: 'test',
    CONTENT_DIR: path.join(ROOT, 'tests/fixtures/catalog'),
    OPS_PORT: '0',
    ...extra,
  };
}

/** Runs a built entry point with arguments and standard input, and waits for it to exit. */
export function runNode(
  entry: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessResult> {
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: run "npm run build" (npm test does it first)`);
  return runProgram(process.execPath, [entry, ...args], options);
}

/** Runs any program with arguments and standard input, and waits for it to exit. */
export function runProgram(
  program: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd ?? scratchDir(),
      env: options.env ?? baseEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The built bot running in the background, as {@link startBotProcess} started it. */
export interface BotProcess {
  /** The port of its health, readiness and metrics routes, as its ready line reports it. */
  opsPort: number;
  /** Everything it printed so far, standard output and standard error together. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once it has exited. */
  stop(): Promise<number | null>;
  /** Sends `signal` (SIGKILL: a crash) and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Resolves once its output contains `text`; rejects after `timeoutMs` or when it exits first. */
  printed(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once the bot has exited by itself (or been stopped). */
  exited: Promise<number | null>;
}

/** Starts the built bot and resolves once it logs that it is ready; rejects if it exits first. */
export function startBotProcess(env: NodeJS.ProcessEnv): Promise<BotProcess> {
  if (!existsSync(BOT)) throw new Error(`${BOT} is missing: run "npm run build"`);
  const child = spawn(process.execPath, [BOT], { cwd: scratchDir(), env, stdio: 'pipe' });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const watcher = outputWatcher(() => output, exited);
  const running = (opsPort: number): BotProcess => ({
    opsPort,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    printed: watcher.printed,
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      watcher.changed();
      // Whole lines only: a chunk may end mid-line.
      const ready = output
        .split('\n')
        .slice(0, -1)
        .find((line) => line.includes('"msg":"devops-bot is ready"'));
      if (ready) resolve(running((JSON.parse(ready) as { opsPort: number }).opsPort));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      watcher.changed();
    });
    void exited.then((code) => reject(new Error(`the bot exited with ${code}:\n${output}`)));
  });
}

/** Waiters for text in a process's output: `changed()` after each chunk wakes them. */
function outputWatcher(output: () => string, exited: Promise<unknown>) {
  const waiters = new Set<() => void>();
  return {
    changed: () => [...waiters].forEach((check) => check()),
    printed: (text: string, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const finish = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (output().includes(text)) finish();
        };
        const timer = setTimeout(
          () => finish(new Error(`the bot did not print ${text} in ${timeoutMs}ms:\n${output()}`)),
          timeoutMs,
        );
        void exited.then(() => finish(new Error(`the bot exited before printing ${text}`)));
        waiters.add(check);
        check();
      }),
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
