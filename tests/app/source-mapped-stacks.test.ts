import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { describeFrame } from '../../src/entry/app/source-mapped-stacks.js';
import { ROOT } from '../support/processes.js';

/** A call site as V8 hands it to `Error.prepareStackTrace`, at a given place. */
function callSite(file: string, line: number, column: number): NodeJS.CallSite {
  return {
    getFileName: () => file,
    getLineNumber: () => line,
    getColumnNumber: () => column,
    toString: () => `load (${file}:${line}:${column})`,
  } as NodeJS.CallSite;
}

describe('stack traces of bundled code', () => {
  it('name the TypeScript file and line of each frame', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-stacks-'));
    const entry = path.join(dir, 'entry.ts');
    writeFileSync(
      entry,
      [
        `import { mapStackTracesToSources } from ${JSON.stringify(path.join(ROOT, 'src/entry/app/source-mapped-stacks.ts'))};`,
        'mapStackTracesToSources();',
        'class Thrower {',
        '  fail(): never {',
        "    throw new TypeError('boom');",
        '  }',
        '}',
        'try {',
        '  new Thrower().fail();',
        '} catch (error) {',
        '  console.log((error as Error).stack);',
        '}',
      ].join('\n'),
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      sourcemap: true,
      outfile: path.join(dir, 'out/entry.js'),
      logLevel: 'silent',
    });
    const result = spawnSync(process.execPath, [path.join(dir, 'out/entry.js')], {
      encoding: 'utf8',
    });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('TypeError: boom');
    expect(lines[1]).toBe(`    at Thrower.fail (${entry}:5:11)`);
    expect(lines[2]).toBe(`    at ${entry}:9:17`);
    // Frames outside the bundle have no map and keep Node's own form.
    expect(lines.slice(3).join('\n')).toMatch(/\(node:internal\//);
  });
});

describe('a frame of a stack trace', () => {
  it('is moved to the original source when a source map sits beside its file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-frame-'));
    const unmapped = path.join(dir, 'out/other.js');
    // Line 1 of the bundle is line 3 of ../src/a.ts ("AAEA": same column, source 0, line +2).
    const map = { version: 3, sources: ['../src/a.ts'], names: [], mappings: 'AAEA' };
    writeFileSync(path.join(dir, 'out.js.map'), JSON.stringify(map));
    const file = path.join(dir, 'out.js');
    expect(describeFrame(callSite(file, 1, 1))).toBe(`load (${path.join(dir, '../src/a.ts')}:3:1)`);
    expect(describeFrame(callSite(`file://${file}`, 1, 1))).toBe(
      `load (${path.join(dir, '../src/a.ts')}:3:1)`,
    );
    expect(describeFrame(callSite(unmapped, 1, 1))).toBe(`load (${unmapped}:1:1)`);
  });

  it('stays as Node wrote it on a line the map does not cover, or without a file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-frame-'));
    const map = { version: 3, sources: ['a.ts'], names: [], mappings: 'AAAA' };
    writeFileSync(path.join(dir, 'out.js.map'), JSON.stringify(map));
    const file = path.join(dir, 'out.js');
    expect(describeFrame(callSite(file, 7, 2))).toBe(`load (${file}:7:2)`);
    const native = { ...callSite(file, 1, 1), getFileName: () => null };
    expect(describeFrame(native as NodeJS.CallSite)).toBe(`load (${file}:1:1)`);
  });
});
