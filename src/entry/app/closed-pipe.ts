import type { Writable } from 'node:stream';

/**
 * Ends the process quietly, with exit code 0, when whoever reads `output` stops reading, as
 * `devops-bot catalog | head -1` does: the reader has all it wanted, so this is a normal end.
 */
export function endQuietlyWhenReaderLeaves(output: Writable = process.stdout): void {
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
