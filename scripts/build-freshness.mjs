// Whether dist/ is up to date, decided from file dates alone so that `npm start` stays as cheap
// as running node on the bundle. Kept apart from build.mjs so the check never loads esbuild.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Written by the build: when it started, its entry outputs, and every file it read. */
export const BUILD_RECORD = 'dist/build-inputs.json';

/**
 * True when the last build's outputs exist and none of the files it was built from (sources,
 * bundled packages, the lock files, the build scripts) changed or disappeared since it started.
 * @param {string} root the repository to check
 * @returns {boolean}
 */
export function isBuildFresh(root = ROOT) {
  let record;
  try {
    record = JSON.parse(readFileSync(path.join(root, BUILD_RECORD), 'utf8'));
  } catch {
    return false;
  }
  const { startedAt, entries, inputs } = record;
  if (typeof startedAt !== 'number' || !Array.isArray(entries) || !Array.isArray(inputs))
    return false;
  for (const entry of entries) {
    if (!statSync(path.join(root, entry), { throwIfNoEntry: false })) return false;
  }
  for (const input of inputs) {
    const stats = statSync(path.join(root, input), { throwIfNoEntry: false });
    if (!stats || stats.mtimeMs > startedAt) return false;
  }
  return true;
}
