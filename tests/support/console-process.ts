import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { WaitableLog } from '../fakes/waitable-log.js';
import { BOT, scratchDir } from './processes.js';

/** One printed line of the console process, and which stream it came on. */
export interface PrintedLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The built bot running as the console, its input kept open so a test can talk to it. */
export interface ConsoleProcess {
  /** Every line printed so far; await one with `lines.waitFor`. */
  lines: WaitableLog<PrintedLine>;
  /** Types one line. */
  type(line: string): void;
  /** Sends a signal to the process. */
  signal(name: NodeJS.Signals): void;
  /** Ends the input and resolves with the exit code. */
  close(): Promise<number | null>;
}

/** Starts the built bot without platform credentials, so it opens the console. */
export function startConsoleProcess(env: NodeJS.ProcessEnv): ConsoleProcess {
  const child = spawn(process.execPath, [BOT], { cwd: scratchDir(), env, stdio: 'pipe' });
  const lines = new WaitableLog<PrintedLine>((line) => `${line.stream}: ${line.text}`);
  for (const stream of ['stdout', 'stderr'] as const) {
    createInterface({ input: child[stream] }).on('line', (text) => lines.push({ stream, text }));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    lines,
    type: (line) => child.stdin.write(line + '\n'),
    signal: (name) => child.kill(name),
    async close() {
      child.stdin.end();
      return exited;
    },
  };
}
