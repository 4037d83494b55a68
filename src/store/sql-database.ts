/**
 * What one statement did: the rows it returned and how many rows it changed (for a statement
 * that returns rows, such as one with `RETURNING`, how many it returned).
 */
export interface SqlResult<Row> {
  rows: Row[];
  changes: number;
}

/** One statement written with `?` placeholders, and its parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Work of several statements written once for every database: a generator that yields each
 * statement and is resumed with its result. SQLite runs the steps synchronously inside one
 * transaction (so nothing else in the process runs in between); PostgreSQL awaits each one on a
 * connection of its own.
 */
export type SqlSteps<T> = Generator<SqlStatement, T, SqlResult<unknown>>;

/** A step of {@link SqlSteps}: `const { rows } = yield* statement<Row>(sql, params)`. */
export function* statement<Row>(
  sql: string,
  params: unknown[] = [],
): Generator<SqlStatement, SqlResult<Row>, SqlResult<unknown>> {
  return (yield { sql, params }) as SqlResult<Row>;
}

/** Runs every step at once with a synchronous `execute`. */
export function runStepsNow<T>(
  steps: SqlSteps<T>,
  execute: (statement: SqlStatement) => SqlResult<unknown>,
): T {
  let step = steps.next();
  while (!step.done) step = steps.next(execute(step.value));
  return step.value;
}

/** Runs the steps one after the other, awaiting each statement. */
export async function runSteps<T>(
  steps: SqlSteps<T>,
  execute: (statement: SqlStatement) => Promise<SqlResult<unknown>>,
): Promise<T> {
  let step = steps.next();
  while (!step.done) step = steps.next(await execute(step.value));
  return step.value;
}

/** Runs statements written with `?` placeholders. */
export interface SqlConnection {
  run<Row = unknown>(sql: string, params?: unknown[]): Promise<SqlResult<Row>>;
}

/** A database the stores write through: statements, multi-statement work, health and closing. */
export interface SqlDatabase extends SqlConnection {
  /** Runs the steps, each statement on its own (reads that need no transaction). */
  perform<T>(steps: SqlSteps<T>): Promise<T>;
  /**
   * Runs the steps in one transaction and commits it, or rolls it back when a step throws. With
   * `lockKey`, transactions given the same key run one at a time across every process sharing
   * the database, so what the steps read stays true until they commit.
   */
  transaction<T>(steps: SqlSteps<T>, lockKey?: string): Promise<T>;
  /** False once closed or when the database does not answer. */
  isOpen(): Promise<boolean>;
  close(): Promise<void>;
}
