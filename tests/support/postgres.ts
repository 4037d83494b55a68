import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';
import { freePort } from './processes.js';

const run = promisify(execFile);

/** A PostgreSQL server the tests started on a temporary folder; `url` reaches its `postgres` database. */
export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway server's admin URL, provided by the global setup. */
    postgresUrl: string;
  }
}

/**
 * Starts a PostgreSQL server of its own: `initdb` and `pg_ctl` on a temporary folder, listening
 * on a free loopback port with trust authentication. PostgreSQL refuses to run as root, so under
 * root the server runs as `nobody` (through `runuser`) in a folder given to that user.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bindir = findPostgresBindir();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-postgres-'));
  const data = path.join(folder, 'data');
  const asServerUser = serverUser(folder);
  const port = await freePort();
  await asServerUser(path.join(bindir, 'initdb'), [
    ...['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C'],
    ...['--no-sync', '--no-instructions'],
  ]);
  // -F: no fsync; the data is thrown away with the folder.
  await asServerUser(path.join(bindir, 'pg_ctl'), [
    ...['-D', data, '-l', path.join(folder, 'server.log'), '-w', 'start'],
    ...['-o', `-p ${port} -h 127.0.0.1 -k ${folder} -F`],
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await asServerUser(path.join(bindir, 'pg_ctl'), [
        '-D',
        data,
        '-m',
        'immediate',
        '-w',
        'stop',
      ]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A new, empty database on the run's throwaway server (started once by the global setup), so
 * each test starts from nothing; returns its URL.
 */
export async function freshDatabaseUrl(): Promise<string> {
  const adminUrl = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The folder holding `initdb` and `pg_ctl`: on PATH, else from `pg_config --bindir`, else Debian's folder. */
function findPostgresBindir(): string {
  const candidates = [
    ...(process.env.PATH ?? '').split(path.delimiter),
    pgConfigBindir(),
    ...debianBindirs(),
  ].filter((folder): folder is string => Boolean(folder));
  const found = candidates.find(
    (folder) => existsSync(path.join(folder, 'initdb')) && existsSync(path.join(folder, 'pg_ctl')),
  );
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH, through pg_config, or under /usr/lib/postgresql. Install them (Debian: apt-get install postgresql) to run the tests.',
    );
  }
  return found;
}

function pgConfigBindir(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function debianBindirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(root, version, 'bin'));
}

/** Runs a server command as the current user, or as `nobody` (owning `folder`) when that is root. */
function serverUser(folder: string): (command: string, args: string[]) => Promise<unknown> {
  if (process.getuid?.() !== 0) return (command, args) => run(command, args);
  const nobody = userIds('nobody');
  chownSync(folder, nobody.uid, nobody.gid);
  return (command, args) => run('runuser', ['-u', 'nobody', '--', command, ...args]);
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
