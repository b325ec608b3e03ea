import { AuthTokenEntity } from '../../src/modules/auth/auth-token.entity';
import { EntitlementEntity } from '../../src/modules/entitlement/entitlement.entity';
import { UserEntity } from '../../src/modules/user/user.entity';
import { SEED_PASSWORD } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN } from '../support/obp-error-bodies';

const missing = (roles: string) => ({
  code: 403,
  message: `OBP-20006: User is missing one or more roles: ${roles}`,
});
const PROVIDER = 'http://127.0.0.1:8080';
const OBP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MASKED = 'OBP-50005: An unspecified or internal error occurred.';
const WEAK_PASSWORD = {
  code: 400,
  message:
    'OBP-30207: Invalid Password Format. Your password should EITHER be at least 10 characters long and contain mixed numbers and both upper and lower case letters and at least one special character, OR the length should be > 16 and <= 512.',
};
const INVALID_USERNAME =
  'Invalid Username: use an e-mail address or 8 to 100 characters of a-z, A-Z, 0-9, . and _ (not at the start or end, not doubled)';

let counter = 0;
const newUser = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  const username = `new.user${Date.now().toString(36)}${counter}`;
  return {
    email: `${username}@example.com`,
    username,
    password: 'Abcdefgh1!',
    first_name: 'Felix',
    last_name: 'Smith',
    ...overrides,
  };
};

describe('users', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const countUsers = (username: string) => t.db.manager.countBy(UserEntity, { username });

  describe('POST /users', () => {
    it('answers 201 with UserJsonV200, stores a validated user who can log in at once (U-01, U-02)', async () => {
      const body = newUser();
      const res = await t.http.post('/obp/v3.1.0/users').send(body).expect(201);
      expect(res.body).toEqual({
        user_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: body.email,
        provider_id: body.username,
        provider: PROVIDER,
        username: body.username,
        entitlements: { list: [] },
      });
      const row = await t.db.manager.findOneByOrFail(UserEntity, {
        id: res.body.user_id as string,
      });
      expect(row).toMatchObject({
        username: body.username,
        email: body.email,
        firstName: 'Felix',
        lastName: 'Smith',
        validated: true,
      });
      expect(row.passwordHash).not.toContain(body.password);

      const token = await t.seed.login(body.username, body.password);
      const admin = await t.seed.token({ CanGetAnyUser: '' });
      const read = await t.http
        .get(`/obp/v3.1.0/users/user_id/${res.body.user_id}`)
        .set(t.auth(admin))
        .expect(200);
      expect(read.body).toEqual(res.body);
      await t.http.get('/obp/v3.1.0/users/current').set(t.auth(token)).expect(200);
    });

    it('is served at v2.0.0 and v3.0.0 too, without authentication (U-01, U-04)', async () => {
      const a = await t.http.post('/obp/v2.0.0/users').send(newUser()).expect(201);
      const b = await t.http
        .post('/obp/v3.0.0/users')
        .send(newUser({ email: 'foo@bar.ai' }))
        .expect(201);
      expect(a.body.user_id).toEqual(expect.any(String));
      expect(b.body.email).toBe('foo@bar.ai');
    });

    it('accepts an e-mail address as username, and a long password without character classes', async () => {
      const body = newUser({
        username: `felix.${Date.now()}@example.com`,
        password: 'correct horse battery staple',
      });
      const res = await t.http.post('/obp/v3.1.0/users').send(body).expect(201);
      expect(res.body.username).toBe(body.username);
      await t.seed.login(body.username, body.password);
    });

    it('answers 409 for a duplicate username and stores nothing (U-03)', async () => {
      const body = newUser();
      await t.http.post('/obp/v3.1.0/users').send(body).expect(201);
      const res = await t.http
        .post('/obp/v3.1.0/users')
        .send({ ...body, email: 'other@example.com' })
        .expect(409);
      expect(res.body).toEqual({
        code: 409,
        message: `${MASKED} User with the same username already exists.`,
      });
      expect(await countUsers(body.username)).toBe(1);
    });

    it.each([
      ['Abcdefgh12', 'no special character (U-13)'],
      ['abcdefghij1!', 'no upper-case letter'],
      ['ABCDEFGHIJ1!', 'no lower-case letter'],
      ['Abcdefghij!!', 'no digit'],
      ['Abcdef1!', 'too short'],
      ['Abcd efgh1!', 'a space in the short form'],
      ['Abcdefgh1![', 'a [ (OBP regex side effect)'],
      ['Abcdefgh1!]', 'a ]'],
      ['Äbcdefgh1!', 'a non-ASCII letter'],
      ['a'.repeat(513), 'more than 512 characters'],
      ['correct horse battery [staple]', 'a [ in the long form'],
    ])('answers 400 OBP-30207 for the password %p (%s) and stores nothing', async (password) => {
      const body = newUser({ password });
      const res = await t.http.post('/obp/v3.1.0/users').send(body).expect(400);
      expect(res.body).toEqual(WEAK_PASSWORD);
      expect(await countUsers(body.username)).toBe(0);
    });

    it.each([
      'Abcdefgh1!',
      'Abcdefghijklmn1!',
      'a'.repeat(17),
      'a'.repeat(512),
      'x y z ~ ^ \\ ` " \' 1234',
    ])('accepts the password %p', async (password) => {
      await t.http.post('/obp/v3.1.0/users').send(newUser({ password })).expect(201);
    });

    it.each([
      ['abc', 'too short (U-15)'],
      ['_abcdefgh', 'a leading _'],
      ['abcdefgh.', 'a trailing .'],
      ['abc__defgh', 'a doubled _'],
      ['abc..defgh', 'a doubled .'],
      ['abc._defgh', '._'],
      ['abc-defgh', 'a -'],
      ['a'.repeat(101), 'more than 100 characters'],
    ])('answers 400 OBP-50005 with the reason for the username %p (%s)', async (username) => {
      const res = await t.http.post('/obp/v3.1.0/users').send(newUser({ username })).expect(400);
      expect(res.body).toEqual({ code: 400, message: `${MASKED} ${INVALID_USERNAME}` });
      expect(await countUsers(username)).toBe(0);
    });

    it('answers 400 OBP-50005 for an invalid e-mail and for one longer than 48 characters', async () => {
      for (const email of ['not-an-email', 'a@', `${'a'.repeat(37)}@example.com`]) {
        const body = newUser({ email });
        const res = await t.http.post('/obp/v3.1.0/users').send(body).expect(400);
        expect(res.body).toEqual({ code: 400, message: `${MASKED} Invalid email address` });
        expect(await countUsers(body.username)).toBe(0);
      }
      await t.http
        .post('/obp/v3.1.0/users')
        .send(newUser({ email: `${'a'.repeat(36)}@example.com` }))
        .expect(201);
    });

    it('answers 400 OBP-50005 for blank names, listing every problem', async () => {
      const body = newUser({ first_name: ' ', last_name: '', username: 'bad', email: 'nope' });
      const res = await t.http.post('/obp/v3.1.0/users').send(body).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: `${MASKED} ${INVALID_USERNAME}; Invalid email address; First name must not be blank; Last name must not be blank`,
      });
    });

    it.each([
      [{ first_name: undefined }, 'first_name must be a string'],
      [{ email: null }, 'email must be a string'],
      [{ last_name: { a: 1 } }, 'last_name must be a string'],
      [{ username: ['x'] }, 'username must be a string'],
      [
        { first_name: 'x'.repeat(101) },
        'first_name must be shorter than or equal to 100 characters',
      ],
    ])(
      'answers 400 OBP-10001 for a malformed body %p and stores nothing (U-14)',
      async (overrides, problem) => {
        const body = newUser(overrides);
        const res = await t.http.post('/obp/v3.1.0/users').send(body).expect(400);
        expect(res.body).toEqual({
          code: 400,
          message: `OBP-10001: Incorrect json format. The Json body should be the CreateUserJson (${problem})`,
        });
        expect(await countUsers(body.username)).toBe(0);
      },
    );

    it('answers 404 OBP-10404 for a text/plain body (U-16)', async () => {
      const res = await t.http
        .post('/obp/v3.1.0/users')
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(newUser()))
        .expect(404);
      expect(res.body).toEqual({
        code: 404,
        message: expect.stringMatching(
          /^OBP-10404: 404 Not Found\. .*Current Url is \(\/obp\/v3\.1\.0\/users\), Current Content-Type Header is \(text\/plain\)$/,
        ),
      });
    });

    it('keeps a number sent for a name as its text', async () => {
      const res = await t.http
        .post('/obp/v3.1.0/users')
        .send(newUser({ first_name: 42 }))
        .expect(201);
      expect(
        (await t.db.manager.findOneByOrFail(UserEntity, { id: res.body.user_id as string }))
          .firstName,
      ).toBe('42');
    });
  });

  describe('GET /users/current', () => {
    it('answers 401 OBP-20001 with WWW-Authenticate without a token (U-17)', async () => {
      const res = await t.http.get('/obp/v3.1.0/users/current').expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(res.headers['www-authenticate']).toContain('DirectLogin realm=');
    });

    it('answers 200 UserJsonV300 with the entitlements, oldest first, and an empty views list (U-18)', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({ CanGetCustomer: bank.id });
      await t.seed.grant(user.id, { CanGetAnyUser: '' });
      const rows = await t.db.manager.find(EntitlementEntity, {
        where: { userId: user.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const res = await t.http.get('/obp/v3.1.0/users/current').set(t.auth(token)).expect(200);
      expect(res.body).toEqual({
        user_id: user.id,
        email: user.email,
        provider_id: user.username,
        provider: PROVIDER,
        username: user.username,
        entitlements: {
          list: rows.map((r) => ({
            entitlement_id: r.id,
            role_name: r.roleName,
            bank_id: r.bankId,
          })),
        },
        views: { list: [] },
      });
      expect(res.body.entitlements.list).toHaveLength(2);
      expect(res.body.entitlements.list).toContainEqual({
        entitlement_id: expect.any(String),
        role_name: 'CanGetAnyUser',
        bank_id: '',
      });
    });

    it('answers with views at v3.0.0 and later prefixes, without them before (OBP v2.0.0 getCurrentUser)', async () => {
      const token = await t.seed.token();
      for (const v of ['v3.0.0', 'v4.0.0', 'v5.1.0', 'v7.0.0']) {
        const res = await t.http.get(`/obp/${v}/users/current`).set(t.auth(token)).expect(200);
        expect(res.body.views).toEqual({ list: [] });
      }
      for (const v of ['v2.0.0', 'v2.1.0', 'v2.2.0']) {
        const res = await t.http.get(`/obp/${v}/users/current`).set(t.auth(token)).expect(200);
        expect(res.body).not.toHaveProperty('views');
      }
      const res = await t.http.get('/obp/v1.4.0/users/current').set(t.auth(token)).expect(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
    });
  });

  describe('GET /obp/v2.0.0/users/current', () => {
    it('answers 401 OBP-20001 with WWW-Authenticate without a token', async () => {
      const res = await t.http.get('/obp/v2.0.0/users/current').expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(res.headers['www-authenticate']).toContain('DirectLogin realm=');
    });

    it('answers 200 UserJsonV200: the user and their entitlements, no views', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({ CanGetCustomer: bank.id });
      const [row] = await t.db.manager.findBy(EntitlementEntity, { userId: user.id });
      const res = await t.http
        .get('/obp/v2.0.0/users/current')
        .set({ Authorization: `DirectLogin token=${token}` })
        .expect(200);
      expect(res.body).toEqual({
        user_id: user.id,
        email: user.email,
        provider_id: user.username,
        provider: PROVIDER,
        username: user.username,
        entitlements: {
          list: [{ entitlement_id: row.id, role_name: 'CanGetCustomer', bank_id: bank.id }],
        },
      });
    });

    it('accepts only the latest token, as an old-style OBP endpoint (401 OBP-20003 for an older one)', async () => {
      const { user, token: older } = await t.seed.userWithToken();
      const latest = await t.seed.login(user.username);
      const res = await t.http.get('/obp/v2.0.0/users/current').set(t.auth(older)).expect(401);
      expect(res.body).toEqual({
        code: 401,
        message: `OBP-20003: This DirectLogin token is invalid or expired:${older}`,
      });
      await t.http.get('/obp/v2.0.0/users/current').set(t.auth(latest)).expect(200);
      await t.http.get('/obp/v3.0.0/users/current').set(t.auth(older)).expect(200);
    });

    it('answers 400 OBP-20013 for a locked user, as an old-style OBP endpoint', async () => {
      const { user, token } = await t.seed.userWithToken();
      await t.db.manager.update(UserEntity, { id: user.id }, { locked: true });
      const res = await t.http.get('/obp/v2.0.0/users/current').set(t.auth(token)).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-20013: The account has been locked, please contact an administrator!',
      });
    });
  });

  describe('GET /users/user_id/USER_ID', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.get('/obp/v3.1.0/users/user_id/x').expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 without CanGetAnyUser (U-11)', async () => {
      const token = await t.seed.token();
      const res = await t.http
        .get('/obp/v3.0.0/users/user_id/Arbitrary USER_ID value')
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanGetAnyUser'));
    });

    it('answers 403 when CanGetAnyUser is held at a bank only (a bad row)', async () => {
      const { user, token } = await t.seed.userWithToken();
      await t.seed.grant(user.id, { CanGetAnyUser: (await t.seed.bank()).id });
      await t.http.get(`/obp/v3.1.0/users/user_id/${user.id}`).set(t.auth(token)).expect(403);
    });

    it('answers 200 UserJsonV200 with CanGetAnyUser (U-06)', async () => {
      const { user, token } = await t.seed.userWithToken({ CanGetAnyUser: '' });
      const other = await t.seed.user();
      const res = await t.http
        .get(`/obp/v3.0.0/users/user_id/${other.id}`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual({
        user_id: other.id,
        email: other.email,
        provider_id: other.username,
        provider: PROVIDER,
        username: other.username,
        entitlements: { list: [] },
      });
      const self = await t.http
        .get(`/obp/v3.1.0/users/user_id/${user.id}`)
        .set(t.auth(token))
        .expect(200);
      expect(self.body.entitlements.list).toEqual([
        { entitlement_id: expect.any(String), role_name: 'CanGetAnyUser', bank_id: '' },
      ]);
    });

    it('answers 400 OBP-20057 for an unknown USER_ID', async () => {
      const token = await t.seed.token({ CanGetAnyUser: '' });
      for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
        const res = await t.http
          .get(`/obp/v3.1.0/users/user_id/${id}`)
          .set(t.auth(token))
          .expect(400);
        expect(res.body).toEqual({
          code: 400,
          message: `OBP-20057: User not found by userId. Current UserId(${id})`,
        });
      }
    });
  });

  describe('GET /users/username/USERNAME', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.get('/obp/v3.1.0/users/username/x').expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 without CanGetAnyUser (U-11)', async () => {
      const token = await t.seed.token();
      const res = await t.http
        .get('/obp/v3.0.0/users/username/Arbitrary USERNAE value')
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanGetAnyUser'));
    });

    it('answers 200 UserJsonV200 with CanGetAnyUser (U-07)', async () => {
      const token = await t.seed.token({ CanGetAnyUser: '' });
      const other = await t.seed.user();
      const res = await t.http
        .get(`/obp/v3.0.0/users/username/${other.username}`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual({
        user_id: other.id,
        email: other.email,
        provider_id: other.username,
        provider: PROVIDER,
        username: other.username,
        entitlements: { list: [] },
      });
    });

    it('answers 404 OBP-20027 for a username no user can have (a NUL), and no user for such an e-mail', async () => {
      const token = await t.seed.token({ CanGetAnyUser: '' });
      const res = await t.http
        .get('/obp/v3.1.0/users/username/a%00b')
        .set(t.auth(token))
        .expect(404);
      expect(res.body).toEqual({
        code: 404,
        message: 'OBP-20027: User not found by provider and username.',
      });
      const byEmail = await t.http
        .get('/obp/v3.1.0/users/email/a%00b@example.com/terminator')
        .set(t.auth(token))
        .expect(200);
      expect(byEmail.body).toEqual({ users: [] });
    });

    it('answers 404 OBP-20027 for an unknown username', async () => {
      const token = await t.seed.token({ CanGetAnyUser: '' });
      const res = await t.http
        .get('/obp/v3.1.0/users/username/nobody.here')
        .set(t.auth(token))
        .expect(404);
      expect(res.body).toEqual({
        code: 404,
        message: 'OBP-20027: User not found by provider and username.',
      });
    });
  });

  describe('GET /users/email/EMAIL/terminator', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect(
        (await t.http.get('/obp/v3.1.0/users/email/a@b.c/terminator').expect(401)).body,
      ).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetAnyUser (U-11)', async () => {
      const token = await t.seed.token();
      const res = await t.http
        .get('/obp/v3.0.0/users/email/some@email.com/terminator')
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanGetAnyUser'));
    });

    it('answers 200 with every user of that address, oldest first (U-05)', async () => {
      const token = await t.seed.token({ CanGetAnyUser: '' });
      const email = `shared.${Date.now()}@example.com`;
      const first = await t.seed.user({ email });
      const second = await t.seed.user({ email });
      const res = await t.http
        .get(`/obp/v3.0.0/users/email/${email}/terminator`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual({
        users: [first, second].map((u) => ({
          user_id: u.id,
          email,
          provider_id: u.username,
          provider: PROVIDER,
          username: u.username,
          entitlements: { list: [] },
        })),
      });
    });

    it('answers 200 with an empty list for an unknown address', async () => {
      const token = await t.seed.token({ CanGetAnyUser: '' });
      const res = await t.http
        .get('/obp/v3.1.0/users/email/nobody@nowhere.example/terminator')
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual({ users: [] });
    });
  });

  describe('GET /users', () => {
    it('answers 401 OBP-20001 without a token at v3.0.0 and v2.1.0 (U-08, U-12)', async () => {
      for (const v of ['v3.0.0', 'v2.1.0'])
        expect((await t.http.get(`/obp/${v}/users`).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetAnyUser (U-09, U-12)', async () => {
      const token = await t.seed.token();
      for (const v of ['v3.0.0', 'v2.1.0']) {
        expect((await t.http.get(`/obp/${v}/users`).set(t.auth(token)).expect(403)).body).toEqual(
          missing('CanGetAnyUser'),
        );
      }
    });

    it('answers 200 with every user, oldest first (U-10, U-12)', async () => {
      const { user, token } = await t.seed.userWithToken({ CanGetAnyUser: '' });
      const all = await t.db.manager.find(UserEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
      for (const v of ['v3.0.0', 'v2.1.0']) {
        const res = await t.http.get(`/obp/${v}/users`).set(t.auth(token)).expect(200);
        expect(res.body.users.map((u: { user_id: string }) => u.user_id)).toEqual(
          all.map((u) => u.id),
        );
        expect(res.body.users).toContainEqual(
          expect.objectContaining({ user_id: user.id, username: user.username }),
        );
      }
    });
  });

  describe('GET /users/USERNAME/lock-status', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.get('/obp/v3.1.0/users/x/lock-status').expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 without CanReadUserLockedStatus', async () => {
      const token = await t.seed.token({ CanUnlockUser: '' });
      const res = await t.http
        .get('/obp/v3.1.0/users/x/lock-status')
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanReadUserLockedStatus'));
    });

    it('answers 200 with the failed-login count', async () => {
      const token = await t.seed.token({ CanReadUserLockedStatus: '' });
      const u = await t.seed.user();
      const key = await t.seed.consumerKey();
      for (let i = 0; i < 2; i++) {
        await t.http
          .post('/my/logins/direct')
          .set('DirectLogin', `username=${u.username}, password=wrong, consumer_key=${key}`)
          .expect(401);
      }
      const res = await t.http
        .get(`/obp/v3.1.0/users/${u.username}/lock-status`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual({
        username: u.username,
        bad_attempts_since_last_success_or_reset: 2,
        last_failure_date: expect.stringMatching(OBP_DATE),
      });
    });

    it('answers 404 OBP-20027 for an unknown username', async () => {
      const token = await t.seed.token({ CanReadUserLockedStatus: '' });
      const res = await t.http
        .get('/obp/v3.1.0/users/nobody.here/lock-status')
        .set(t.auth(token))
        .expect(404);
      expect(res.body).toEqual({
        code: 404,
        message: 'OBP-20027: User not found by provider and username.',
      });
    });
  });

  describe('PUT /users/USERNAME/lock-status', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.put('/obp/v3.1.0/users/x/lock-status').expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 without CanUnlockUser, and leaves the lock', async () => {
      const token = await t.seed.token({ CanReadUserLockedStatus: '' });
      const u = await t.seed.user({ badLoginAttempts: 7 });
      const res = await t.http
        .put(`/obp/v3.1.0/users/${u.username}/lock-status`)
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanUnlockUser'));
      expect((await t.db.manager.findOneByOrFail(UserEntity, { id: u.id })).badLoginAttempts).toBe(
        7,
      );
    });

    it('unlocks a user locked out by failed logins, who can then log in (DL-04b)', async () => {
      const token = await t.seed.token({ CanUnlockUser: '' });
      const u = await t.seed.user();
      const key = await t.seed.consumerKey();
      const attempt = (password: string) =>
        t.http
          .post('/my/logins/direct')
          .set('DirectLogin', `username=${u.username}, password=${password}, consumer_key=${key}`);
      for (let i = 0; i < 7; i++) await attempt('wrong').expect(401);
      expect((await attempt(SEED_PASSWORD).expect(401)).body.message).toMatch(/^OBP-20013: /);

      const res = await t.http
        .put(`/obp/v3.1.0/users/${u.username}/lock-status`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual({
        username: u.username,
        bad_attempts_since_last_success_or_reset: 0,
        last_failure_date: expect.stringMatching(OBP_DATE),
      });
      await attempt(SEED_PASSWORD).expect(201);
    });

    it('answers 404 OBP-20027 for an unknown username', async () => {
      const token = await t.seed.token({ CanUnlockUser: '' });
      const res = await t.http
        .put('/obp/v3.1.0/users/nobody.here/lock-status')
        .set(t.auth(token))
        .expect(404);
      expect(res.body).toEqual({
        code: 404,
        message: 'OBP-20027: User not found by provider and username.',
      });
    });
  });

  describe('POST /users/USERNAME/locks', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.post('/obp/v4.0.0/users/x/locks').expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 without CanLockUser, and locks nobody', async () => {
      const token = await t.seed.token({ CanUnlockUser: '' });
      const u = await t.seed.user();
      const res = await t.http
        .post(`/obp/v4.0.0/users/${u.username}/locks`)
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanLockUser'));
      expect((await t.db.manager.findOneByOrFail(UserEntity, { id: u.id })).locked).toBe(false);
    });

    it('answers 200 UserLockStatusJson; the user can neither log in nor use a token until unlocked', async () => {
      const admin = await t.seed.token({ CanLockUser: '', CanUnlockUser: '' });
      const { user: u, token } = await t.seed.userWithToken();
      const res = await t.http
        .post(`/obp/v4.0.0/users/${u.username}/locks`)
        .set(t.auth(admin))
        .expect(200);
      expect(res.body).toEqual({
        user_id: u.id,
        type_of_lock: 'lock_via_api',
        last_lock_date: expect.stringMatching(OBP_DATE),
      });

      const locked = 'OBP-20013: The account has been locked, please contact an administrator!';
      expect(
        (await t.http.get('/obp/v3.1.0/users/current').set(t.auth(token)).expect(401)).body,
      ).toEqual({ code: 401, message: locked });
      const key = await t.seed.consumerKey();
      const login = () =>
        t.http
          .post('/my/logins/direct')
          .set(
            'DirectLogin',
            `username=${u.username}, password=${SEED_PASSWORD}, consumer_key=${key}`,
          );
      expect((await login().expect(401)).body).toEqual({ code: 401, message: locked });
      expect(await t.db.manager.countBy(AuthTokenEntity, { userId: u.id })).toBe(1);

      await t.http
        .put(`/obp/v3.1.0/users/${u.username}/lock-status`)
        .set(t.auth(admin))
        .expect(200);
      await t.http.get('/obp/v3.1.0/users/current').set(t.auth(token)).expect(200);
      await login().expect(201);
    });

    it('answers 404 OBP-20027 for an unknown username', async () => {
      const token = await t.seed.token({ CanLockUser: '' });
      const res = await t.http
        .post('/obp/v4.0.0/users/nobody.here/locks')
        .set(t.auth(token))
        .expect(404);
      expect(res.body).toEqual({
        code: 404,
        message: 'OBP-20027: User not found by provider and username.',
      });
    });
  });
});
