import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/processes.js';

const RULE = 'import-x/no-restricted-paths';

let eslint: ESLint;

/** The rules the project's ESLint config reports for `code` as if it were the file at `filePath`. */
async function reportedRules(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.ruleId);
}

// Files placed (virtually) in each layer, linted with the repository's own eslint.config.js, so
// the boundary rule cannot stop working (a renamed folder, a resolver that stops finding .ts
// files) without this failing.
describe('the layer boundary lint rule', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it('reports a core module that imports an adapter, statically or on demand', async () => {
    expect(
      await reportedRules(
        'src/weekly/boundary-probe.ts',
        "import { SlackAdapter } from '../../adapters/slack/slack-adapter.js';\nexport const probe = SlackAdapter;\n",
      ),
    ).toContain(RULE);
    expect(
      await reportedRules(
        'src/boundary-probe.ts',
        "export const probe = await import('../adapters/platforms.js');\n",
      ),
    ).toContain(RULE);
  }, 60_000);

  it('reports a core module that imports a platform library or the entry layer', async () => {
    for (const code of [
      "import { Client } from 'discord.js';\nexport const probe = Client;\n",
      "export const probe = await import('@slack/bolt');\n",
      "import { startBot } from '../entry/app/bot.js';\nexport const probe = startBot;\n",
    ]) {
      expect(await reportedRules('src/engine/boundary-probe.ts', code), code).toContain(RULE);
    }
  }, 60_000);

  it('reports an adapter that imports the entry layer', async () => {
    expect(
      await reportedRules(
        'adapters/discord/boundary-probe.ts',
        "import { startBot } from '../../src/entry/app/bot.js';\nexport const probe = startBot;\n",
      ),
    ).toContain(RULE);
  }, 60_000);

  it('lets the entry layer import adapters and adapters import the core', async () => {
    expect(
      await reportedRules(
        'src/entry/boundary-probe.ts',
        "import { SlackAdapter } from '../../adapters/slack/slack-adapter.js';\nexport const probe = SlackAdapter;\n",
      ),
    ).not.toContain(RULE);
    expect(
      await reportedRules(
        'adapters/slack/boundary-probe.ts',
        "import { createEngine } from '../../src/engine/engine.js';\nexport const probe = createEngine;\n",
      ),
    ).not.toContain(RULE);
  }, 60_000);
});
