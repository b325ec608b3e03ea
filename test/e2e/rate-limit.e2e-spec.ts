import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ConsumerEntity } from '../../src/modules/consumer/consumer.entity';
import { UserEntity } from '../../src/modules/user/user.entity';
import { SEED_PASSWORD } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';

const LOGIN = '/my/logins/direct';
const USERS = '/obp/v3.1.0/users';
const CURRENT = '/obp/v3.1.0/users/current';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Redis keys of this file only: other test files (and other runs) share the Redis. */
const PREFIX = `test-rate-limit-${process.pid}-${randomUUID().slice(0, 8)}:`;

const tooMany = (text: string) => ({
  code: 429,
  message: `OBP-10018: Too Many Requests. We only allow ${text}.`,
});
const BAD_CREDENTIALS = {
  code: 401,
  message: 'OBP-20004: Invalid login credentials. Check username/password.',
};

/** Limits on, one variable at a time; TRUST_PROXY lets a test speak from several addresses. */
const limited = (env: Record<string, string>, database?: string): Promise<TestApp> =>
  createTestApp({ env: { RATE_LIMITS: 'on', TRUST_PROXY: 'loopback', ...env }, database });

const from = (address: string) => ({ 'X-Forwarded-For': address });

/** A DirectLogin from `address` (X-Forwarded-For, trusted from loopback). */
const directLogin = (
  t: TestApp,
  consumerKey: string,
  address: string,
  username: string,
  password = SEED_PASSWORD,
) =>
  t.http
    .post(LOGIN)
    .set(from(address))
    .set('DirectLogin', `username=${username}, password=${password}, consumer_key=${consumerKey}`);

const expectRetryAfter = (header: unknown, max: number): void => {
  const seconds = Number(header);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(max);
};

const signup = (username = `rate.user${randomUUID().slice(0, 8)}`) => ({
  email: `${username}@example.com`,
  username,
  password: 'Abcdefgh1!',
  first_name: 'Felix',
  last_name: 'Smith',
});

describe('POST /my/logins/direct per client address', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await limited({
      RATE_LIMIT_LOGIN_PER_ADDRESS: '3/1m',
      RATE_LIMIT_LOGIN_PER_USERNAME: 'off',
    });
    key = await t.seed.consumerKey();
  });
  afterAll(() => t.close());

  const login = (address: string, username: string, password?: string) =>
    directLogin(t, key, address, username, password);

  it('answers 429 OBP-10018 with Retry-After past the limit, before checking the password', async () => {
    const user = await t.seed.user();
    for (let i = 0; i < 3; i++)
      expect((await login('203.0.113.1', user.username, 'Wrong-Passw0rd!')).body).toEqual(
        BAD_CREDENTIALS,
      );
    const res = await login('203.0.113.1', user.username, 'Wrong-Passw0rd!');
    expect(res.status).toBe(429);
    expect(res.body).toEqual(tooMany('3 requests per minute for anonymous access'));
    expectRetryAfter(res.headers['retry-after'], 60);
    // refused before the login ran: no fourth failed attempt recorded, the account not locked
    const row = await t.db.manager.findOneByOrFail(UserEntity, { id: user.id });
    expect({ attempts: row.badLoginAttempts, locked: row.locked }).toEqual({
      attempts: 3,
      locked: false,
    });
    // the right password does not help from that address
    expect((await login('203.0.113.1', user.username)).status).toBe(429);
  });

  it('counts every address on its own', async () => {
    const user = await t.seed.user();
    for (let i = 0; i < 4; i++) await login('203.0.113.2', 'someone.else');
    expect((await login('203.0.113.3', user.username)).status).toBe(201);
  });
});

describe('POST /my/logins/direct per username', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await limited({
      RATE_LIMIT_LOGIN_PER_ADDRESS: 'off',
      RATE_LIMIT_LOGIN_PER_USERNAME: '2/30s',
    });
    key = await t.seed.consumerKey();
  });
  afterAll(() => t.close());

  const login = (address: string, username: string) => directLogin(t, key, address, username);

  it('answers 429 OBP-10018 for a username tried from many addresses', async () => {
    const user = await t.seed.user();
    expect((await login('198.51.100.1', user.username)).status).toBe(201);
    expect((await login('198.51.100.2', `"${user.username}"`)).status).toBe(201);
    const res = await login('198.51.100.3', user.username);
    expect(res.status).toBe(429);
    expect(res.body).toEqual(tooMany('2 requests per 30 seconds for this username'));
    expectRetryAfter(res.headers['retry-after'], 30);
  });

  it('leaves other usernames alone', async () => {
    const [a, b] = [await t.seed.user(), await t.seed.user()];
    for (let i = 0; i < 3; i++) await login('198.51.100.4', a.username);
    expect((await login('198.51.100.4', b.username)).status).toBe(201);
  });

  it('still answers a header without a username with its own OBP error', async () => {
    const res = await t.http.post(LOGIN).set('DirectLogin', `password=x, consumer_key=${key}`);
    expect(res.body).toEqual({
      code: 400,
      message: 'OBP-20002: These DirectLogin parameters are missing:username',
    });
  });
});

describe('POST /users per client address', () => {
  let t: TestApp;
  beforeAll(async () => (t = await limited({ RATE_LIMIT_SIGNUP_PER_ADDRESS: '2/1h' })));
  afterAll(() => t.close());

  it('answers 429 OBP-10018 past the limit, before reading the body, and stores nothing', async () => {
    await t.http.post(USERS).set(from('192.0.2.1')).send(signup()).expect(201);
    await t.http.post(USERS).set(from('192.0.2.1')).send({ username: 'x' }).expect(400);
    const body = signup();
    const res = await t.http.post(USERS).set(from('192.0.2.1')).send(body);
    expect(res.status).toBe(429);
    expect(res.body).toEqual(tooMany('2 requests per hour for anonymous access'));
    expectRetryAfter(res.headers['retry-after'], 3600);
    expect(await t.db.manager.countBy(UserEntity, { username: body.username })).toBe(0);
    // an invalid body is refused by the limit too: it runs first
    expect((await t.http.post(USERS).set(from('192.0.2.1')).send({})).status).toBe(429);
    await t.http.post(USERS).set(from('192.0.2.2')).send(signup()).expect(201);
  });
});

describe('per consumer (RATE_LIMIT_PER_CONSUMER)', () => {
  const consumer = (t: TestApp) =>
    t.db.getRepository(ConsumerEntity).save({
      consumerKey: `ratekey${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      appName: 'rate',
      enabled: true,
      secretHash: null,
    });
  const tokenOf = async (t: TestApp, consumerKey: string): Promise<string> => {
    const user = await t.seed.user();
    const res = await t.http
      .post(LOGIN)
      .set(
        'DirectLogin',
        `username=${user.username}, password=${SEED_PASSWORD}, consumer_key=${consumerKey}`,
      )
      .expect(201);
    return (res.body as { token: string }).token;
  };

  describe('configured', () => {
    let t: TestApp;
    beforeAll(async () => (t = await limited({ RATE_LIMIT_PER_CONSUMER: '3/1m' })));
    afterAll(() => t.close());

    it('answers 429 OBP-10018 with OBP text once a consumer’s users used its calls', async () => {
      const c = await consumer(t);
      const [alice, bob] = [await tokenOf(t, c.consumerKey), await tokenOf(t, c.consumerKey)];
      await t.http.get(CURRENT).set(t.auth(alice)).expect(200);
      await t.http.get(CURRENT).set(t.auth(bob)).expect(200);
      await t.http.get(CURRENT).set(t.auth(alice)).expect(200);
      const res = await t.http.get(CURRENT).set(t.auth(bob));
      expect(res.status).toBe(429);
      expect(res.body).toEqual(tooMany('3 requests per minute for this Consumer'));
      expectRetryAfter(res.headers['retry-after'], 60);

      // other consumers go on; without a token the login check answers first
      const other = await tokenOf(t, (await consumer(t)).consumerKey);
      await t.http.get(CURRENT).set(t.auth(other)).expect(200);
      expect((await t.http.get(CURRENT)).status).toBe(401);
    });
  });

  describe('unconfigured (the default)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await limited({})));
    afterAll(() => t.close());

    it('is unlimited', async () => {
      const token = await tokenOf(t, (await consumer(t)).consumerKey);
      for (let i = 0; i < 30; i++) await t.http.get(CURRENT).set(t.auth(token)).expect(200);
    });
  });
});

describe('RATE_LIMITS=off', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await createTestApp({
        env: {
          RATE_LIMITS: 'off',
          RATE_LIMIT_LOGIN_PER_ADDRESS: '1/1m',
          RATE_LIMIT_LOGIN_PER_USERNAME: '1/1m',
          RATE_LIMIT_SIGNUP_PER_ADDRESS: '1/1h',
          RATE_LIMIT_PER_CONSUMER: '1/1m',
        },
      })),
  );
  afterAll(() => t.close());

  it('switches every limit off', async () => {
    const token = await t.seed.token(); // a login
    const user = await t.seed.user();
    for (let i = 0; i < 3; i++) {
      await t.seed.login(user.username);
      await t.http.post(USERS).send(signup()).expect(201);
      await t.http.get(CURRENT).set(t.auth(token)).expect(200);
    }
  });
});

describe('REDIS_URL: instances share one count', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  const env = {
    REDIS_URL: REDIS_URL,
    REDIS_KEY_PREFIX: PREFIX,
    RATE_LIMIT_LOGIN_PER_ADDRESS: '4/1m',
    RATE_LIMIT_LOGIN_PER_USERNAME: '3/1m',
    RATE_LIMIT_PER_CONSUMER: '4/1m',
  };
  beforeAll(async () => {
    a = await limited(env);
    b = await limited(env, a.dbName);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    const keys = await redis.keys(`*${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const login = (t: TestApp, address: string, username: string, consumerKey: string) =>
    directLogin(t, consumerKey, address, username);

  it('counts a client address across both instances', async () => {
    const key = await a.seed.consumerKey();
    const users = [await a.seed.user(), await a.seed.user(), await a.seed.user()];
    expect((await login(a, '203.0.113.10', users[0].username, key)).status).toBe(201);
    expect((await login(b, '203.0.113.10', users[1].username, key)).status).toBe(201);
    expect((await login(a, '203.0.113.10', users[2].username, key)).status).toBe(201);
    expect((await login(b, '203.0.113.10', users[0].username, key)).status).toBe(201);
    const res = await login(a, '203.0.113.10', users[1].username, key);
    expect(res.body).toEqual(tooMany('4 requests per minute for anonymous access'));
    expectRetryAfter(res.headers['retry-after'], 60);
    expect((await login(b, '203.0.113.10', users[2].username, key)).status).toBe(429);
  });

  it('counts a username and a consumer across both instances, and keeps usernames out of Redis', async () => {
    const key = await a.seed.consumerKey();
    const user = await a.seed.user();
    expect((await login(a, '203.0.113.11', user.username, key)).status).toBe(201);
    expect((await login(b, '203.0.113.12', user.username, key)).status).toBe(201);
    const res = await login(a, '203.0.113.13', user.username, key);
    expect(res.status).toBe(201);
    const token = (res.body as { token: string }).token;
    expect((await login(b, '203.0.113.14', user.username, key)).body).toEqual(
      tooMany('3 requests per minute for this username'),
    );

    for (const t of [a, b, a, b]) await t.http.get(CURRENT).set(a.auth(token)).expect(200);
    expect((await b.http.get(CURRENT).set(b.auth(token))).body).toEqual(
      tooMany('4 requests per minute for this Consumer'),
    );

    const keys = await redis.keys(`*${PREFIX}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.includes(user.username))).toEqual([]);
  });
});

describe('REDIS_URL unreachable', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await limited({
        REDIS_URL: 'redis://127.0.0.1:1',
        REDIS_KEY_PREFIX: PREFIX,
        RATE_LIMIT_SIGNUP_PER_ADDRESS: '1/1h',
      })),
  );
  afterAll(() => t.close());

  it('still serves, and limits on this instance alone', async () => {
    await t.http.post(USERS).set(from('192.0.2.20')).send(signup()).expect(201);
    expect((await t.http.post(USERS).set(from('192.0.2.20')).send(signup())).status).toBe(429);
    await t.http.get('/health/ready').expect(200);
  });
});
