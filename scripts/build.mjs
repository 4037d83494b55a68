#!/usr/bin/env node
// Bundles each entry point with esbuild so Node loads a few files instead of hundreds.
// Usage: node scripts/build.mjs [--if-stale] [--bench]  (--bench: also the bench and load runners)
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUILD_RECORD, ROOT, isBuildFresh } from './build-freshness.mjs';

/** The entry points people run: the bot, the CLI (`bin`) and the container's health probe. */
export const ENTRIES = ['src/entry/main.ts', 'src/entry/cli/main.ts', 'src/ops/healthcheck.ts'];

// Loaded by Node from node_modules, never bundled: the platform libraries are large and only the
// chat adapters need them (they are imported dynamically), better-sqlite3 is a native addon and
// pg has an optional native binding. @discordjs/ws is discord.js's own gateway library: the
// Discord adapter's shards must be built from the one copy discord.js loads.
const EXTERNAL = ['@slack/bolt', 'discord.js', '@discordjs/ws', 'better-sqlite3', 'pg'];

// Stands for the bundle's hash until the bundle exists; same length as the hash that replaces it,
// so the source maps' columns stay right.
const HASH_PLACEHOLDER = '@@bundle-hash@@@';

const COMMON = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: true,
  sourcesContent: false,
  // Fewer bytes for Node to read and compile at every start; the source maps give the names back.
  // Whitespace stays: one import a line keeps the bundle readable and greppable.
  minifySyntax: true,
  minifyIdentifiers: true,
  logLevel: 'warning',
  // Bundled CommonJS packages call require() for Node's own modules; ESM output has none.
  banner: {
    js: "import { createRequire as __devopsBotCreateRequire } from 'node:module'; const require = __devopsBotCreateRequire(import.meta.url);",
  },
};

/**
 * Builds the entries into `dist/` (same paths as their sources, shared code in `dist/chunks/`),
 * stamps the code version (package version + bundle hash) into them and records the build's
 * inputs for the freshness check.
 */
export async function buildApp() {
  const startedAt = Date.now();
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  const result = await esbuild.build({
    ...COMMON,
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outbase: '.',
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    define: { __DEVOPS_BOT_CODE_VERSION__: JSON.stringify(`${version}+${HASH_PLACEHOLDER}`) },
  });
  const outputs = Object.keys(result.metafile.outputs)
    .filter((file) => file.endsWith('.js'))
    .sort();
  const hash = createHash('sha256');
  for (const file of outputs) hash.update(file).update(readFileSync(path.join(ROOT, file)));
  const bundleHash = hash.digest('hex').slice(0, HASH_PLACEHOLDER.length);
  for (const file of outputs) {
    const absolute = path.join(ROOT, file);
    const text = readFileSync(absolute, 'utf8');
    if (text.includes(HASH_PLACEHOLDER))
      writeFileSync(absolute, text.replaceAll(HASH_PLACEHOLDER, bundleHash));
  }
  for (const entry of ENTRIES) chmodSync(path.join(ROOT, entryOutput(entry)), 0o755);
  const inputs = [
    ...Object.keys(result.metafile.inputs),
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    // npm rewrites this on every install, while the files it unpacks keep their packed dates.
    'node_modules/.package-lock.json',
    path.relative(ROOT, fileURLToPath(import.meta.url)),
    'scripts/build-freshness.mjs',
  ];
  writeFileSync(
    path.join(ROOT, BUILD_RECORD),
    JSON.stringify({ startedAt, entries: ENTRIES.map(entryOutput), inputs }),
  );
}

/**
 * Bundles the benchmark runner and the load test into `dist/bench/run.js` and
 * `dist/bench/load.js` (not part of the app build), and the cold-start measurement alone into
 * `dist/bench/cold-start.js`, for checking start-up without the rest of the bench.
 */
export async function buildBench() {
  mkdirSync(path.join(ROOT, 'dist/bench'), { recursive: true });
  await esbuild.build({
    ...COMMON,
    absWorkingDir: ROOT,
    entryPoints: ['bench/run.ts', 'bench/load.ts', 'bench/cold-start.ts'],
    outdir: 'dist/bench',
  });
}

function entryOutput(entry) {
  return path.join('dist', entry.replace(/\.ts$/, '.js'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (!(args.includes('--if-stale') && isBuildFresh())) await buildApp();
  if (args.includes('--bench')) await buildBench();
}
