import { ConfigError, loadAppConfig, parseDuration, parseRateLimit } from './app-config';

describe('loadAppConfig', () => {
  it('has the contract defaults', () => {
    const c = loadAppConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: './data',
      directLoginConsumerKeyMandatory: true,
      userAccountValidated: true,
      tokenTtlSeconds: 4 * 604800,
      displayInternalErrors: false,
      logLevel: 'info',
      superAdminUserIds: [],
    });
  });

  it('reads every variable', () => {
    const c = loadAppConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u:p@db:5432/obp',
      DATA_DIR: '/tmp/x',
      OBP_ADMIN_USERNAME: 'admin',
      OBP_ADMIN_PASSWORD: 'pw',
      SUPER_ADMIN_USER_IDS: ' a , b,,',
      OBP_CONSUMER_KEY: 'key-1',
      DIRECT_LOGIN_CONSUMER_KEY_MANDATORY: 'false',
      USER_ACCOUNT_VALIDATED: 'false',
      JWT_SECRET: 'x'.repeat(32),
      TOKEN_TTL: '12h',
      DISPLAY_INTERNAL_ERRORS: 'true',
      LOG_LEVEL: 'debug',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u:p@db:5432/obp',
      dataDir: '/tmp/x',
      adminUsername: 'admin',
      superAdminUserIds: ['a', 'b'],
      consumerKey: 'key-1',
      directLoginConsumerKeyMandatory: false,
      userAccountValidated: false,
      tokenTtlSeconds: 43200,
      displayInternalErrors: true,
      logLevel: 'debug',
      hostname: 'http://127.0.0.1:9000',
    });
  });

  it('reads IDEMPOTENCY_TTL_HOURS (24 by default, decimals allowed) and refuses a bad one', () => {
    expect(loadAppConfig({}).idempotencyTtlHours).toBe(24);
    expect(loadAppConfig({ IDEMPOTENCY_TTL_HOURS: '0.5' }).idempotencyTtlHours).toBe(0.5);
    for (const bad of ['0', '-1', 'abc', '1e3', '9000']) {
      expect(() => loadAppConfig({ IDEMPOTENCY_TTL_HOURS: bad })).toThrow(
        'IDEMPOTENCY_TTL_HOURS must be a number of hours above 0, at most 8760',
      );
    }
  });

  it('writes buffered access events every 250 ms unless AUDIT_FLUSH_INTERVAL_MS says otherwise', () => {
    expect(loadAppConfig({}).auditFlushMs).toBe(250);
    expect(loadAppConfig({ AUDIT_FLUSH_INTERVAL_MS: '1000' }).auditFlushMs).toBe(1000);
    for (const bad of ['5', 'soon', '3600001']) {
      expect(() => loadAppConfig({ AUDIT_FLUSH_INTERVAL_MS: bad })).toThrow(
        'AUDIT_FLUSH_INTERVAL_MS must be a number of milliseconds from 10 to 3600000',
      );
    }
  });

  it('lists every bad variable, never its value', () => {
    let error: unknown;
    try {
      loadAppConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short-secret',
        OBP_ADMIN_USERNAME: 'a',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).not.toContain('short-secret');
  });

  it('has limits on by default, the consumer limit unconfigured, no Redis, CORS for any origin', () => {
    expect(loadAppConfig({})).toMatchObject({
      rateLimits: true,
      loginPerAddressLimit: { limit: 60, ttlSeconds: 60 },
      loginPerUsernameLimit: { limit: 10, ttlSeconds: 60 },
      signupPerAddressLimit: { limit: 20, ttlSeconds: 3600 },
      consumerLimit: null,
      redisUrl: undefined,
      redisKeyPrefix: 'obp-kyc:',
      trustProxy: false,
      corsOrigins: '*',
    });
  });

  it('reads the limit, Redis, proxy and CORS variables', () => {
    const c = loadAppConfig({
      RATE_LIMITS: 'off',
      RATE_LIMIT_LOGIN_PER_ADDRESS: '5/30s',
      RATE_LIMIT_LOGIN_PER_USERNAME: 'off',
      RATE_LIMIT_SIGNUP_PER_ADDRESS: '3 / 1h',
      RATE_LIMIT_PER_CONSUMER: '600/1m',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      REDIS_KEY_PREFIX: 'kyc-a:',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      CORS_ORIGINS: 'https://explorer.example.com/, http://localhost:5173',
    });
    expect(c).toMatchObject({
      rateLimits: false,
      loginPerAddressLimit: { limit: 5, ttlSeconds: 30 },
      loginPerUsernameLimit: null,
      signupPerAddressLimit: { limit: 3, ttlSeconds: 3600 },
      consumerLimit: { limit: 600, ttlSeconds: 60 },
      redisUrl: 'redis://127.0.0.1:6379/0',
      redisKeyPrefix: 'kyc-a:',
      trustProxy: 'loopback, 10.0.0.0/8',
      corsOrigins: ['https://explorer.example.com', 'http://localhost:5173'],
    });
    expect(loadAppConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadAppConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('refuses bad limit, Redis, proxy and CORS values', () => {
    let error: unknown;
    try {
      loadAppConfig({
        RATE_LIMITS: 'maybe',
        RATE_LIMIT_PER_CONSUMER: 'lots',
        REDIS_URL: 'http://redis',
        TRUST_PROXY: 'everyone',
        CORS_ORIGINS: 'example.com',
      });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toHaveLength(5);
  });
});

describe('parseRateLimit', () => {
  it.each([
    ['20/1m', { limit: 20, ttlSeconds: 60 }],
    ['5/30s', { limit: 5, ttlSeconds: 30 }],
    ['100/3600', { limit: 100, ttlSeconds: 3600 }],
    ['off', null],
    ['0', null],
  ])('%s', (value, limit) => expect(parseRateLimit(value)).toEqual(limit));

  it.each(['20', '0/1m', '-1/1m', '5/forever', '/1m', ''])('refuses %p', (value) =>
    expect(parseRateLimit(value)).toBeUndefined(),
  );
});

describe('parseDuration', () => {
  it.each([
    ['4w', 2419200],
    ['12h', 43200],
    ['30m', 1800],
    ['90s', 90],
    ['3600', 3600],
  ])('%s is %d seconds', (value, seconds) => expect(parseDuration(value)).toBe(seconds));

  it.each(['0', '-1h', '1y', 'forever', ''])('refuses %p', (value) =>
    expect(parseDuration(value)).toBeUndefined(),
  );
});
