import { ConfigError, loadAppConfig, parseDuration } from './app-config';

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
