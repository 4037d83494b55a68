import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../adapters/platforms.js';
import { ROOT } from '../support/processes.js';

/** Every TypeScript file under `folder`, relative to the repository. */
function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** The code of a file without its comments, where prose may name a platform. */
function codeOf(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

describe('the platform registry', () => {
  it('is the only place the core and the bot wiring learn which platforms exist', () => {
    // The platform-specific CLI commands (slack-manifest, discord-register) are each one
    // platform's own and may name it; everything else reads adapters/platforms.ts.
    const files = [...sources('src'), 'adapters/platforms.ts'].filter(
      (file) => !file.startsWith(path.join('src', 'entry', 'cli', 'commands')),
    );
    const offenders: string[] = [];
    for (const file of files) {
      const code = codeOf(file);
      for (const { name } of PLATFORMS) {
        // A name as a string ('slack'), in an address pattern (/^(slack|…/), or a config field.
        const named = new RegExp(`(['"\`])${name}\\1|[(|]${name}[|)]|\\.${name}\\b`);
        if (named.test(code)) offenders.push(`${file} names ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
