#!/usr/bin/env node
import { parseConfig, readEnvironment } from '../config.js';

// The container's HEALTHCHECK: exit 0 when the bot's /healthz answers 200 within two seconds.
const { port } = parseConfig(readEnvironment());
fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
