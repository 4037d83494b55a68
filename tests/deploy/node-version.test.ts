import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../support/dockerfile.js';
import { ROOT } from '../support/processes.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const minimum = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
const asNumbers = (version: string) => version.split('.').map(Number);

describe('the Node version', () => {
  it('is stated as a minimum in package.json engines', () => {
    expect(minimum).toBeDefined();
  });

  it('is the one the README quick start asks for', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`with Node.js ${minimum} or newer`);
  });

  it('is met by every stage of the container image', () => {
    for (const stage of parseDockerfile(path.join(ROOT, 'Dockerfile'))) {
      const [major = 0, minor = 0] = asNumbers(/^node:(\d+\.\d+)/.exec(stage.from)![1]!);
      const [needMajor = 0, needMinor = 0] = asNumbers(minimum!);
      expect(major > needMajor || (major === needMajor && minor >= needMinor), stage.from).toBe(
        true,
      );
    }
  });
});

describe('the container build', () => {
  it('has the native build tools wherever it installs packages, for better-sqlite3', () => {
    for (const stage of parseDockerfile(path.join(ROOT, 'Dockerfile'))) {
      const runs = stage.instructions.filter((entry) => entry.keyword === 'RUN');
      const npmCi = runs.findIndex((entry) => entry.args.includes('npm ci'));
      if (npmCi === -1) continue;
      const tools = runs.findIndex((entry) =>
        /apt-get install .*python3 make g\+\+/.test(entry.args),
      );
      expect(tools, stage.name).toBeGreaterThanOrEqual(0);
      expect(tools, stage.name).toBeLessThan(npmCi);
    }
  });
});
