import { ConsumerEntity } from '../../src/modules/consumer/consumer.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN } from '../support/obp-error-bodies';

const URL = '/obp/v4.0.0/management/consumers';
const OBP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const KEY = /^[a-z0-9]{40}$/;

const body = (overrides: Record<string, unknown> = {}) => ({
  app_name: `App ${Date.now()}`,
  app_type: 'Web',
  description: 'An application',
  developer_email: 'dev@example.com',
  redirect_url: 'http://localhost:8082',
  ...overrides,
});

describe('consumers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const countNamed = (appName: string) => t.db.manager.countBy(ConsumerEntity, { appName });
  const loginWith = (username: string, key: string) =>
    t.http
      .post('/my/logins/direct')
      .set('DirectLogin', `username=${username}, password=Seed-Passw0rd!, consumer_key=${key}`);

  describe('POST /management/consumers', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      const b = body();
      expect((await t.http.post(URL).send(b).expect(401)).body).toEqual(NOT_LOGGED_IN);
      expect(await countNamed(b.app_name)).toBe(0);
    });

    it('answers 403 OBP-20006 without CanCreateConsumer, and stores nothing', async () => {
      const token = await t.seed.token({ CanGetConsumers: '' });
      const b = body();
      const res = await t.http.post(URL).set(t.auth(token)).send(b).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: 'OBP-20006: User is missing one or more roles: CanCreateConsumer',
      });
      expect(await countNamed(b.app_name)).toBe(0);
    });

    it('answers 201 with the key and the secret, shown once; the key works for DirectLogin at once', async () => {
      const { user, token } = await t.seed.userWithToken({
        CanCreateConsumer: '',
        CanGetConsumers: '',
      });
      const b = body();
      const res = await t.http.post(URL).set(t.auth(token)).send(b).expect(201);
      expect(res.body).toEqual({
        consumer_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        key: expect.stringMatching(KEY),
        secret: expect.stringMatching(KEY),
        app_name: b.app_name,
        app_type: 'Web',
        description: 'An application',
        developer_email: 'dev@example.com',
        redirect_url: 'http://localhost:8082',
        created_by_user_id: user.id,
        enabled: true,
        created: expect.stringMatching(OBP_DATE),
      });
      const row = await t.db.manager.findOneByOrFail(ConsumerEntity, {
        id: res.body.consumer_id as string,
      });
      expect(row.consumerKey).toBe(res.body.key);
      expect(row.secretHash).toMatch(/^scrypt\$/);
      expect(row.secretHash).not.toContain(res.body.secret);

      const list = await t.http.get(URL).set(t.auth(token)).expect(200);
      const { secret, ...withoutSecret } = res.body as Record<string, unknown>;
      expect(secret).toEqual(expect.any(String));
      expect(list.body.consumers).toContainEqual(withoutSecret);

      const login = await loginWith(user.username, res.body.key as string).expect(201);
      expect(login.body).toEqual({ token: expect.any(String) });
    });

    it('creates a disabled consumer whose key DirectLogin refuses with OBP-20008', async () => {
      const { user, token } = await t.seed.userWithToken({ CanCreateConsumer: '' });
      const res = await t.http
        .post(URL)
        .set(t.auth(token))
        .send(body({ enabled: false }))
        .expect(201);
      expect(res.body.enabled).toBe(false);
      const login = await loginWith(user.username, res.body.key as string).expect(401);
      expect(login.body).toEqual({ code: 401, message: 'OBP-20008: Invalid Consumer Key.' });
    });

    it.each([
      [{ app_name: undefined }, 'app_name must be a string'],
      [{ app_type: null }, 'app_type must be a string'],
      [{ enabled: 'yes' }, 'enabled must be a boolean value'],
      [{ developer_email: { x: 1 } }, 'developer_email must be a string'],
      [{ app_name: 'x'.repeat(256) }, 'app_name must be shorter than or equal to 255 characters'],
    ])('answers 400 OBP-10001 for the body %p and stores nothing', async (overrides, problem) => {
      const token = await t.seed.token({ CanCreateConsumer: '' });
      const before = await t.db.manager.count(ConsumerEntity);
      const res = await t.http.post(URL).set(t.auth(token)).send(body(overrides)).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: `OBP-10001: Incorrect json format. The Json body should be the ConsumerPostJSON (${problem})`,
      });
      expect(await t.db.manager.count(ConsumerEntity)).toBe(before);
    });

    it('is served from v4.0.0 on only', async () => {
      const token = await t.seed.token({ CanCreateConsumer: '' });
      await t.http
        .post('/obp/v5.1.0/management/consumers')
        .set(t.auth(token))
        .send(body())
        .expect(201);
      await t.http
        .post('/obp/v3.1.0/management/consumers')
        .set(t.auth(token))
        .send(body())
        .expect(404);
    });
  });

  describe('GET /management/consumers', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.get(URL).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetConsumers', async () => {
      const token = await t.seed.token({ CanCreateConsumer: '' });
      const res = await t.http.get(URL).set(t.auth(token)).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: 'OBP-20006: User is missing one or more roles: CanGetConsumers',
      });
    });

    it('answers 200 with every consumer, oldest first, and no secrets', async () => {
      const token = await t.seed.token({ CanGetConsumers: '' });
      const res = await t.http.get(URL).set(t.auth(token)).expect(200);
      const rows = await t.db.manager.find(ConsumerEntity, {
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      expect(res.body.consumers.map((c: { consumer_id: string }) => c.consumer_id)).toEqual(
        rows.map((r) => r.id),
      );
      for (const c of res.body.consumers as Record<string, unknown>[])
        expect(c).not.toHaveProperty('secret');
      const seeded = rows.find((r) => r.appName === 'seed')!; // the consumer the seed logs in with
      expect(res.body.consumers).toContainEqual({
        consumer_id: seeded.id,
        key: seeded.consumerKey,
        app_name: seeded.appName,
        app_type: '',
        description: '',
        developer_email: '',
        redirect_url: '',
        created_by_user_id: '',
        enabled: true,
        created: expect.stringMatching(OBP_DATE),
      });
    });
  });
});
