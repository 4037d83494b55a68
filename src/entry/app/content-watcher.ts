import { watch, type FSWatcher } from 'node:fs';

// Editors write a file in several steps; one reload after they settle is enough.
const SETTLE_MS = 250;

/** Calls `onChange` once a burst of changes under `dir` has settled; returns a function that stops watching. */
export function watchContent(dir: string, onChange: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, SETTLE_MS);
    });
  } catch {
    return () => undefined;
  }
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
