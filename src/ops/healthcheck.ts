#!/usr/bin/env node
import { parseOpsConfig, readEnvironment } from '../config.js';
import { probeAddress } from './probe-address.js';

// The container's HEALTHCHECK: exit 0 when the bot's /healthz on OPS_PORT answers 200 within two seconds.
const ops = parseOpsConfig(readEnvironment());
fetch(`http://${probeAddress(ops.host)}:${ops.port}/healthz`, {
  signal: AbortSignal.timeout(2_000),
}).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
