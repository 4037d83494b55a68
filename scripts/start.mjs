#!/usr/bin/env node
// `npm start`: rebuilds only when a source is newer than the bundle, then runs the bot in this
// same process, so a start with nothing to rebuild costs a few file dates more than `node dist/...`.
import { isBuildFresh } from './build-freshness.mjs';

if (!isBuildFresh()) {
  const { buildApp } = await import('./build.mjs');
  await buildApp();
}
await import('../dist/src/entry/main.js');
