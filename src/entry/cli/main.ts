#!/usr/bin/env node
import { mapStackTracesToSources } from '../app/source-mapped-stacks.js';
import { readEnvironment } from '../../config.js';
import { exitWithStartupError } from '../app/startup-errors.js';
import { runCli } from './run-cli.js';
import { endQuietlyWhenReaderLeaves } from '../app/closed-pipe.js';

endQuietlyWhenReaderLeaves();

mapStackTracesToSources();

runCli(process.argv.slice(2), {
  env: readEnvironment(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch(exitWithStartupError);
