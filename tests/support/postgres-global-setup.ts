import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres.js';

/** Starts one throwaway PostgreSQL server for the whole run and stops it at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
