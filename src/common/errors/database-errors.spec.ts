import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors';

const pgError = (code: string | undefined, message = 'x'): Error =>
  Object.assign(new Error(message), code === undefined ? {} : { code });
const failed = (driverError: Error): QueryFailedError =>
  new QueryFailedError('SELECT 1', [], driverError);
const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

describe('isDatabaseUnavailable', () => {
  it.each(['57P01', '57P02', '57P03', '57P05', '53300', '08000', '08003', '08006', '08P01'])(
    'is true for SQLSTATE %s, raw or in a QueryFailedError',
    (code) => {
      expect(isDatabaseUnavailable(pgError(code))).toBe(true);
      expect(isDatabaseUnavailable(failed(pgError(code)))).toBe(true);
    },
  );

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])(
    'is true for the socket error %s',
    (code) => expect(isDatabaseUnavailable(pgError(code))).toBe(true),
  );

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Client has encountered a connection error and is not queryable',
    'timeout exceeded when trying to connect',
  ])('is true for node-postgres saying %p', (message) => {
    expect(isDatabaseUnavailable(pgError(undefined, message))).toBe(true);
    expect(isDatabaseUnavailable(failed(pgError(undefined, message)))).toBe(true);
  });

  it("is true for TypeORM's released query runner (its connection errored)", () =>
    expect(
      isDatabaseUnavailable(
        named('QueryRunnerAlreadyReleasedError', 'Query runner already released.'),
      ),
    ).toBe(true));

  it.each(['23505', '22P02', '40001', '42P01', undefined])(
    'is false for %p and other errors',
    (code) => {
      expect(isDatabaseUnavailable(failed(pgError(code, 'duplicate key')))).toBe(false);
      expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
      expect(isDatabaseUnavailable(undefined)).toBe(false);
      expect(isDatabaseUnavailable('text')).toBe(false);
    },
  );
});
