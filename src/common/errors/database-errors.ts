import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
}

const driverError = (err: unknown): PgError | undefined =>
  err instanceof QueryFailedError ? (err.driverError as PgError) : undefined;

/** A unique violation (23505) of the named constraint: the one way services detect duplicates. */
export const isUniqueViolation = (err: unknown, constraint: string): boolean => {
  const e = driverError(err);
  return e?.code === '23505' && e.constraint === constraint;
};

/**
 * Errors caused by what the client sent, not by us: values PostgreSQL cannot store (NUL bytes,
 * invalid text for a uuid/int column, out-of-range numbers). The filter answers these with 400.
 */
export const isClientDataError = (err: unknown): boolean => {
  const code = driverError(err)?.code;
  return (
    code !== undefined &&
    ['22021', '22P05', '22P02', '22001', '22003', '22008', '22007', '54000'].includes(code)
  );
};

/** Socket errors of a connection attempt or of a live connection (Node's codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for a server that is going or gone: class 08 (connection exception), 57P01
 * admin_shutdown (pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting
 * up, shutting down), 57P05 idle_session_timeout, 53300 too_many_connections.
 */
const isUnavailableSqlState = (code: string): boolean =>
  code.startsWith('08') || ['57P01', '57P02', '57P03', '57P05', '53300'].includes(code);

/**
 * node-postgres and TypeORM say "the connection is gone" in words, not codes: a socket closed under
 * a query, a client that saw a connection error, the pool's connect timeout, a pool being shut down.
 * TypeORM releases a query runner whose connection errored, so the next statement of that runner
 * (the ROLLBACK of a transaction, typically) fails with QueryRunnerAlreadyReleasedError: our code
 * never uses a runner after releasing it, so that error means a lost connection too.
 */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end on the pool',
  'Query runner already released',
];

/** The database is down or unreachable, or the connection was lost under the request. */
export const isDatabaseUnavailable = (err: unknown): boolean =>
  [err, driverError(err)].some((e) => {
    if (typeof e !== 'object' || e === null) return false;
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    return (
      (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableSqlState(code))) ||
      name === 'QueryRunnerAlreadyReleasedError' ||
      (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m)))
    );
  });
