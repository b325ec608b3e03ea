import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { type DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A named prepared statement for a hot path: PostgreSQL parses and plans it once per connection,
 * and `pg` sends only its name and values afterwards (TypeORM's `query()` sends unnamed statements,
 * parsed and planned every time). Names are unique for the process: pg refuses one name for two texts.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const TEXTS = new Map<string, string>();

export function preparedStatement(name: string, text: string): PreparedStatement {
  const known = TEXTS.get(name);
  if (known !== undefined && known !== text) {
    throw new Error(`prepared statement ${name} is defined twice with different texts`);
  }
  TEXTS.set(name, text);
  return { name, text };
}

type Runner = Pick<Pool | PoolClient, 'query'>;

/** The app's pg pool (the one TypeORM uses), or the connection of a transaction's query runner. */
export function runnerOf(target: DataSource | EntityManager): Runner {
  if (!(target instanceof EntityManager)) return (target.driver as PostgresDriver).master as Pool;
  // the connection a transaction holds (protected in TypeORM's typings, public at run time)
  const connection = (target.queryRunner as { databaseConnection?: PoolClient } | undefined)
    ?.databaseConnection;
  if (connection) return connection;
  return (target.connection.driver as PostgresDriver).master as Pool;
}

/**
 * Runs a named statement through the app's pool (or inside `tx`). A failure is a QueryFailedError,
 * as from TypeORM, so the error filter maps constraint, data and connection errors in one place.
 */
export async function runPrepared<T extends QueryResultRow>(
  target: DataSource | EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  try {
    const result = await runnerOf(target).query<T>({
      name: statement.name,
      text: statement.text,
      values,
    });
    return result.rows;
  } catch (err) {
    if (
      err instanceof Error &&
      'code' in err &&
      typeof err.code === 'string' &&
      err.code.length === 5
    ) {
      throw new QueryFailedError(statement.text, values, err);
    }
    throw err;
  }
}
