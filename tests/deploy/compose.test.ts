import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../support/processes.js';

interface ComposeService {
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  image?: string;
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

  it('publishes every bot port on 127.0.0.1 only, each to the port the bot listens on in the container', () => {
    const bots = Object.entries(compose.services).filter(([, service]) =>
      service.image?.startsWith('devops-bot'),
    );
    expect(bots.map(([name]) => name)).toEqual(['devops-bot', 'replicas']);
    for (const [name, service] of bots) {
      const { PORT, OPS_PORT, HOST, OPS_HOST } = service.environment ?? {};
      expect({ HOST, OPS_HOST }, name).toEqual({ HOST: '0.0.0.0', OPS_HOST: '0.0.0.0' });
      const published = (service.ports ?? []).map((mapping) => ({
        address: mapping.slice(0, mapping.indexOf(':')),
        containerPort: mapping.slice(mapping.lastIndexOf(':') + 1),
      }));
      expect(published, name).toEqual([
        { address: '127.0.0.1', containerPort: PORT },
        { address: '127.0.0.1', containerPort: OPS_PORT },
      ]);
    }
  });
});
