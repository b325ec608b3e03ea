import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import type { ObpRawRequest } from './common/auth/principal';
import { ObpError } from './common/errors/obp-errors';
import { ObpException } from './common/errors/obp.exception';
import { correlationIdFor } from './common/observability/correlation-id';
import { logRequest, rootLogger } from './common/observability/logger-options';
import {
  answerClientError,
  frameworkError,
  MAX_PARAM_LENGTH,
  urlTooLong,
} from './common/security/http-limits';
import { securityHeaders } from './common/security/security-headers';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './common/wire/idempotency-key';
import { IdempotencyService } from './modules/idempotency/idempotency.service';
import { MetricsService } from './modules/metrics/metrics.service';
import { configureOpenApi } from './modules/resource-doc/openapi';

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse reviver: drops keys that could reach an object's prototype. */
const reviver = (key: string, value: unknown): unknown =>
  DANGEROUS_KEYS.has(key) ? undefined : value;

const JSON_TYPE = /^application\/(json|[^;\s]+\+json)\s*(;|$)/i;

const hasBody = (req: FastifyRequest): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** 1 MiB for `1mb`, 512 KiB for `512kb`, bytes for a bare number. */
export function byteSize(limit: string): number {
  const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(limit.trim());
  if (!m) throw new Error(`not a byte size: ${limit}`);
  const unit = (m[2] ?? 'b').toLowerCase();
  return Number(m[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

/**
 * The HTTP layer: Fastify (measured against Express in `npm run bench`, bench/README.md). Routing
 * as Express did it for OBP's paths: a trailing slash is ignored, and path parameters may be long
 * (find-my-way's default of 100 characters would turn a long id into OBP-10404 instead of its 400).
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: byteSize(config.bodyLimit),
    // the client address the per-address limits count (X-Forwarded-For only from trusted proxies)
    trustProxy: config.trustProxy,
    // what Node's HTTP parser refuses gets an OBP body, not Fastify's own
    clientErrorHandler: answerClientError,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (err: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      const { status, message } = frameworkError(err);
      void reply
        .code(status)
        .type('application/json; charset=utf-8')
        .send({ code: status, message });
    },
    // the request id is the Correlation-Id, set by our onRequest hook
    genReqId: () => '',
  });
}

/**
 * OBP only routes JSON bodies: a POST/PUT with a body of another content type matches no route
 * ([P §0.2]), so it gets the generic 404 OBP-10404.
 */
function requireJsonBodies(req: FastifyRequest): void {
  if (
    (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') &&
    hasBody(req) &&
    !JSON_TYPE.test(req.headers['content-type'] ?? '')
  ) {
    throw ObpException.invalidUri(req);
  }
}

/** No OBP body nests deeper than a few levels; validation walks the value recursively. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` (JSON) nests arrays/objects deeper than `max`: one pass over the characters,
 * skipping strings. A body nested thousands deep would otherwise exhaust the stack in validation.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON bodies as the OBP API reads them: any JSON value, prototype keys dropped, errors as OBP's. */
function registerJsonParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPE, { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    // the bytes an Idempotency-Key's fingerprint hashes (a reference, not a copy)
    (req.raw as ObpRawRequest).bodyText = text;
    if (text === '') {
      done(null, undefined);
      return;
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new ObpException(
          ObpError.InvalidJsonFormat,
          ` The body nests deeper than ${MAX_JSON_DEPTH} levels.`,
        ),
        undefined,
      );
      return;
    }
    try {
      // a reviver makes JSON.parse several times slower: only bodies that name such a key need it
      const risky =
        text.includes('__proto__') || text.includes('constructor') || text.includes('prototype');
      done(null, risky ? JSON.parse(text, reviver) : JSON.parse(text));
    } catch (err) {
      done(
        new ObpException(
          ObpError.InvalidJsonFormat,
          ` ${err instanceof Error ? err.message : String(err)}`,
        ),
        undefined,
      );
    }
  });
}

const SERVED = new WeakMap<INestApplication, string[]>();

/** `VERB /path` of every route the HTTP layer serves (the route audit compares it with Nest's). */
export const servedRoutes = (app: INestApplication): string[] => SERVED.get(app) ?? [];

/** Everything main.ts and the tests share: logging, parsers, CORS, Correlation-Id, metrics, documents. */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  const fastifyApp = app as NestFastifyApplication;
  fastifyApp.useLogger(app.get(Logger));
  const fastify = fastifyApp.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  const requestLog = rootLogger(config);
  const served: string[] = [];
  SERVED.set(app, served);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) served.push(`${method} ${route.url}`);
  });
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done) => {
    const raw = req.raw as ObpRawRequest;
    raw.correlationId = correlationIdFor(req.headers['correlation-id']);
    raw.routePattern = req.routeOptions.url ?? 'unmatched';
    void reply.header('Correlation-Id', raw.correlationId);
    try {
      urlTooLong(req.url);
      requireJsonBodies(req);
    } catch (err) {
      done(err as ObpException);
      return;
    }
    securityHeaders(raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  // the answer of a request that claimed an Idempotency-Key is stored before it is sent
  fastify.addHook('onSend', app.get(IdempotencyService).recordAnswer);
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done) => {
    metrics.observe(req.method, (req.raw as ObpRawRequest).routePattern, reply);
    logRequest(requestLog, req, reply);
    done();
  });
  registerJsonParser(fastify);
  fastifyApp.enableCors({
    origin: config.corsOrigins,
    exposedHeaders: ['Correlation-Id', 'WWW-Authenticate', IDEMPOTENT_REPLAYED_HEADER],
    allowedHeaders: [
      'Content-Type',
      'Authorization',
      'DirectLogin',
      'Correlation-Id',
      'Accept',
      'Accept-Language',
      IDEMPOTENCY_KEY_HEADER,
    ],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  });
  configureOpenApi(app);
  return app;
}
