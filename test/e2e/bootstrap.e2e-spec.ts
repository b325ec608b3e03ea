import { ConsumerEntity } from '../../src/modules/consumer/consumer.entity';
import { EntitlementEntity } from '../../src/modules/entitlement/entitlement.entity';
import { UserEntity } from '../../src/modules/user/user.entity';
import { createTestApp, type TestApp } from '../support/test-app';

const V = '/obp/v3.1.0';
const ENV = {
  OBP_ADMIN_USERNAME: 'bootstrap.admin',
  OBP_ADMIN_PASSWORD: 'Admin-Passw0rd!',
  OBP_CONSUMER_KEY: 'bootstrap-key-1',
};
const bankBody = (id: string) => ({
  id,
  full_name: 'Bootstrap Bank',
  short_name: 'Boot',
  logo_url: 'https://example.com/logo.png',
  website_url: 'https://example.com',
  swift_bic: 'BOOTGB22',
  national_identifier: 'BOOT1',
  bank_routing: { scheme: 'BIC', address: 'BOOTGB22' },
});

/** Issue 4, "from an empty database": nothing but the environment, then only HTTP calls. */
describe('bootstrap from an empty database (OBP_ADMIN_USERNAME, OBP_ADMIN_PASSWORD, OBP_CONSUMER_KEY)', () => {
  let t: TestApp;
  let restarted: TestApp | undefined;
  beforeAll(async () => (t = await createTestApp({ env: ENV })));
  afterAll(async () => {
    await restarted?.close();
    await t.close();
  });

  const login = (app: TestApp, username: string, password: string, key = ENV.OBP_CONSUMER_KEY) =>
    app.http
      .post('/my/logins/direct')
      .set('DirectLogin', `username=${username}, password=${password}, consumer_key=${key}`);
  const tokenOf = async (app: TestApp, username: string, password: string): Promise<string> =>
    ((await login(app, username, password).expect(201)).body as { token: string }).token;
  const grant = (token: string, userId: string, role_name: string, bank_id = '') =>
    t.http
      .post(`${V}/users/${userId}/entitlements`)
      .set(t.auth(token))
      .send({ bank_id, role_name });

  it('starts with the configured consumer and admin only', async () => {
    expect(await t.db.manager.find(ConsumerEntity, {})).toEqual([
      expect.objectContaining({ consumerKey: 'bootstrap-key-1', enabled: true, secretHash: null }),
    ]);
    const users = await t.db.manager.find(UserEntity, {});
    expect(users).toEqual([
      expect.objectContaining({ username: 'bootstrap.admin', validated: true, locked: false }),
    ]);
    expect(
      (await t.db.manager.findBy(EntitlementEntity, { userId: users[0].id })).map((e) => [
        e.roleName,
        e.bankId,
      ]),
    ).toEqual([['CanCreateEntitlementAtAnyBank', '']]);
  });

  it('runs the whole set-up over HTTP: admin, bank, a second user who acts at that bank only', async () => {
    const admin = await tokenOf(t, ENV.OBP_ADMIN_USERNAME, ENV.OBP_ADMIN_PASSWORD);
    const me = await t.http.get(`${V}/users/current`).set(t.auth(admin)).expect(200);
    const adminId = me.body.user_id as string;
    expect(me.body.entitlements.list).toEqual([
      {
        entitlement_id: expect.any(String),
        role_name: 'CanCreateEntitlementAtAnyBank',
        bank_id: '',
      },
    ]);

    // the admin is a super admin: the pseudo-entry is listed by USER_ID
    await grant(admin, adminId, 'CanGetEntitlementsForAnyUserAtAnyBank').expect(201);
    const listed = await t.http
      .get(`${V}/users/${adminId}/entitlements`)
      .set(t.auth(admin))
      .expect(200);
    expect(listed.body.list).toContainEqual({
      entitlement_id: '',
      role_name: 'SuperAdmin',
      bank_id: '',
    });

    // bank
    await grant(admin, adminId, 'CanCreateBank').expect(201);
    const bankId = 'boot.bank1';
    await t.http.post(`${V}/banks`).set(t.auth(admin)).send(bankBody(bankId)).expect(201);
    await t.http.post(`${V}/banks`).set(t.auth(admin)).send(bankBody('boot.bank2')).expect(201);

    // a second user, signed up anonymously
    const signup = {
      email: 'clerk@example.com',
      username: 'bank.clerk',
      password: 'Clerk-Passw0rd!',
      first_name: 'Bank',
      last_name: 'Clerk',
    };
    const created = await t.http.post(`${V}/users`).send(signup).expect(201);
    const clerkId = created.body.user_id as string;
    const clerk = await tokenOf(t, signup.username, signup.password);

    // bank roles for the clerk at boot.bank1
    await grant(admin, clerkId, 'CanGetCustomer', bankId).expect(201);
    await grant(admin, clerkId, 'CanCreateEntitlementAtOneBank', bankId).expect(201);
    const roles = await t.http.get(`${V}/my/entitlements`).set(t.auth(clerk)).expect(200);
    expect(
      roles.body.list.map(
        (e: { role_name: string; bank_id: string }) => `${e.role_name}@${e.bank_id}`,
      ),
    ).toEqual([`CanGetCustomer@${bankId}`, `CanCreateEntitlementAtOneBank@${bankId}`]);

    // the clerk acts at that bank ...
    const teller = await t.http
      .post(`${V}/users`)
      .send({ ...signup, email: 'teller@example.com', username: 'bank.teller' })
      .expect(201);
    await t.http
      .post(`${V}/users/${teller.body.user_id}/entitlements`)
      .set(t.auth(clerk))
      .send({ bank_id: bankId, role_name: 'CanCreateCustomer' })
      .expect(201);
    // ... and at no other, and grants no system role
    const elsewhere = await t.http
      .post(`${V}/users/${teller.body.user_id}/entitlements`)
      .set(t.auth(clerk))
      .send({ bank_id: 'boot.bank2', role_name: 'CanCreateCustomer' })
      .expect(403);
    expect(elsewhere.body.message).toMatch(
      /^OBP-20050: Current User is not a Super Admin! orOBP-20006: /,
    );
    await t.http
      .post(`${V}/users/${teller.body.user_id}/entitlements`)
      .set(t.auth(clerk))
      .send({ bank_id: '', role_name: 'CanCreateBank' })
      .expect(403);
    // nor is the clerk a super admin
    const clerkList = await t.http
      .get(`${V}/users/${clerkId}/entitlements`)
      .set(t.auth(admin))
      .expect(200);
    expect(clerkList.body.list).not.toContainEqual(
      expect.objectContaining({ role_name: 'SuperAdmin' }),
    );
  });

  it('is idempotent on restart: a second instance with the same environment changes nothing', async () => {
    const before = {
      users: await t.db.manager.count(UserEntity),
      consumers: await t.db.manager.count(ConsumerEntity),
      entitlements: await t.db.manager.count(EntitlementEntity),
    };
    const token = await tokenOf(t, ENV.OBP_ADMIN_USERNAME, ENV.OBP_ADMIN_PASSWORD);
    restarted = await createTestApp({ database: t.dbName, env: ENV });
    expect({
      users: await t.db.manager.count(UserEntity),
      consumers: await t.db.manager.count(ConsumerEntity),
      entitlements: await t.db.manager.count(EntitlementEntity),
    }).toEqual(before);
    // the first instance's token works on the second, and the admin logs in there
    await restarted.http.get(`${V}/users/current`).set(restarted.auth(token)).expect(200);
    const again = await tokenOf(restarted, ENV.OBP_ADMIN_USERNAME, ENV.OBP_ADMIN_PASSWORD);
    // still a super admin on the second instance
    const target = await restarted.http
      .post(`${V}/users`)
      .send({
        email: 'third@example.com',
        username: 'third.user',
        password: 'Third-Passw0rd!',
        first_name: 'T',
        last_name: 'U',
      })
      .expect(201);
    await restarted.http
      .post(`${V}/users/${target.body.user_id}/entitlements`)
      .set(restarted.auth(again))
      .send({ bank_id: '', role_name: 'CanGetAnyUser' })
      .expect(201);
    await restarted.close();
    restarted = undefined;
  });

  it('re-enables the configured consumer and unlocks the admin on restart', async () => {
    await t.db.manager.update(
      ConsumerEntity,
      { consumerKey: ENV.OBP_CONSUMER_KEY },
      { enabled: false },
    );
    await t.db.manager.update(UserEntity, { username: ENV.OBP_ADMIN_USERNAME }, { locked: true });
    await login(t, ENV.OBP_ADMIN_USERNAME, ENV.OBP_ADMIN_PASSWORD).expect(401);
    restarted = await createTestApp({ database: t.dbName, env: ENV });
    await login(restarted, ENV.OBP_ADMIN_USERNAME, ENV.OBP_ADMIN_PASSWORD).expect(201);
    await restarted.close();
    restarted = undefined;
  });

  it('takes a changed OBP_ADMIN_PASSWORD on restart', async () => {
    restarted = await createTestApp({
      database: t.dbName,
      env: { ...ENV, OBP_ADMIN_PASSWORD: 'Changed-Passw0rd!' },
    });
    await login(restarted, ENV.OBP_ADMIN_USERNAME, ENV.OBP_ADMIN_PASSWORD).expect(401);
    await login(restarted, ENV.OBP_ADMIN_USERNAME, 'Changed-Passw0rd!').expect(201);
    expect(await t.db.manager.countBy(UserEntity, { username: ENV.OBP_ADMIN_USERNAME })).toBe(1);
    await restarted.close();
    restarted = undefined;
  });
});

describe('bootstrap without OBP_CONSUMER_KEY', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('generates one enabled consumer when none exists, and no second one on restart', async () => {
    const consumers = await t.db.manager.find(ConsumerEntity, {});
    expect(consumers).toEqual([
      expect.objectContaining({
        enabled: true,
        consumerKey: expect.stringMatching(/^[a-z0-9]{40}$/),
      }),
    ]);
    const restarted = await createTestApp({ database: t.dbName });
    expect(await t.db.manager.count(ConsumerEntity)).toBe(1);
    await restarted.close();
  });

  it('creates no admin without OBP_ADMIN_USERNAME', async () => {
    expect(await t.db.manager.count(UserEntity)).toBe(0);
  });
});
