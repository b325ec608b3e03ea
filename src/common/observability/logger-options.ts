import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Params } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';
import type { ObpRawRequest } from '../auth/principal';

/**
 * Structured JSON logs on stdout: one line per request with method, route pattern, status,
 * duration, Correlation-Id and user id. Never bodies, raw URLs, headers, tokens or personal data.
 *
 * The request line is written by Fastify's onResponse hook (`logRequest`), not by pino-http as Nest
 * middleware: that ran two middlewares, a child logger and an AsyncLocalStorage context (promise
 * hooks on every await) per request. Lines go through an asynchronous destination (buffered,
 * flushed on exit), so a request never waits for a write to stdout.
 */
const LOGGERS = new WeakMap<AppConfig, Logger>();

export function loggerOptions(config: AppConfig): Params {
  const logger = rootLogger(config);
  // nestjs-pino keeps serving Nest's Logger (app logs) with this logger; no per-request middleware
  return { pinoHttp: { logger }, forRoutes: [] };
}

/** One pino logger per app (tests run several in one process). */
export function rootLogger(config: AppConfig): Logger {
  let logger = LOGGERS.get(config);
  if (logger) return logger;
  logger = pino(
    {
      level: config.logLevel,
      serializers: {
        err: (err: { type?: string; message?: string; stack?: string }) => ({
          type: err.type,
          message: err.message,
          stack: err.stack,
        }),
      },
    },
    pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
  LOGGERS.set(config, logger);
  return logger;
}

/** The request line (pino-http's shape, which operators already parse), for every route but probes. */
export function logRequest(log: Logger, req: FastifyRequest, reply: FastifyReply): void {
  if (!log.isLevelEnabled('info')) return;
  const raw = req.raw as ObpRawRequest;
  if (raw.url?.startsWith('/health/')) return;
  const status = reply.statusCode;
  const line = {
    reqId: raw.correlationId,
    req: { method: req.method },
    res: { status },
    responseTime: Math.round(reply.elapsedTime),
    route: raw.routePattern ?? 'unmatched',
    correlation_id: raw.correlationId,
    user_id: raw.user?.userId,
  };
  if (status >= 500) log.error(line, 'request failed');
  else log.info(line, 'request completed');
}
