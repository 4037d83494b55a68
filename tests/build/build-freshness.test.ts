import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_RECORD, isBuildFresh } from '../../scripts/build-freshness.mjs';

const BUILT_AT = new Date('2026-01-01T12:00:00Z');

/** A repository whose last build read `src/a.ts` and `node_modules/.package-lock.json`. */
function builtRepository(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-fresh-'));
  const write = (file: string, text: string, at = new Date(BUILT_AT.getTime() - 60_000)) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    utimesSync(path.join(root, file), at, at);
  };
  write('src/a.ts', 'export const a = 1;\n');
  write('node_modules/.package-lock.json', '{}');
  write('dist/src/entry/main.js', 'console.log(1);\n', BUILT_AT);
  write(
    BUILD_RECORD,
    JSON.stringify({
      startedAt: BUILT_AT.getTime(),
      entries: ['dist/src/entry/main.js'],
      inputs: ['src/a.ts', 'node_modules/.package-lock.json'],
    }),
  );
  return root;
}

describe('the build freshness check behind npm start', () => {
  it('trusts a build when nothing it read has changed since it started', () => {
    expect(isBuildFresh(builtRepository())).toBe(true);
  });

  it('rebuilds after a source edit', () => {
    const root = builtRepository();
    const later = new Date(BUILT_AT.getTime() + 1_000);
    utimesSync(path.join(root, 'src/a.ts'), later, later);
    expect(isBuildFresh(root)).toBe(false);
  });

  it('rebuilds after an npm install, although unpacked packages keep their old dates', () => {
    const root = builtRepository();
    writeFileSync(path.join(root, 'node_modules/.package-lock.json'), '{"changed":true}');
    expect(isBuildFresh(root)).toBe(false);
  });

  it('rebuilds when a file the build read is gone', () => {
    const root = builtRepository();
    rmSync(path.join(root, 'src/a.ts'));
    expect(isBuildFresh(root)).toBe(false);
  });

  it('rebuilds when an entry output is missing', () => {
    const root = builtRepository();
    rmSync(path.join(root, 'dist/src/entry/main.js'));
    expect(isBuildFresh(root)).toBe(false);
  });

  it('rebuilds when there is no build record or it is unreadable', () => {
    const root = builtRepository();
    writeFileSync(path.join(root, BUILD_RECORD), '{"startedAt": "yesterday"');
    expect(isBuildFresh(root)).toBe(false);
    rmSync(path.join(root, BUILD_RECORD));
    expect(isBuildFresh(root)).toBe(false);
  });
});
