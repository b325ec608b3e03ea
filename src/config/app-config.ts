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

  if (problems.length > 0) throw new ConfigError(problems);
  return c;
}
