import { watchContent } from './content-watcher.js';
import type { EngineHolder } from './engine-holder.js';

/**
 * Reloads the served content on SIGHUP and whenever a file under `contentDir` changes, in every
 * mode (chat platforms and console alike); returns a function that stops both.
 */
export function reloadContentOnChange(holder: EngineHolder, contentDir: string): () => void {
  const reload = () => void holder.reload();
  // A listener also keeps SIGHUP from ending the process, which is its default.
  process.on('SIGHUP', reload);
  const stopWatching = watchContent(contentDir, reload);
  return () => {
    process.off('SIGHUP', reload);
    stopWatching();
  };
}
