import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { ObpRawRequest } from '../../common/auth/principal';
import { AppConfig } from '../../config/app-config';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';

/** Whose key: the caller's consumer ('' when the token names none) and user. */
export interface IdempotencyScope {
  consumerId: string;
  userId: string;
  key: string;
}

/** An answer as sent: what a replay repeats. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What a claim found: the key is ours to run, its stored answer, another request's, or busy. */
export type Claim =
  | { kind: 'run' }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'mismatch' }
  | { kind: 'busy' };

interface KeyRow {
  fingerprint: Buffer;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: Buffer | null;
}

const KEY = 'consumer_id = $1::text AND user_id = $2::text AND key = $3::text';

/**
 * One statement claims a key: a new row (no answer yet), or an expired one taken over. Nothing else
 * can claim a key that is there and alive, so a request runs at most once per key.
 */
const CLAIM = preparedStatement(
  'idempotency_claim',
  'INSERT INTO idempotency_key (consumer_id, user_id, key, fingerprint, expires_at)' +
    " VALUES ($1::text, $2::text, $3::text, $4::bytea, now() + $5::float8 * interval '1 hour')" +
    ' ON CONFLICT (consumer_id, user_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,' +
    ' response_status = NULL, response_headers = NULL, response_body = NULL, created_at = now(),' +
    ' expires_at = EXCLUDED.expires_at WHERE idempotency_key.expires_at <= now() RETURNING 1 AS claimed',
);
const READ = preparedStatement(
  'idempotency_read',
  'SELECT fingerprint, response_status AS "responseStatus", response_headers AS "responseHeaders",' +
    ` response_body AS "responseBody" FROM idempotency_key WHERE ${KEY} AND expires_at > now()`,
);
const STORE = preparedStatement(
  'idempotency_store',
  'UPDATE idempotency_key SET response_status = $4::int, response_headers = $5::jsonb,' +
    ` response_body = $6::bytea WHERE ${KEY}`,
);
const RELEASE = preparedStatement(
  'idempotency_release',
  `DELETE FROM idempotency_key WHERE ${KEY} AND response_status IS NULL`,
);

/** The headers a replay repeats; the rest is per request (Correlation-Id, CORS, security headers). */
const KEPT_HEADERS = ['content-type', 'location'];

/** How long a repeat waits for the first request with its key to finish, then 409. */
export const WAIT_FOR_FIRST_MS = 2000;
const POLL_MS = 25;
/** Expired keys are deleted this often (a claim also takes an expired key over). */
const PURGE_EVERY_MS = 10 * 60 * 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** sha256 of the method, the URL (path and query) and the body bytes. */
export const fingerprintOf = (method: string, url: string, body: string): Buffer =>
  createHash('sha256').update(`${method}\n${url}\n`).update(body).digest();

/**
 * The `Idempotency-Key` store (issue 15), in the app's database: PostgreSQL or the embedded PGlite
 * alike. Each call is one statement and no transaction is held while waiting, so the embedded
 * store's one connection is never blocked by a waiting repeat.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('IdempotencyService');
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.purgeTimer = setInterval(() => void this.purgeExpired(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  /** Claims the key, or reports what holds it; a repeat of a running request waits for its answer. */
  async claim(scope: IdempotencyScope, fingerprint: Buffer): Promise<Claim> {
    const values = [scope.consumerId, scope.userId, scope.key];
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const claimed = await runPrepared(this.dataSource, CLAIM, [
        ...values,
        fingerprint,
        this.config.idempotencyTtlHours,
      ]);
      if (claimed.length > 0) return { kind: 'run' };
      const [row] = await runPrepared<KeyRow>(this.dataSource, READ, values);
      // gone between the two statements (expired, or released after a 5xx): claim again
      if (!row && Date.now() < deadline) continue;
      if (!row) return { kind: 'busy' };
      if (!row.fingerprint.equals(fingerprint)) return { kind: 'mismatch' };
      if (row.responseStatus !== null) {
        return {
          kind: 'replay',
          answer: {
            status: row.responseStatus,
            headers: row.responseHeaders ?? {},
            body: row.responseBody ?? Buffer.alloc(0),
          },
        };
      }
      if (Date.now() >= deadline) return { kind: 'busy' };
      await sleep(POLL_MS);
    }
  }

  /** Keeps the first request's answer for its repeats. */
  async store(scope: IdempotencyScope, answer: StoredAnswer): Promise<void> {
    await runPrepared(this.dataSource, STORE, [
      scope.consumerId,
      scope.userId,
      scope.key,
      answer.status,
      JSON.stringify(answer.headers),
      answer.body,
    ]);
  }

  /** Frees a key whose request failed on our side (5xx) or whose answer cannot be kept. */
  async release(scope: IdempotencyScope): Promise<void> {
    await runPrepared(this.dataSource, RELEASE, [scope.consumerId, scope.userId, scope.key]);
  }

  /**
   * Fastify onSend hook (configure-app.ts): stores the answer of a request that claimed a key,
   * before the client gets it; a 5xx (or a streamed body) frees the key for a retry instead.
   */
  recordAnswer = (
    req: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (err: null, payload: unknown) => void,
  ): void => {
    const raw = req.raw as ObpRawRequest;
    const scope = raw.idempotency;
    if (!scope) {
      done(null, payload);
      return;
    }
    raw.idempotency = undefined;
    const body =
      typeof payload === 'string'
        ? Buffer.from(payload)
        : Buffer.isBuffer(payload)
          ? payload
          : payload === undefined || payload === null
            ? Buffer.alloc(0)
            : undefined;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const status = reply.statusCode;
    const work =
      status >= 500 || body === undefined
        ? this.release(scope)
        : this.store(scope, { status, headers, body });
    work
      .catch((err: unknown) => this.logger.error({ err }, 'could not keep an idempotent answer'))
      .finally(() => done(null, payload));
  };

  async purgeExpired(): Promise<void> {
    try {
      await this.dataSource.query('DELETE FROM idempotency_key WHERE expires_at <= now()');
    } catch (err) {
      this.logger.warn({ err }, 'could not delete expired idempotency keys');
    }
  }
}
