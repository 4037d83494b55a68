import { renderText } from '../../../../adapters/console/render-text.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { CONTENT_OPTION, loadUsableEngine } from '../content-flag.js';

/** `devops-bot topics`: the topic tree with resource counts. */
export const topicsCommand: CliCommand = {
  name: 'topics',
  usage: 'topics [--json] [--content DIR]',
  summary: 'Print the topic tree with how many resources each topic holds.',
  options: { json: { type: 'boolean' }, ...CONTENT_OPTION },
  async run(args, io) {
    if (args.positionals.length > 0) {
      const words = args.positionals.join(' ');
      throw new UsageError(
        `topics takes no words; to see what the catalog has on "${words}", run: devops-bot ask "${words}"`,
      );
    }
    const { engine } = await loadUsableEngine(args, io);
    const answer = engine.answer('topics');
    if (answer.kind !== 'topics') throw new Error('the topics command did not answer with topics');
    io.stdout.write(
      args.values.json ? JSON.stringify({ topics: answer.tree }) + '\n' : renderText(answer) + '\n',
    );
    return 0;
  },
};
