import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';
import type { ObpRawRequest } from '../auth/principal';
import { routePattern } from './route-pattern';

/**
 * Structured JSON logs on stdout: one line per request with method, route pattern, status,
 * duration, Correlation-Id and user id. Never bodies, raw URLs, headers, tokens or personal data.
 */
/** Route pattern and user id, taken when the response ends (after routing and the login check). */
const withRequestFacts = (req: IncomingMessage, value: object): object => {
  const r = req as ObpRawRequest;
  return {
    ...value,
    route: routePattern(r),
    correlation_id: r.correlationId,
    user_id: r.user?.userId,
  };
};

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage) => (req as ObpRawRequest).correlationId ?? '',
      serializers: {
        req: (req: { method?: string }) => ({ method: req.method }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
        err: (err: { type?: string; message?: string; stack?: string }) => ({
          type: err.type,
          message: err.message,
          stack: err.stack,
        }),
      },
      customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: object) =>
        withRequestFacts(req, value),
      customErrorObject: (req: IncomingMessage, _res: ServerResponse, _err: Error, value: object) =>
        withRequestFacts(req, value),
      customSuccessMessage: () => 'request completed',
      customErrorMessage: () => 'request failed',
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
      redact: { paths: ['req.headers', 'req.body', 'req.url'], remove: true },
    },
  };
}
