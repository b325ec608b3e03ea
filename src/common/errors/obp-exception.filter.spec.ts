import type { ArgumentsHost } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ObpExceptionFilter, statusForMessage } from './obp-exception.filter';
import { ObpError } from './obp-errors';
import { ObpException } from './obp.exception';

function run(exception: unknown, displayInternalErrors = false) {
  const config = Object.assign(new AppConfig(), { displayInternalErrors });
  const filter = new ObpExceptionFilter(config);
  (filter as unknown as { logger: { error: () => void } }).logger = { error: () => undefined };
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = {
    headers: {},
  };
  // the slice of Fastify's reply the filter uses
  const res = {
    sent: false,
    raw: { headersSent: false },
    header(k: string, v: string) {
      sent.headers[k] = v;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ url: '/x', headers: {} }),
      getResponse: () => res,
    }),
  } as unknown as ArgumentsHost;
  filter.catch(exception, host);
  return sent;
}

describe('ObpExceptionFilter', () => {
  it('writes an ObpException as {code, message}', () => {
    expect(run(new ObpException(ObpError.BankNotFound, ' Current BankId is x'))).toMatchObject({
      status: 404,
      body: {
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is x',
      },
    });
  });

  it('adds WWW-Authenticate to OBP-20001', () => {
    const sent = run(new ObpException(ObpError.UserNotLoggedIn));
    expect(sent.status).toBe(401);
    expect(sent.headers['WWW-Authenticate']).toContain('DirectLogin realm=');
  });

  it('masks unexpected errors as 500 OBP-50005, detail only with DISPLAY_INTERNAL_ERRORS', () => {
    expect(run(new Error('secret detail')).body).toEqual({
      code: 500,
      message: 'OBP-50005: An unspecified or internal error occurred.',
    });
    expect(run(new Error('secret detail'), true).body).toEqual({
      code: 500,
      message: 'OBP-50005: An unspecified or internal error occurred. secret detail',
    });
  });
});

describe('statusForMessage ([P §9.2])', () => {
  it('maps OBP-20001 to 401 and OBP-20006 to 403 whatever the step said', () => {
    expect(statusForMessage('OBP-20001: x', 400)).toBe(401);
    expect(statusForMessage('a <- OBP-20006: y', 400)).toBe(403);
    expect(statusForMessage('OBP-30001: z', 404)).toBe(404);
  });
});
