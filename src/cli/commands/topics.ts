import { renderText } from '../../../adapters/console/render-text.js';
import { createEngine } from '../../engine/engine.js';
import type { CliCommand } from '../cli-command.js';
import { CONTENT_OPTION, loadUsableContent } from '../content-flag.js';

/** `devops-bot topics`: the topic tree with resource counts. */
export const topicsCommand: CliCommand = {
  name: 'topics',
  usage: 'topics [--json] [--content DIR]',
  summary: 'Print the topic tree with how many resources each topic holds.',
  options: { json: { type: 'boolean' }, ...CONTENT_OPTION },
  async run(args, io) {
    const content = await loadUsableContent(args, io);
    const answer = createEngine(content.catalog).answer('topics');
    if (answer.kind !== 'topics') throw new Error('the topics command did not answer with topics');
    io.stdout.write(
      args.values.json ? JSON.stringify({ topics: answer.tree }) + '\n' : renderText(answer) + '\n',
    );
    return 0;
  },
};
