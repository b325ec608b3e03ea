import { Injectable } from '@nestjs/common';

/**
 * Every setting of the server contract (shared/reference/server-contract.md), read once from the
 * environment and validated at start-up. This is the only file that reads process.env.
 */
@Injectable()
export class AppConfig {
  port = 8080;
  host = '0.0.0.0';
  databaseUrl?: string;
  dataDir = './data';
  adminUsername?: string;
  adminPassword?: string;
  superAdminUserIds: string[] = [];
  consumerKey?: string;
  directLoginConsumerKeyMandatory = true;
  userAccountValidated = true;
  jwtSecret?: string;
  tokenTtlSeconds = 4 * 7 * 24 * 3600;
  displayInternalErrors = false;
  logLevel: LogLevel = 'info';
  /** Public base URL used in `provider` and `hostname` fields; derived from HOST/PORT unless set. */
  hostname = 'http://127.0.0.1:8080';
  /** Max accepted JSON body. */
  bodyLimit = '1mb';
  /** Shared state between instances (rate-limit counters); unset: in memory. */
  redisUrl?: string;
  /** Prefix of every Redis key, so deployments (or test files) can share one Redis. */
  redisKeyPrefix = 'obp-kyc:';
  /** RATE_LIMITS=off: every limit below is off. */
  rateLimits = true;
  loginPerAddressLimit: RateLimit | null = { limit: 60, ttlSeconds: 60 };
  loginPerUsernameLimit: RateLimit | null = { limit: 10, ttlSeconds: 60 };
  signupPerAddressLimit: RateLimit | null = { limit: 20, ttlSeconds: 3600 };
  /** Unlimited unless configured, as OBP's consumer call limits. */
  consumerLimit: RateLimit | null = null;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | number | string = false;
  /** Allowed CORS origins; `*` (OBP's default) allows any. */
  corsOrigins: '*' | string[] = '*';
  /** How long an `Idempotency-Key` and its stored answer are kept (IDEMPOTENCY_TTL_HOURS). */
  idempotencyTtlHours = 24;
  /** How often buffered access events (audited reads) are written; a clean shutdown writes the rest. */
  auditFlushMs = 250;
  /** WEBHOOK_ALLOW_PRIVATE: webhook URLs may name loopback, private and link-local addresses. */
  webhookAllowPrivate = false;
  /** First retry delay of a failed webhook delivery; each later one doubles (with jitter). */
  webhookRetryBaseMs = 30_000;
  /** How long a delivery is retried before it is marked failed. */
  webhookRetryWindowSeconds = 24 * 3600;
  /** A receiver that has not answered in this time fails the attempt. */
  webhookTimeoutMs = 10_000;
  /** How often the outbox relay and the idle delivery workers look for work. */
  webhookPollIntervalMs = 1_000;
  /** Streams (webhook and customer) one instance delivers at the same time. */
  webhookConcurrency = 8;
}

/** At most `limit` requests per `ttlSeconds`; the window is also how long a client is then refused. */
export interface RateLimit {
  limit: number;
  ttlSeconds: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** `4w`, `12h`, `30m`, `90s` or a bare number of seconds. */
export function parseDuration(value: string): number | undefined {
  const m = /^(\d+)\s*([smhdw]?)$/.exec(value.trim());
  if (!m) return undefined;
  const seconds = Number(m[1]) * DURATION_UNITS[m[2] || 's'];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** `20/1m`, `5/30s`, `100/1h`; `off` (or `0`) is unlimited, i.e. null. */
export function parseRateLimit(value: string): RateLimit | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return null;
  const m = /^(\d+)\s*\/\s*(\S+)$/.exec(v);
  if (!m) return undefined;
  const limit = Number(m[1]);
  const ttlSeconds = parseDuration(m[2]);
  if (ttlSeconds === undefined || limit < 1 || !Number.isSafeInteger(limit)) return undefined;
  return { limit, ttlSeconds };
}

const PROXY_HOP = /^([0-9a-f.:]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/i;
const ORIGIN = /^https?:\/\/[^\s/]+$/;

function parseBool(name: string, value: string, problems: string[]): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  problems.push(`${name} must be true or false`);
  return undefined;
}

/** Builds the config from an environment; throws ConfigError naming every bad variable (never its value). */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const c = new AppConfig();
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };

  const port = get('PORT');
  if (port !== undefined) {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n < 0 || n > 65535)
      problems.push('PORT must be a number from 0 to 65535');
    else c.port = n;
  }
  c.host = get('HOST') ?? c.host;

  const url = get('DATABASE_URL');
  if (url !== undefined) {
    let ok = false;
    try {
      const u = new URL(url);
      ok = (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
    } catch {
      ok = false;
    }
    if (!ok) problems.push('DATABASE_URL must look like postgres://user:pass@host:port/db');
    else c.databaseUrl = url;
  }
  c.dataDir = get('DATA_DIR') ?? c.dataDir;

  c.adminUsername = get('OBP_ADMIN_USERNAME');
  c.adminPassword = get('OBP_ADMIN_PASSWORD');
  if ((c.adminUsername === undefined) !== (c.adminPassword === undefined)) {
    problems.push('OBP_ADMIN_USERNAME and OBP_ADMIN_PASSWORD must be set together');
  }
  c.superAdminUserIds = (get('SUPER_ADMIN_USER_IDS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

  const key = get('OBP_CONSUMER_KEY');
  if (key !== undefined) {
    if (!/^[A-Za-z0-9-]{1,512}$/.test(key)) {
      problems.push('OBP_CONSUMER_KEY must be 1 to 512 characters of A-Z, a-z, 0-9 and -');
    } else c.consumerKey = key;
  }

  const mandatory = get('DIRECT_LOGIN_CONSUMER_KEY_MANDATORY');
  if (mandatory !== undefined) {
    c.directLoginConsumerKeyMandatory =
      parseBool('DIRECT_LOGIN_CONSUMER_KEY_MANDATORY', mandatory, problems) ?? true;
  }
  const validated = get('USER_ACCOUNT_VALIDATED');
  if (validated !== undefined) {
    c.userAccountValidated = parseBool('USER_ACCOUNT_VALIDATED', validated, problems) ?? true;
  }
  const internal = get('DISPLAY_INTERNAL_ERRORS');
  if (internal !== undefined) {
    c.displayInternalErrors = parseBool('DISPLAY_INTERNAL_ERRORS', internal, problems) ?? false;
  }

  const secret = get('JWT_SECRET');
  if (secret !== undefined) {
    if (secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    else c.jwtSecret = secret;
  }
  const ttl = get('TOKEN_TTL');
  if (ttl !== undefined) {
    const seconds = parseDuration(ttl);
    if (seconds === undefined)
      problems.push('TOKEN_TTL must be a duration such as 4w, 12h or 3600');
    else c.tokenTtlSeconds = seconds;
  }
  const idempotencyTtl = get('IDEMPOTENCY_TTL_HOURS');
  if (idempotencyTtl !== undefined) {
    const hours = Number(idempotencyTtl);
    if (!/^\d+(\.\d+)?$/.test(idempotencyTtl) || hours <= 0 || hours > 8760)
      problems.push('IDEMPOTENCY_TTL_HOURS must be a number of hours above 0, at most 8760');
    else c.idempotencyTtlHours = hours;
  }
  const level = get('LOG_LEVEL');
  if (level !== undefined) {
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
      problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
    } else c.logLevel = level as LogLevel;
  }
  const publicUrl = get('PUBLIC_URL');
  if (publicUrl !== undefined) {
    if (!/^https?:\/\/[^\s/]+(\/.*)?$/.test(publicUrl))
      problems.push('PUBLIC_URL must be an http(s) URL');
    else c.hostname = publicUrl.replace(/\/$/, '');
  } else {
    const h = c.host === '0.0.0.0' || c.host === '::' ? '127.0.0.1' : c.host;
    c.hostname = `http://${h}:${c.port}`;
  }

  const redisUrl = get('REDIS_URL');
  if (redisUrl !== undefined) {
    if (!/^rediss?:\/\/\S+$/.test(redisUrl))
      problems.push('REDIS_URL must look like redis://[user:pass@]host:port[/db]');
    else c.redisUrl = redisUrl;
  }
  c.redisKeyPrefix = get('REDIS_KEY_PREFIX') ?? c.redisKeyPrefix;

  const flush = get('AUDIT_FLUSH_INTERVAL_MS');
  if (flush !== undefined) {
    const n = Number(flush);
    if (!/^\d+$/.test(flush) || n < 10 || n > 3_600_000)
      problems.push('AUDIT_FLUSH_INTERVAL_MS must be a number of milliseconds from 10 to 3600000');
    else c.auditFlushMs = n;
  }

  const rateLimits = get('RATE_LIMITS');
  if (rateLimits !== undefined) {
    const v = rateLimits.trim().toLowerCase();
    if (v === 'on' || v === 'off') c.rateLimits = v === 'on';
    else problems.push('RATE_LIMITS must be on or off');
  }
  const limits = [
    ['RATE_LIMIT_LOGIN_PER_ADDRESS', 'loginPerAddressLimit'],
    ['RATE_LIMIT_LOGIN_PER_USERNAME', 'loginPerUsernameLimit'],
    ['RATE_LIMIT_SIGNUP_PER_ADDRESS', 'signupPerAddressLimit'],
    ['RATE_LIMIT_PER_CONSUMER', 'consumerLimit'],
  ] as const;
  for (const [name, field] of limits) {
    const value = get(name);
    if (value === undefined) continue;
    const limit = parseRateLimit(value);
    if (limit === undefined)
      problems.push(`${name} must be a count per duration such as 20/1m, or off`);
    else c[field] = limit;
  }

  const trustProxy = get('TRUST_PROXY');
  if (trustProxy !== undefined) {
    const v = trustProxy.trim().toLowerCase();
    if (v === 'true' || v === 'false') c.trustProxy = v === 'true';
    else if (/^\d+$/.test(v)) c.trustProxy = Number(v);
    else if (v.split(',').every((hop) => PROXY_HOP.test(hop.trim()))) c.trustProxy = v;
    else
      problems.push(
        'TRUST_PROXY must be true, false, a number of hops or a comma-separated list of addresses',
      );
  }

  const cors = get('CORS_ORIGINS');
  if (cors !== undefined && cors.trim() !== '*') {
    const origins = cors
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean);
    if (origins.length === 0 || !origins.every((o) => ORIGIN.test(o)))
      problems.push('CORS_ORIGINS must be * or a comma-separated list of http(s)://host[:port]');
    else c.corsOrigins = origins;
  }

  const allowPrivate = get('WEBHOOK_ALLOW_PRIVATE');
  if (allowPrivate !== undefined) {
    c.webhookAllowPrivate = parseBool('WEBHOOK_ALLOW_PRIVATE', allowPrivate, problems) ?? false;
  }
  const retryWindow = get('WEBHOOK_RETRY_WINDOW');
  if (retryWindow !== undefined) {
    const seconds = parseDuration(retryWindow);
    if (seconds === undefined)
      problems.push('WEBHOOK_RETRY_WINDOW must be a duration such as 24h, 30m or 3600');
    else c.webhookRetryWindowSeconds = seconds;
  }
  const counts = [
    ['WEBHOOK_RETRY_BASE_MS', 'webhookRetryBaseMs', 1, 'a number of milliseconds from 1'],
    ['WEBHOOK_TIMEOUT_MS', 'webhookTimeoutMs', 1, 'a number of milliseconds from 1'],
    ['WEBHOOK_POLL_INTERVAL_MS', 'webhookPollIntervalMs', 500, 'a number of milliseconds from 500'],
    ['WEBHOOK_CONCURRENCY', 'webhookConcurrency', 1, 'a number from 1'],
  ] as const;
  for (const [name, field, minimum, what] of counts) {
    const value = get(name);
    if (value === undefined) continue;
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < minimum)
      problems.push(`${name} must be ${what}`);
    else c[field] = n;
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return c;
}
