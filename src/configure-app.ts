import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ObpError } from './common/errors/obp-errors';
import { ObpException } from './common/errors/obp.exception';
import { correlationId } from './common/observability/correlation-id';
import { answerClientErrors, limitUrlLength } from './common/security/http-limits';
import { securityHeaders } from './common/security/security-headers';
import { MetricsService } from './modules/metrics/metrics.service';
import { configureOpenApi } from './modules/resource-doc/openapi';

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse reviver: drops keys that could reach an object's prototype. */
const reviver = (key: string, value: unknown): unknown =>
  DANGEROUS_KEYS.has(key) ? undefined : value;

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * OBP only routes JSON bodies: a POST/PUT with a body of another content type matches no route
 * ([P §0.2]), so it gets the generic 404 OBP-10404.
 */
function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  if (
    ['POST', 'PUT', 'PATCH'].includes(req.method) &&
    hasBody(req) &&
    !req.is(['application/json', 'application/*+json'])
  ) {
    const contentType = req.headers['content-type'] ?? '';
    next(
      new ObpException(
        ObpError.InvalidUri,
        `Current Url is (${req.path}), Current Content-Type Header is (${contentType})`,
      ),
    );
    return;
  }
  next();
}

/** Everything main.ts and the tests share: logging, parsers, CORS, Correlation-Id, metrics, documents. */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  const express_ = app as NestExpressApplication;
  express_.useLogger(app.get(Logger));
  express_.disable('x-powered-by');
  express_.set('query parser', 'simple');
  // the client address the per-address limits count (X-Forwarded-For only from trusted proxies)
  express_.set('trust proxy', config.trustProxy);
  answerClientErrors(express_.getHttpServer());
  express_.use(limitUrlLength);
  express_.use(securityHeaders);
  express_.enableCors({
    origin: config.corsOrigins,
    exposedHeaders: ['Correlation-Id', 'WWW-Authenticate'],
    allowedHeaders: [
      'Content-Type',
      'Authorization',
      'DirectLogin',
      'Correlation-Id',
      'Accept',
      'Accept-Language',
    ],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  });
  express_.use(correlationId);
  express_.use(app.get(MetricsService).middleware);
  express_.use(requireJsonBodies);
  express_.use(
    express.json({
      limit: config.bodyLimit,
      strict: false,
      reviver,
      type: ['application/json', 'application/*+json'],
    }),
  );
  configureOpenApi(app);
  return app;
}
