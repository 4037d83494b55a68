import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/entry/cli/run-cli.js';
import type { PlatformDescriptor } from '../../src/platform/platform-descriptor.js';
import { baseEnv, type ProcessResult } from './processes.js';

/** A writable stream that keeps what is written to it. */
function collector(): Writable & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return Object.assign(stream, { text: () => text });
}

/** Runs one `devops-bot` call in this process, with its own streams and environment. */
export async function runCliInProcess(
  args: string[],
  options: {
    input?: string;
    env?: NodeJS.ProcessEnv;
    /** The platform registry; by default the one in `adapters/platforms.ts`. */
    platforms?: readonly PlatformDescriptor[];
  } = {},
): Promise<ProcessResult> {
  const stdout = collector();
  const stderr = collector();
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [options.input]), {
    isTTY: false,
  });
  const code = await runCli(args, {
    stdin,
    stdout,
    stderr,
    env: options.env ?? baseEnv(),
    ...(options.platforms ? { platforms: options.platforms } : {}),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
