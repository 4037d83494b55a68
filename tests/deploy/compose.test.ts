import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../support/processes.js';

interface ComposeService {
  profiles?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
}

const compose = YAML.parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};

describe('docker-compose.yml', () => {
  it('starts one bot on SQLite by default, with no database to run', () => {
    const defaults = Object.entries(compose.services).filter(([, service]) => !service.profiles);
    expect(defaults.map(([name]) => name)).toEqual(['devops-bot']);
    expect(defaults[0]![1].environment?.DATABASE_URL).toBeUndefined();
  });

  it('has a postgres profile of two replicas on the PostgreSQL service, started once it is healthy', () => {
    const { postgres, replicas } = compose.services;
    expect(postgres?.profiles).toEqual(['postgres']);
    expect(replicas?.profiles).toEqual(['postgres']);
    expect(replicas?.deploy?.replicas).toBe(2);
    expect(replicas?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    const url = new URL(
      replicas!.environment!.DATABASE_URL!.replace('${POSTGRES_PASSWORD:-}', 'x'),
    );
    expect(url.hostname).toBe('postgres');
    expect(url.username).toBe(postgres!.environment!.POSTGRES_USER);
    expect(url.pathname).toBe(`/${postgres!.environment!.POSTGRES_DB}`);
  });
});
