import { createHmac } from 'node:crypto';
import { hashPassword } from '../../src/common/security/password-hash';
import { AuthTokenEntity } from '../../src/modules/auth/auth-token.entity';
import { ServerSecretEntity } from '../../src/modules/auth/server-secret.entity';
import { ConsumerEntity } from '../../src/modules/consumer/consumer.entity';
import { UserEntity } from '../../src/modules/user/user.entity';
import { createTestApp, type TestApp } from '../support/test-app';

const LOGIN = '/my/logins/direct';
const CURRENT = '/obp/v3.1.0/users/current';
/** The DirectLoginTest.scala user: spaces in the name, a quote in the password ([P] DL setup). */
const USERNAME = 'username with spaces';
const PASSWORD = 'G!y"k9GHD$D';

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const decodePart = (token: string, i: number): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[i], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
const sign = (alg: 'sha256' | 'sha512', key: Buffer | string, input: string): string =>
  createHmac(alg, key).update(input).digest('base64url');
/** A compact JWS with any header and payload, signed with HMAC (or unsigned for `alg: none`). */
function forge(
  header: object,
  payload: object,
  key?: Buffer | string,
  alg: 'sha256' | 'sha512' = 'sha256',
): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${key === undefined ? '' : sign(alg, key, input)}`;
}

const invalidToken = (token: string) => ({
  code: 401,
  message: `OBP-20003: This DirectLogin token is invalid or expired:${token}`,
});
const LOCKED = 'OBP-20013: The account has been locked, please contact an administrator!';
const BAD_CREDENTIALS = {
  code: 401,
  message: 'OBP-20004: Invalid login credentials. Check username/password.',
};

const bankBody = (id: string) => ({
  id,
  full_name: 'Old-style bank',
  short_name: 'Old',
  logo_url: 'https://example.com/logo.png',
  website_url: 'https://example.com',
  swift_bic: 'OLDSGB22',
  national_identifier: 'OLD1',
  bank_routing: { scheme: 'BIC', address: 'OLDSGB22' },
});

describe('DirectLogin', () => {
  let t: TestApp;
  let key: string;
  let user: UserEntity;

  beforeAll(async () => {
    t = await createTestApp();
    key = await t.seed.consumerKey();
    user = await t.seed.user({ username: USERNAME, passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(() => t.close());

  const login = (headers: Record<string, string>) => t.http.post(LOGIN).set(headers);
  const direct = (value: string) => login({ DirectLogin: value });
  const good = () => direct(`username=${USERNAME}, password=${PASSWORD}, consumer_key=${key}`);
  const tokenOf = async (): Promise<string> => {
    const res = await good().expect(201);
    return (res.body as { token: string }).token;
  };
  const tokenCount = () => t.db.manager.countBy(AuthTokenEntity, { userId: user.id });

  describe('POST /my/logins/direct', () => {
    it('answers 201 with exactly one field, a token, for the DirectLogin header (DL-09)', async () => {
      const res = await good().set('Authorization', 'Basic 123456').expect(201);
      expect(res.body).toEqual({ token: expect.any(String) });
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('accepts the deprecated Authorization: DirectLogin form (DL-08)', async () => {
      const res = await login({
        Authorization: `DirectLogin username=${USERNAME}, password=${PASSWORD}, consumer_key=${key}`,
      }).expect(201);
      expect(res.body).toEqual({ token: expect.any(String) });
    });

    it('accepts a lower-case header name, quoted values, extra spaces and unknown keys', async () => {
      const res = await login({
        directlogin: ` username="${USERNAME}" ,password=${PASSWORD},  consumer_key="${key}", nonce=abc, empty=`,
      }).expect(201);
      expect(res.body).toEqual({ token: expect.any(String) });
    });

    it('issues an HS256 JWT with header {"alg":"HS256"} and the claims sub, cid, jti, exp (DL-25)', async () => {
      const before = Math.floor(Date.now() / 1000);
      const token = await tokenOf();
      expect(token.startsWith('eyJhbGciOiJIUzI1NiJ9.')).toBe(true);
      expect(decodePart(token, 0)).toEqual({ alg: 'HS256' });
      const claims = decodePart(token, 1);
      const consumer = await t.db.manager.findOneByOrFail(ConsumerEntity, { consumerKey: key });
      const row = await t.db.manager.findOneByOrFail(AuthTokenEntity, { id: claims.jti as string });
      expect(claims).toEqual({
        sub: user.id,
        cid: consumer.id,
        jti: row.id,
        iat: expect.any(Number),
        exp: expect.any(Number),
      });
      expect(row).toMatchObject({ userId: user.id, consumerId: consumer.id, revokedAt: null });
      // TOKEN_TTL defaults to 4 weeks
      expect(claims.exp as number).toBeGreaterThanOrEqual(before + 4 * 7 * 24 * 3600);
      expect(Math.abs(row.expiresAt.getTime() / 1000 - (claims.exp as number))).toBeLessThan(2);
    });

    it('answers 400 OBP-20082 without any credential header (DL-01, DL-06)', async () => {
      const res = await t.http.post(LOGIN).set('Access-Control-Allow-Origin', '*').expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-20082: Missing DirectLogin or Authorization header.',
      });
    });

    it('answers 400 OBP-20083 for an Authorization header without the word DirectLogin (DL-19)', async () => {
      const res = await login({ Authorization: 'Bearer abc' }).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-20083: Missing DirectLogin word at the value of Authorization header.',
      });
    });

    it.each([
      ['username=u, password=p', 'consumer_key'],
      [`password=p, consumer_key=${'k'}`, 'username'],
      ['consumer_key=k', 'username, password'],
      ['username=, password="", consumer_key=', 'username, password, consumer_key'],
      ['token=abc', 'username, password, consumer_key'],
    ])(
      'answers 400 OBP-20002 naming the missing parameters for %p (DL-18)',
      async (header, missing) => {
        const res = await direct(header).expect(400);
        expect(res.body).toEqual({
          code: 400,
          message: `OBP-20002: These DirectLogin parameters are missing:${missing}`,
        });
      },
    );

    it('answers 400 OBP-20011 for a username with invalid characters (DL-03)', async () => {
      const res = await login({
        Authorization: `DirectLogin username=" a#s ", password=notExistingPassword, consumer_key=${key}`,
      }).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-20011: Value contains invalid characters',
      });
    });

    it('answers 400 OBP-20011 for a password with [ or ] or a non-ASCII character', async () => {
      for (const password of ['abc[def', 'abc]def', 'pässword']) {
        const res = await direct(
          `username=${USERNAME}, password=${password}, consumer_key=${key}`,
        ).expect(400);
        expect(res.body).toEqual({
          code: 400,
          message: 'OBP-20011: Value contains invalid characters',
        });
      }
    });

    it('answers 400 OBP-20010 for a username longer than 512 characters', async () => {
      const res = await direct(
        `username=${'a'.repeat(513)}, password=p, consumer_key=${key}`,
      ).expect(400);
      expect(res.body).toEqual({ code: 400, message: 'OBP-20010: Value too long' });
    });

    it('reports every bad parameter, concatenated', async () => {
      const res = await direct(
        `username=a#b, password=${'p'.repeat(513)}, consumer_key=abc_def`,
      ).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message:
          'OBP-20011: Value contains invalid characters' +
          'OBP-20010: Value too long' +
          'OBP-35030: The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)',
      });
    });

    it('answers 400 OBP-35030 for a consumer key with other characters (DL-20)', async () => {
      const res = await direct('username=u, password=p, consumer_key=abc_def').expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-35030: The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)',
      });
    });

    it('answers 400 OBP-35031 for a consumer key longer than 512 characters', async () => {
      const res = await direct(`username=u, password=p, consumer_key=${'k'.repeat(513)}`).expect(
        400,
      );
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-35031: The Consumer Key max length <= 512',
      });
    });

    it('answers 401 OBP-20008 for an unknown consumer key (DL-07)', async () => {
      const res = await login({
        Authorization: `DirectLogin username=${USERNAME}, password=${PASSWORD}, consumer_key=invalid`,
      }).expect(401);
      expect(res.body).toEqual({ code: 401, message: 'OBP-20008: Invalid Consumer Key.' });
    });

    it('answers 401 OBP-20008 for a disabled consumer (DL-05)', async () => {
      await t.db
        .getRepository(ConsumerEntity)
        .save({ consumerKey: 'disabledkey1', appName: 'off', enabled: false, secretHash: null });
      const before = await tokenCount();
      const res = await direct(
        `username=${USERNAME}, password=${PASSWORD}, consumer_key=disabledkey1`,
      ).expect(401);
      expect(res.body).toEqual({ code: 401, message: 'OBP-20008: Invalid Consumer Key.' });
      expect(await tokenCount()).toBe(before);
    });

    it('answers 401 OBP-20004 for an unknown user (DL-02)', async () => {
      const res = await login({
        Authorization: `DirectLogin username="notExistingUser", password=notExistingPassword, consumer_key=${key}`,
      }).expect(401);
      expect(res.body).toEqual(BAD_CREDENTIALS);
    });

    it('answers 401 OBP-20004 for a wrong password and stores no token', async () => {
      const before = await tokenCount();
      const res = await direct(`username=${USERNAME}, password=wrong, consumer_key=${key}`).expect(
        401,
      );
      expect(res.body).toEqual(BAD_CREDENTIALS);
      expect(await tokenCount()).toBe(before);
      await good().expect(201); // resets the failed-login count
    });

    it('answers 401 OBP-20004 for a user who is not validated, even with the right password (DL-21)', async () => {
      const unvalidated = await t.seed.user({ validated: false });
      const res = await direct(
        `username=${unvalidated.username}, password=Seed-Passw0rd!, consumer_key=${key}`,
      ).expect(401);
      expect(res.body).toEqual(BAD_CREDENTIALS);
    });

    it('locks the account after more than 5 failed logins, even for the right password (DL-04)', async () => {
      const victim = await t.seed.user();
      const bad = () => direct(`username=${victim.username}, password=wrong, consumer_key=${key}`);
      for (let i = 1; i <= 6; i++) expect((await bad().expect(401)).body).toEqual(BAD_CREDENTIALS);
      expect((await bad().expect(401)).body).toEqual({ code: 401, message: LOCKED });
      const res = await direct(
        `username=${victim.username}, password=Seed-Passw0rd!, consumer_key=${key}`,
      ).expect(401);
      expect(res.body).toEqual({ code: 401, message: LOCKED });
      expect(await t.db.manager.countBy(AuthTokenEntity, { userId: victim.id })).toBe(0);
    });

    it('resets the failed-login count on a successful login, so 5 failures never lock', async () => {
      const u = await t.seed.user();
      const bad = () =>
        direct(`username=${u.username}, password=wrong, consumer_key=${key}`).expect(401);
      for (let i = 0; i < 5; i++) await bad();
      await t.seed.login(u.username);
      expect((await t.db.manager.findOneByOrFail(UserEntity, { id: u.id })).badLoginAttempts).toBe(
        0,
      );
      for (let i = 0; i < 5; i++) await bad();
      await t.seed.login(u.username);
    });

    it('never answers 5xx to odd header values', async () => {
      for (const value of [
        '',
        ',,,',
        '=',
        '==',
        'username',
        'username="',
        '"',
        'username=\u00fc, password=\u00e9, consumer_key=\u00e0',
      ]) {
        const res = await direct(value);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body.message).toMatch(/^OBP-\d{5}: /);
      }
    });
  });

  describe('sending the token on later calls', () => {
    it('accepts DirectLogin: token=T, Authorization: DirectLogin token=T and Authorization: Bearer T (DL-11, DL-12)', async () => {
      const token = await tokenOf();
      for (const headers of [
        { DirectLogin: `token=${token}` },
        { DirectLogin: `token="${token}"` },
        { Authorization: `DirectLogin token=${token}` },
        { Authorization: `Bearer ${token}` },
      ]) {
        const res = await t.http.get(CURRENT).set(headers).expect(200);
        expect(res.body.username).toBe(USERNAME);
      }
    });

    it('accepts the DirectLogin header name in any case (DL-15)', async () => {
      const token = await tokenOf();
      const res = await t.http
        .get('/obp/v3.0.0/users/current')
        .set('dIreCtLoGin', `token=${token}`)
        .expect(200);
      expect(res.body.user_id).toBe(user.id);
    });

    it('lets the DirectLogin header win over another Authorization scheme', async () => {
      const token = await tokenOf();
      await t.http
        .get(CURRENT)
        .set({ DirectLogin: `token=${token}`, Authorization: 'Basic xyz' })
        .expect(200);
    });

    it('keeps an older token valid on new-style endpoints after a new login (DL-14)', async () => {
      const t1 = await tokenOf();
      await t.http.get('/obp/v3.0.0/users/current').set(t.auth(t1)).expect(200);
      await tokenOf();
      await t.http.get('/obp/v3.0.0/users/current').set(t.auth(t1)).expect(200);
    });

    it('answers 401 OBP-20001 with WWW-Authenticate without a token', async () => {
      const res = await t.http.get(CURRENT).expect(401);
      expect(res.body).toEqual({
        code: 401,
        message: 'OBP-20001: User not logged in. Authentication is required!',
      });
      expect(res.headers['www-authenticate']).toContain('DirectLogin realm=');
    });

    it('answers 401 OBP-20001 for a DirectLogin header without a token', async () => {
      const res = await t.http.get(CURRENT).set('DirectLogin', `username=${USERNAME}`).expect(401);
      expect(res.body).toEqual({
        code: 401,
        message: 'OBP-20001: User not logged in. Authentication is required!',
      });
    });

    it('answers 401 OBP-20080 for an unsupported Authorization scheme (DL-24)', async () => {
      const res = await t.http.get(CURRENT).set('Authorization', 'Basic xyz').expect(401);
      expect(res.body).toEqual({
        code: 401,
        message: 'OBP-20080: Authorization Header format is not supported at this instance.',
      });
    });

    it('answers 401 OBP-20003 with the token appended for a malformed token (DL-22)', async () => {
      const res = await t.http.get(CURRENT).set('DirectLogin', 'token=nonsense').expect(401);
      expect(res.body).toEqual(invalidToken('nonsense'));
    });
  });

  describe('forged, expired and revoked tokens', () => {
    let real: string;
    let claims: Record<string, unknown>;
    let secret: Buffer;

    beforeAll(async () => {
      real = await tokenOf();
      claims = decodePart(real, 1);
      const row = await t.db.manager.findOneByOrFail(ServerSecretEntity, { name: 'jwt_hs256' });
      secret = Buffer.from(row.value, 'base64');
    });

    const expectInvalid = async (token: string) => {
      const res = await t.http.get(CURRENT).set('DirectLogin', `token=${token}`).expect(401);
      expect(res.body).toEqual(invalidToken(token));
    };

    it('accepts a token forged with the real key and claims (the forging helper works)', async () => {
      await t.http
        .get(CURRENT)
        .set(t.auth(forge({ alg: 'HS256' }, claims, secret)))
        .expect(200);
    });

    it('refuses alg none', async () => {
      await expectInvalid(forge({ alg: 'none' }, claims));
      await expectInvalid(forge({ alg: 'none', typ: 'JWT' }, claims) + 'c2ln');
    });

    it('refuses another algorithm, even with a signature made with the real key', async () => {
      await expectInvalid(forge({ alg: 'HS512' }, claims, secret, 'sha512'));
      await expectInvalid(forge({ alg: 'RS256' }, claims, secret));
    });

    it('refuses a bad signature', async () => {
      await expectInvalid(
        forge({ alg: 'HS256' }, claims, 'not-the-server-secret-at-all-0123456789'),
      );
      const [h, p] = real.split('.');
      await expectInvalid(`${h}.${p}.${sign('sha256', secret, 'something else')}`);
    });

    it('refuses changed claims under the original signature', async () => {
      const [h, , s] = real.split('.');
      await expectInvalid(
        `${h}.${b64url(JSON.stringify({ ...claims, exp: (claims.exp as number) + 1 }))}.${s}`,
      );
    });

    it('refuses a well-signed token whose row does not exist or belongs to another user', async () => {
      await expectInvalid(
        forge({ alg: 'HS256' }, { ...claims, jti: '00000000-0000-4000-8000-000000000000' }, secret),
      );
      const other = await t.seed.user();
      await expectInvalid(forge({ alg: 'HS256' }, { ...claims, sub: other.id }, secret));
      await expectInvalid(
        forge({ alg: 'HS256' }, { ...claims, jti: 'not-a-uuid', sub: 'x' }, secret),
      );
    });

    it('refuses a well-signed token past its exp claim', async () => {
      await expectInvalid(
        forge({ alg: 'HS256' }, { ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, secret),
      );
    });

    it('refuses a token whose row has expired, whatever its claims say', async () => {
      const token = await tokenOf();
      await t.db.manager.update(
        AuthTokenEntity,
        { id: decodePart(token, 1).jti as string },
        { expiresAt: new Date(Date.now() - 1000) },
      );
      await expectInvalid(token);
    });
  });

  describe('DELETE /my/logins/direct', () => {
    it('revokes the token sent: 204, then 401 OBP-20003 with it, while other tokens keep working', async () => {
      const token = await tokenOf();
      const other = await tokenOf();
      const res = await t.http.delete(LOGIN).set(t.auth(token)).expect(204);
      expect(res.text).toBe('');
      const row = await t.db.manager.findOneByOrFail(AuthTokenEntity, {
        id: decodePart(token, 1).jti as string,
      });
      expect(row.revokedAt).toBeInstanceOf(Date);
      const again = await t.http.get(CURRENT).set(t.auth(token)).expect(401);
      expect(again.body).toEqual(invalidToken(token));
      await t.http.delete(LOGIN).set(t.auth(token)).expect(401);
      await t.http.get(CURRENT).set(t.auth(other)).expect(200);
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const res = await t.http.delete(LOGIN).expect(401);
      expect(res.body).toEqual({
        code: 401,
        message: 'OBP-20001: User not logged in. Authentication is required!',
      });
    });
  });

  describe('locked users and old-style endpoints', () => {
    it('answers 401 OBP-20013 on new-style and 400 OBP-20013 on old-style endpoints for a locked user (DL-16, DL-17)', async () => {
      const { user: u, token } = await t.seed.userWithToken({
        CanCreateBank: '',
        CanGetEntitlementsForAnyUserAtAnyBank: '',
      });
      await t.http.get(CURRENT).set(t.auth(token)).expect(200);
      await t.db.manager.update(UserEntity, { id: u.id }, { locked: true });

      const newStyle = await t.http.get('/obp/v3.0.0/users/current').set(t.auth(token)).expect(401);
      expect(newStyle.body).toEqual({ code: 401, message: LOCKED });
      const list = await t.http
        .get(`/obp/v3.1.0/users/${u.id}/entitlements`)
        .set(t.auth(token))
        .expect(400);
      expect(list.body).toEqual({ code: 400, message: LOCKED });
      const bank = await t.http
        .post('/obp/v3.1.0/banks')
        .set(t.auth(token))
        .send(bankBody('locked.bank'))
        .expect(400);
      expect(bank.body).toEqual({ code: 400, message: LOCKED });
    });

    it('accepts only the latest token of the user and consumer on old-style endpoints (DL-23)', async () => {
      const { user: u, token: t1 } = await t.seed.userWithToken({
        CanCreateBank: '',
        CanGetEntitlementsForAnyUserAtAnyBank: '',
      });
      const t2 = await t.seed.login(u.username);
      const listUrl = `/obp/v3.1.0/users/${u.id}/entitlements`;

      expect((await t.http.get(listUrl).set(t.auth(t1)).expect(401)).body).toEqual(
        invalidToken(t1),
      );
      const bank = await t.http
        .post('/obp/v3.1.0/banks')
        .set(t.auth(t1))
        .send(bankBody('old.style1'));
      expect(bank.body).toEqual(invalidToken(t1));
      expect(bank.status).toBe(401);
      // the older token still works on new-style endpoints, the latest everywhere
      await t.http.get(CURRENT).set(t.auth(t1)).expect(200);
      await t.http.get(listUrl).set(t.auth(t2)).expect(200);
      await t.http
        .post('/obp/v3.1.0/banks')
        .set(t.auth(t2))
        .send(bankBody('old.style1'))
        .expect(201);
    });
  });
});

describe('DirectLogin with TOKEN_TTL=1s', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ env: { TOKEN_TTL: '1s' } })));
  afterAll(() => t.close());

  it('refuses a token once it has expired: 401 OBP-20003', async () => {
    const u = await t.seed.user();
    const token = await t.seed.login(u.username);
    await t.http.get(CURRENT).set(t.auth(token)).expect(200);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await t.http.get(CURRENT).set(t.auth(token)).expect(401);
    expect(res.body).toEqual(invalidToken(token));
  });
});

describe('DirectLogin with DIRECT_LOGIN_CONSUMER_KEY_MANDATORY=false', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await createTestApp({ env: { DIRECT_LOGIN_CONSUMER_KEY_MANDATORY: 'false' } })),
  );
  afterAll(() => t.close());

  it('accepts an unknown but well-formed key and issues a token without a consumer', async () => {
    const u = await t.seed.user();
    const res = await t.http
      .post(LOGIN)
      .set(
        'DirectLogin',
        `username=${u.username}, password=Seed-Passw0rd!, consumer_key=unregistered-key`,
      )
      .expect(201);
    const token = (res.body as { token: string }).token;
    expect(decodePart(token, 1)).toMatchObject({ sub: u.id, cid: null });
    await t.http.get(CURRENT).set(t.auth(token)).expect(200);
  });

  it('still requires the consumer_key parameter and its format', async () => {
    const missing = await t.http
      .post(LOGIN)
      .set('DirectLogin', 'username=u, password=p')
      .expect(400);
    expect(missing.body).toEqual({
      code: 400,
      message: 'OBP-20002: These DirectLogin parameters are missing:consumer_key',
    });
    const bad = await t.http
      .post(LOGIN)
      .set('DirectLogin', 'username=u, password=p, consumer_key=a_b')
      .expect(400);
    expect(bad.body).toEqual({
      code: 400,
      message: 'OBP-35030: The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)',
    });
  });
});

describe('DirectLogin with USER_ACCOUNT_VALIDATED=false', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ env: { USER_ACCOUNT_VALIDATED: 'false' } })));
  afterAll(() => t.close());

  it('answers 401 OBP-20004 for a user just created by POST /users (DL-21)', async () => {
    const body = {
      email: 'newbie@example.com',
      username: 'newbie.user',
      password: 'Abcdefgh1!',
      first_name: 'New',
      last_name: 'Bie',
    };
    await t.http.post('/obp/v3.1.0/users').send(body).expect(201);
    expect(
      await t.db.manager.findOneByOrFail(UserEntity, { username: 'newbie.user' }),
    ).toMatchObject({ validated: false });
    const res = await t.http
      .post(LOGIN)
      .set(
        'DirectLogin',
        `username=newbie.user, password=Abcdefgh1!, consumer_key=${await t.seed.consumerKey()}`,
      )
      .expect(401);
    expect(res.body).toEqual(BAD_CREDENTIALS);
  });
});

describe('DirectLogin tokens across two instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ database: a.dbName });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("shares one generated secret, so each instance accepts the other one's tokens", async () => {
    expect(await a.db.manager.countBy(ServerSecretEntity, { name: 'jwt_hs256' })).toBe(1);
    const u = await a.seed.user();
    const fromA = await a.seed.login(u.username);
    const fromB = await b.seed.login(u.username);
    await b.http.get(CURRENT).set(b.auth(fromA)).expect(200);
    await a.http.get(CURRENT).set(a.auth(fromB)).expect(200);
  });

  it('revokes a token on both instances at once', async () => {
    const u = await a.seed.user();
    const token = await a.seed.login(u.username);
    await a.http.get(CURRENT).set(a.auth(token)).expect(200);
    await b.http.get(CURRENT).set(b.auth(token)).expect(200);
    await b.http.delete(LOGIN).set(b.auth(token)).expect(204);
    expect((await a.http.get(CURRENT).set(a.auth(token)).expect(401)).body).toEqual(
      invalidToken(token),
    );
    expect((await b.http.get(CURRENT).set(b.auth(token)).expect(401)).body).toEqual(
      invalidToken(token),
    );
  });
});

describe('DirectLogin on two instances with separate databases', () => {
  let a: TestApp;
  let c: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    c = await createTestApp();
  });
  afterAll(async () => {
    await c.close();
    await a.close();
  });

  it("verifies each instance's tokens with its own secret, and neither accepts the other's", async () => {
    const ua = await a.seed.user();
    const uc = await c.seed.user();
    const fromA = await a.seed.login(ua.username);
    const fromC = await c.seed.login(uc.username);
    await a.http.get(CURRENT).set(a.auth(fromA)).expect(200);
    await c.http.get(CURRENT).set(c.auth(fromC)).expect(200);
    expect((await a.http.get(CURRENT).set(a.auth(fromC)).expect(401)).body).toEqual(
      invalidToken(fromC),
    );
  });
});

describe('DirectLogin with JWT_SECRET', () => {
  let t: TestApp;
  const secret = 'a-configured-secret-of-at-least-32-characters';
  beforeAll(async () => (t = await createTestApp({ env: { JWT_SECRET: secret } })));
  afterAll(() => t.close());

  it('signs with the configured secret and stores none', async () => {
    const u = await t.seed.user();
    const token = await t.seed.login(u.username);
    const [h, p, s] = token.split('.');
    expect(sign('sha256', secret, `${h}.${p}`)).toBe(s);
    expect(await t.db.manager.countBy(ServerSecretEntity, { name: 'jwt_hs256' })).toBe(0);
    await t.http.get(CURRENT).set(t.auth(token)).expect(200);
  });
});
