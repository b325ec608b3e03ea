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

/** The database is down or unreachable (connection refused, admin shutdown, too many clients). */
export const isDatabaseUnavailable = (err: unknown): boolean => {
  const code = (err as { code?: string } | undefined)?.code ?? driverError(err)?.code;
  return (
    code !== undefined &&
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      '57P01',
      '57P03',
      '53300',
      '08006',
      '08001',
    ].includes(code)
  );
};
