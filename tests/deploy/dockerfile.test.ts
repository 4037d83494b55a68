import { execSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envPairs, parseDockerfile, type Stage } from '../support/dockerfile.js';
import { ROOT } from '../support/processes.js';

const stages = parseDockerfile(path.join(ROOT, 'Dockerfile'));
const runtime = stages.at(-1)!;
const instructions = (stage: Stage, keyword: string) =>
  stage.instructions.filter((entry) => entry.keyword === keyword);

// Steps that set up the image's operating system; the test machine has their result already.
const SYSTEM_STEP = /^(apt-get|rm -rf \/var\/lib\/apt|chown)\b/;

/**
 * Replays a stage's COPY and RUN steps in a temporary folder standing for `/app`. The `build`
 * stage is this checkout, which `npm test` has just built.
 */
function replay(stage: Stage): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `devops-bot-image-${stage.name}-`));
  const env: Record<string, string> = {};
  const fromStage = new Map<string, string>([['build', ROOT]]);
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'ENV') Object.assign(env, envPairs(args));
    if (keyword === 'COPY') {
      const words = args.split(/\s+/);
      const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
      const [destination, ...sources] = words.filter((word) => !word.startsWith('--')).reverse();
      let base = ROOT;
      if (from) {
        if (!fromStage.has(from))
          fromStage.set(from, replay(stages.find((candidate) => candidate.name === from)!).dir);
        base = fromStage.get(from)!;
      }
      for (const source of sources.reverse()) {
        const origin = path.join(base, source.replace(/^\/app\/?/, ''));
        const target = destination!.endsWith('/')
          ? path.join(dir, destination!, path.basename(source))
          : path.join(dir, destination!);
        cpSync(origin, target, { recursive: true, verbatimSymlinks: true });
      }
    }
    if (keyword === 'RUN') {
      const steps = args
        .split('&&')
        .map((step) => step.trim())
        .filter((step) => !SYSTEM_STEP.test(step));
      if (steps.length === 0) continue;
      execSync(steps.join(' && ').replaceAll('/app', dir), {
        cwd: dir,
        stdio: 'pipe',
        env: {
          ...process.env,
          npm_config_prefer_offline: 'true',
          npm_config_update_notifier: 'false',
        },
      });
    }
  }
  return { dir, env };
}

describe('the container image', () => {
  it('builds in stages from a pinned Node LTS base and runs as a non-root user in production mode', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'deps', 'runtime']);
    for (const stage of stages) expect(stage.from).toMatch(/^node:(20|22|24)\.\d+\.\d+-/);
    const env = Object.assign(
      {},
      ...instructions(runtime, 'ENV').map((entry) => envPairs(entry.args)),
    );
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      CONTENT_DIR: '/app/content',
      DATA_DIR: '/app/data',
    });
    // Reachable through published ports: in a container, every interface.
    expect(env).toMatchObject({ HOST: '0.0.0.0', OPS_HOST: '0.0.0.0' });
    expect(
      instructions(runtime, 'EXPOSE')
        .flatMap((entry) => entry.args.split(/\s+/))
        .sort(),
    ).toEqual([env.PORT, env.OPS_PORT].sort());
    expect(instructions(runtime, 'USER').at(-1)?.args).toBe('node');
    expect(
      instructions(runtime, 'VOLUME')
        .map((entry) => entry.args)
        .join(' '),
    ).toContain('/app/data');
    expect(JSON.parse(instructions(runtime, 'CMD').at(-1)!.args)).toEqual([
      'node',
      'dist/src/entry/main.js',
    ]);
    const healthcheck = instructions(runtime, 'HEALTHCHECK').at(-1)!.args;
    const probe = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD') + 3)) as string[];
    expect(existsSync(path.join(ROOT, probe[1]!))).toBe(true);
  });

  it('keeps secrets, local data and build output out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.env', 'data', 'dist']));
  });

  it(
    'replays the runtime stage: a production-only install from the lock file, then the bot answers in its console and the CLI prints the Slack manifest',
    // npm ci compiles better-sqlite3 from source where its prebuilt binary cannot be downloaded:
    // 5 minutes and more on a busy 2-core machine.
    { timeout: 600_000 },
    () => {
      const { dir, env } = replay(runtime);
      expect(existsSync(path.join(dir, 'node_modules/vitest'))).toBe(false);
      expect(existsSync(path.join(dir, 'node_modules/better-sqlite3'))).toBe(true);
      const [command, ...args] = JSON.parse(instructions(runtime, 'CMD').at(-1)!.args) as string[];
      const mapped = Object.fromEntries(
        Object.entries(env).map(([key, value]) => [key, value.replaceAll('/app', dir)]),
      );
      const run = spawnSync(command === 'node' ? process.execPath : command!, args, {
        cwd: dir,
        input: '/devops docker\n',
        env: { PATH: process.env.PATH, HOME: dir, ...mapped },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('https://mlinproduction.com/docker-for-ml-part-1/');

      const { bin } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        bin: Record<string, string>;
      };
      const manifest = spawnSync(process.execPath, [bin['devops-bot']!, 'slack-manifest'], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: dir, ...mapped },
        encoding: 'utf8',
      });
      expect(manifest.status, manifest.stderr).toBe(0);
      expect(manifest.stdout).toMatch(/^\s+socket_mode_enabled: true$/m);
    },
  );
});
