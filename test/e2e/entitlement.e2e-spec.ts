import { ROLE_NAMES, ROLES } from '../../src/common/auth/roles';
import { EntitlementRequestEntity } from '../../src/modules/entitlement/entitlement-request.entity';
import { EntitlementEntity } from '../../src/modules/entitlement/entitlement.entity';
import type { UserEntity } from '../../src/modules/user/user.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN } from '../support/obp-error-bodies';

const V = '/obp/v3.1.0';
const missing = (roles: string) => ({
  code: 403,
  message: `OBP-20006: User is missing one or more roles: ${roles}`,
});
const cannotGrant = (bankId: string) => ({
  code: 403,
  message:
    'OBP-20050: Current User is not a Super Admin! ' +
    `orOBP-20006: User is missing one or more roles: CanCreateEntitlementAtOneBank BankId(${bankId}). ` +
    'orOBP-20006: User is missing one or more roles: CanCreateEntitlementAtAnyBank',
});
const INCORRECT_ROLE = (name: string) => ({
  code: 400,
  message: `OBP-10007: Incorrect Role name:${name}. Possible roles are ${ROLE_NAMES.join(', ')}`,
});
const BANK_ROLE = {
  code: 400,
  message: 'OBP-30205: This entitlement is a Bank Role. Please set bank_id to a valid bank id.',
};
const SYSTEM_ROLE = {
  code: 400,
  message: 'OBP-30206: This entitlement is a System Role. Please set bank_id to empty string.',
};
const PROVIDER = 'http://127.0.0.1:8080';
const OBP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

const userJson = (u: UserEntity, list: unknown[] = []) => ({
  user_id: u.id,
  email: u.email,
  provider_id: u.username,
  provider: PROVIDER,
  username: u.username,
  entitlements: { list },
});

describe('entitlements', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const rowsOf = (userId: string) =>
    t.db.manager.find(EntitlementEntity, {
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  const json = (e: EntitlementEntity) => ({
    entitlement_id: e.id,
    role_name: e.roleName,
    bank_id: e.bankId,
  });

  describe('POST /users/USER_ID/entitlements', () => {
    const grant = (token: string, userId: string, body: unknown) =>
      t.http
        .post(`${V}/users/${userId}/entitlements`)
        .set(t.auth(token))
        .send(body as object);

    it('answers 401 OBP-20001 without a token', async () => {
      const target = await t.seed.user();
      const res = await t.http
        .post(`${V}/users/${target.id}/entitlements`)
        .send({ bank_id: '', role_name: 'CanGetAnyUser' })
        .expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await rowsOf(target.id)).toEqual([]);
    });

    it('answers 404 OBP-20005 for an unknown USER_ID, before reading the body (E-16)', async () => {
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      for (const id of ['nope', UNKNOWN_UUID]) {
        const res = await grant(token, id, { nonsense: true }).expect(404);
        expect(res.body).toEqual({
          code: 404,
          message: `OBP-20005: User not found. Please specify a valid value for USER_ID. Current USER_ID(${id})`,
        });
      }
    });

    it.each([
      [{ bank_id: '' }, 'role_name must be a string'],
      [{ role_name: 'CanGetAnyUser' }, 'bank_id must be a string'],
      [{ bank_id: null, role_name: 'CanGetAnyUser' }, 'bank_id must be a string'],
      [{ bank_id: '', role_name: ['CanGetAnyUser'] }, 'role_name must be a string'],
      [
        { bank_id: 'x'.repeat(256), role_name: 'CanGetCustomer' },
        'bank_id must be shorter than or equal to 255 characters',
      ],
    ])('answers 400 OBP-10001 for the body %p and stores nothing', async (body, problem) => {
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const target = await t.seed.user();
      const res = await grant(token, target.id, body).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: `OBP-10001: Incorrect json format. The Json body should be the CreateEntitlementJSON (${problem})`,
      });
      expect(await rowsOf(target.id)).toEqual([]);
    });

    it('answers 400 OBP-10007 with every role, sorted, for an unknown role (E-17)', async () => {
      expect(ROLE_NAMES).toEqual(Object.keys(ROLES).sort());
      const token = await t.seed.token();
      const target = await t.seed.user();
      const res = await grant(token, target.id, { bank_id: '', role_name: 'CanFoo' }).expect(400);
      expect(res.body).toEqual(INCORRECT_ROLE('CanFoo'));
      expect(res.body.message).toContain('Possible roles are CanAddKycCheck, CanAddKycDocument, ');
    });

    it('answers 400 OBP-30205 for a bank role without bank_id and OBP-30206 for a system role with one (E-18, E-19)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const target = await t.seed.user();
      expect(
        (await grant(token, target.id, { bank_id: '', role_name: 'CanCreateCustomer' }).expect(400))
          .body,
      ).toEqual(BANK_ROLE);
      expect(
        (
          await grant(token, target.id, { bank_id: bank.id, role_name: 'CanCreateBank' }).expect(
            400,
          )
        ).body,
      ).toEqual(SYSTEM_ROLE);
      expect(await rowsOf(target.id)).toEqual([]);
    });

    it("answers 403 with OBP's combined text to a user who may not grant (E-05, E-08)", async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      const res = await grant(token, user.id, {
        bank_id: bank.id,
        role_name: 'CanGetCustomer',
      }).expect(403);
      expect(res.body).toEqual(cannotGrant(bank.id));
      const system = await grant(token, user.id, {
        bank_id: '',
        role_name: 'CanGetAnyUser',
      }).expect(403);
      expect(system.body).toEqual(cannotGrant(''));
      expect(await rowsOf(user.id)).toEqual([]);
    });

    it('answers 403 to a holder of CanCreateEntitlementAtOneBank at another bank (E-06, E-09)', async () => {
      const bank = await t.seed.bank();
      const other = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({
        CanCreateEntitlementAtOneBank: other.id,
      });
      const res = await grant(token, user.id, {
        bank_id: bank.id,
        role_name: 'CanGetCustomer',
      }).expect(403);
      expect(res.body).toEqual(cannotGrant(bank.id));
      expect(await rowsOf(user.id)).toHaveLength(1);
    });

    it('lets a holder of CanCreateEntitlementAtOneBank grant any bank role at that bank (E-07), but no system role', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateEntitlementAtOneBank: bank.id });
      const target = await t.seed.user();
      const res = await grant(token, target.id, {
        bank_id: bank.id,
        role_name: 'CanCreateEntitlementAtOneBank',
      }).expect(201);
      const [row] = await rowsOf(target.id);
      expect(res.body).toEqual({
        entitlement_id: row.id,
        role_name: 'CanCreateEntitlementAtOneBank',
        bank_id: bank.id,
      });
      const system = await grant(token, target.id, {
        bank_id: '',
        role_name: 'CanGetAnyUser',
      }).expect(403);
      expect(system.body).toEqual(cannotGrant(''));

      // round trip: the new holder sees it and can use it
      const targetToken = await t.seed.login(target.username);
      const me = await t.http.get(`${V}/my/entitlements`).set(t.auth(targetToken)).expect(200);
      expect(me.body).toEqual({ list: [res.body] });
      await grant(targetToken, target.id, { bank_id: bank.id, role_name: 'CanGetCustomer' }).expect(
        201,
      );
    });

    it('lets a holder of CanCreateEntitlementAtAnyBank grant bank and system roles (E-10)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const target = await t.seed.user();
      const bankRole = await grant(token, target.id, {
        bank_id: bank.id,
        role_name: 'CanCreateCustomer',
      }).expect(201);
      const systemRole = await grant(token, target.id, {
        bank_id: '',
        role_name: 'CanGetAnyUser',
      }).expect(201);
      expect(bankRole.body).toEqual({
        entitlement_id: expect.any(String),
        role_name: 'CanCreateCustomer',
        bank_id: bank.id,
      });
      expect(systemRole.body).toEqual({
        entitlement_id: expect.any(String),
        role_name: 'CanGetAnyUser',
        bank_id: '',
      });
      expect((await rowsOf(target.id)).map(json)).toEqual([bankRole.body, systemRole.body]);
    });

    it('answers 400 OBP-30001 without a suffix for an unknown bank, after the grant check (E-21)', async () => {
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const target = await t.seed.user();
      const res = await grant(token, target.id, {
        bank_id: 'nope-bank',
        role_name: 'CanCreateCustomer',
      }).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
      });
      const noRights = await t.seed.token();
      const denied = await grant(noRights, target.id, {
        bank_id: 'nope-bank',
        role_name: 'CanCreateCustomer',
      }).expect(403);
      expect(denied.body).toEqual(cannotGrant('nope-bank'));
      expect(await rowsOf(target.id)).toEqual([]);
    });

    it('answers 400 OBP-30001 for a bank_id no bank can have (a NUL)', async () => {
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const target = await t.seed.user();
      const res = await grant(token, target.id, {
        bank_id: 'a\u0000b',
        role_name: 'CanCreateCustomer',
      }).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
      });
      const filtered = await t.http
        .get(`${V}/entitlements?role=a%00b`)
        .set(t.auth(await t.seed.token({ CanGetEntitlementsForAnyUserAtAnyBank: '' })))
        .expect(200);
      expect(filtered.body).toEqual({ list: [] });
    });

    it('answers 400 OBP-30216 for an entitlement the user already has (E-22)', async () => {
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const target = await t.seed.user();
      await grant(token, target.id, { bank_id: '', role_name: 'CanGetAnyUser' }).expect(201);
      const res = await grant(token, target.id, { bank_id: '', role_name: 'CanGetAnyUser' }).expect(
        400,
      );
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-30216: Entitlement already exists for the user.',
      });
      expect(await rowsOf(target.id)).toHaveLength(1);
    });

    it('is served at v2.0.0 and later prefixes', async () => {
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const target = await t.seed.user();
      await t.http
        .post(`/obp/v2.0.0/users/${target.id}/entitlements`)
        .set(t.auth(token))
        .send({ bank_id: '', role_name: 'CanGetAnyUser' })
        .expect(201);
      await t.http
        .post(`/obp/v5.1.0/users/${target.id}/entitlements`)
        .set(t.auth(token))
        .send({ bank_id: '', role_name: 'CanCreateBank' })
        .expect(201);
    });
  });

  describe('GET /users/USER_ID/entitlements', () => {
    it('answers 401 OBP-20001 without a token (E-01)', async () => {
      const u = await t.seed.user();
      expect((await t.http.get(`/obp/v2.0.0/users/${u.id}/entitlements`).expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 without CanGetEntitlementsForAnyUserAtAnyBank (E-02)', async () => {
      const { user, token } = await t.seed.userWithToken({
        CanGetEntitlementsForAnyUserAtOneBank: (await t.seed.bank()).id,
      });
      const res = await t.http
        .get(`/obp/v2.0.0/users/${user.id}/entitlements`)
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanGetEntitlementsForAnyUserAtAnyBank'));
    });

    it("answers 200 with the user's entitlements, oldest first (E-03)", async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({
        CanGetEntitlementsForAnyUserAtAnyBank: '',
      });
      await t.seed.grant(user.id, { CanGetCustomer: bank.id });
      const res = await t.http
        .get(`/obp/v2.0.0/users/${user.id}/entitlements`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual({ list: (await rowsOf(user.id)).map(json) });
      expect(res.body.list).toHaveLength(2);
    });

    it('answers 200 with an empty list for an unknown user (the user is not checked)', async () => {
      const token = await t.seed.token({ CanGetEntitlementsForAnyUserAtAnyBank: '' });
      for (const id of [UNKNOWN_UUID, 'nope']) {
        expect(
          (await t.http.get(`${V}/users/${id}/entitlements`).set(t.auth(token)).expect(200)).body,
        ).toEqual({ list: [] });
      }
    });
  });

  describe('DELETE /users/USER_ID/entitlement/ENTITLEMENT_ID', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      const res = await t.http.delete(`${V}/users/x/entitlement/y`).expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanDeleteEntitlementAtAnyBank, even with the AtOneBank role', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({
        CanDeleteEntitlementAtOneBank: bank.id,
        CanGetCustomer: bank.id,
      });
      const target = (await rowsOf(user.id)).find((e) => e.roleName === 'CanGetCustomer')!;
      const res = await t.http
        .delete(`${V}/users/${user.id}/entitlement/${target.id}`)
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(missing('CanDeleteEntitlementAtAnyBank'));
      expect(await rowsOf(user.id)).toHaveLength(2);
    });

    it('answers 204 with no body and removes the entitlement (E-04)', async () => {
      const { user, token } = await t.seed.userWithToken({
        CanGetAnyUser: '',
        CanDeleteEntitlementAtAnyBank: '',
      });
      const target = (await rowsOf(user.id)).find((e) => e.roleName === 'CanGetAnyUser')!;
      const res = await t.http
        .delete(`/obp/v2.0.0/users/${user.id}/entitlement/${target.id}`)
        .set(t.auth(token))
        .expect(204);
      expect(res.text).toBe('');
      expect((await rowsOf(user.id)).map((e) => e.roleName)).toEqual([
        'CanDeleteEntitlementAtAnyBank',
      ]);
      await t.http.get(`${V}/users/user_id/${user.id}`).set(t.auth(token)).expect(403);
    });

    it('answers 404 OBP-30212 for an unknown ENTITLEMENT_ID', async () => {
      const { user, token } = await t.seed.userWithToken({ CanDeleteEntitlementAtAnyBank: '' });
      for (const id of [UNKNOWN_UUID, 'nope']) {
        const res = await t.http
          .delete(`${V}/users/${user.id}/entitlement/${id}`)
          .set(t.auth(token))
          .expect(404);
        expect(res.body).toEqual({ code: 404, message: 'OBP-30212: EntitlementId not found' });
      }
    });

    it('answers 400 OBP-30213 when the entitlement belongs to another user, and keeps it', async () => {
      const token = await t.seed.token({ CanDeleteEntitlementAtAnyBank: '' });
      const owner = await t.seed.user();
      const other = await t.seed.user();
      await t.seed.grant(owner.id, { CanGetAnyUser: '' });
      const [row] = await rowsOf(owner.id);
      for (const userId of [other.id, 'nope']) {
        const res = await t.http
          .delete(`${V}/users/${userId}/entitlement/${row.id}`)
          .set(t.auth(token))
          .expect(400);
        expect(res.body).toEqual({
          code: 400,
          message: 'OBP-30213: USER_ID does not have the ENTITLEMENT_ID.',
        });
      }
      expect(await rowsOf(owner.id)).toHaveLength(1);
    });
  });

  describe('GET /roles', () => {
    it('answers 401 OBP-20001 without a token (E-11)', async () => {
      expect((await t.http.get('/obp/v2.1.0/roles').expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 200 with every role, sorted by name, and whether it needs a bank (E-12)', async () => {
      const token = await t.seed.token();
      const res = await t.http.get('/obp/v2.1.0/roles').set(t.auth(token)).expect(200);
      const names = Object.keys(ROLES).sort();
      expect(res.body).toEqual({
        roles: names.map((role) => ({
          role,
          requires_bank_id: ROLES[role as keyof typeof ROLES].requiresBankId,
        })),
      });
      expect(res.body.roles).toContainEqual({ role: 'CanCreateBank', requires_bank_id: false });
      expect(res.body.roles).toContainEqual({ role: 'CanCreateCustomer', requires_bank_id: true });
    });
  });

  describe('GET /banks/BANK_ID/users/USER_ID/entitlements', () => {
    it('answers 401 OBP-20001 without a token (E-13)', async () => {
      const bank = await t.seed.bank();
      const u = await t.seed.user();
      expect(
        (await t.http.get(`/obp/v2.1.0/banks/${bank.id}/users/${u.id}/entitlements`).expect(401))
          .body,
      ).toEqual(NOT_LOGGED_IN);
    });

    it('answers 404 OBP-30001 for an unknown bank and 404 OBP-20005 for an unknown user, before the role', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      const noBank = await t.http
        .get(`${V}/banks/nope/users/${user.id}/entitlements`)
        .set(t.auth(token))
        .expect(404);
      expect(noBank.body).toEqual({
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is nope',
      });
      const noUser = await t.http
        .get(`${V}/banks/${bank.id}/users/nope/entitlements`)
        .set(t.auth(token))
        .expect(404);
      expect(noUser.body).toEqual({
        code: 404,
        message:
          'OBP-20005: User not found. Please specify a valid value for USER_ID. Current USER_ID(nope)',
      });
    });

    it("answers 403 with OBP's any-of text without a role, and with the AtOneBank role at another bank only (E-14)", async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({
        CanGetEntitlementsForAnyUserAtOneBank: (await t.seed.bank()).id,
      });
      const res = await t.http
        .get(`/obp/v2.1.0/banks/${bank.id}/users/${user.id}/entitlements`)
        .set(t.auth(token))
        .expect(403);
      expect(res.body).toEqual(
        missing('CanGetEntitlementsForAnyUserAtOneBank or CanGetEntitlementsForAnyUserAtAnyBank'),
      );
    });

    it('answers 200 with the entitlements at that bank only, for either role (E-15)', async () => {
      const bank = await t.seed.bank();
      const other = await t.seed.bank();
      const target = await t.seed.user();
      await t.seed.grant(target.id, { CanGetCustomer: [bank.id, other.id], CanGetAnyUser: '' });
      const atBank = (await rowsOf(target.id)).filter((e) => e.bankId === bank.id).map(json);
      for (const token of [
        await t.seed.token({ CanGetEntitlementsForAnyUserAtOneBank: bank.id }),
        await t.seed.token({ CanGetEntitlementsForAnyUserAtAnyBank: '' }),
      ]) {
        const res = await t.http
          .get(`/obp/v2.1.0/banks/${bank.id}/users/${target.id}/entitlements`)
          .set(t.auth(token))
          .expect(200);
        expect(res.body).toEqual({ list: atBank });
      }
    });
  });

  describe('GET /my/entitlements', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.get(`${V}/my/entitlements`).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it("answers 200 with the caller's entitlements, and an empty list for a user with none", async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({
        CanGetCustomer: bank.id,
        CanCreateBank: '',
      });
      const res = await t.http.get('/obp/v3.0.0/my/entitlements').set(t.auth(token)).expect(200);
      expect(res.body).toEqual({ list: (await rowsOf(user.id)).map(json) });
      expect(
        (
          await t.http
            .get(`${V}/my/entitlements`)
            .set(t.auth(await t.seed.token()))
            .expect(200)
        ).body,
      ).toEqual({ list: [] });
    });
  });

  describe('GET /entitlements', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.get(`${V}/entitlements`).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetEntitlementsForAnyUserAtAnyBank', async () => {
      const token = await t.seed.token();
      expect((await t.http.get(`${V}/entitlements`).set(t.auth(token)).expect(403)).body).toEqual(
        missing('CanGetEntitlementsForAnyUserAtAnyBank'),
      );
    });

    it('answers 200 with every entitlement and its user, oldest first, filtered by ?role=', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({
        CanGetEntitlementsForAnyUserAtAnyBank: '',
      });
      const holder = await t.seed.user();
      await t.seed.grant(holder.id, { CanUpdateCustomerNumber: bank.id });
      const all = await t.db.manager.find(EntitlementEntity, {
        order: { createdAt: 'ASC', id: 'ASC' },
        relations: { user: true },
      });
      const expected = all.map((e) => ({
        ...json(e),
        user_id: e.userId,
        username: e.user!.username,
      }));
      const res = await t.http.get(`${V}/entitlements`).set(t.auth(token)).expect(200);
      expect(res.body).toEqual({ list: expected });

      const filtered = await t.http
        .get(`${V}/entitlements?role=CanUpdateCustomerNumber`)
        .set(t.auth(token))
        .expect(200);
      expect(filtered.body).toEqual({
        list: expected.filter((e) => e.role_name === 'CanUpdateCustomerNumber'),
      });
      expect(filtered.body.list).toContainEqual({
        entitlement_id: expect.any(String),
        role_name: 'CanUpdateCustomerNumber',
        bank_id: bank.id,
        user_id: holder.id,
        username: holder.username,
      });
      expect(res.body.list).toContainEqual(
        expect.objectContaining({
          user_id: user.id,
          role_name: 'CanGetEntitlementsForAnyUserAtAnyBank',
        }),
      );
      const none = await t.http.get(`${V}/entitlements?role=CanFoo`).set(t.auth(token)).expect(200);
      expect(none.body).toEqual({ list: [] });
    });
  });

  describe('GET /obp/v2.0.0/entitlements (OBP v2.0.0 getAllEntitlements, up to v3.0.0)', () => {
    it('answers 401 OBP-20001 without a token', async () => {
      for (const v of ['v2.0.0', 'v3.0.0'])
        expect((await t.http.get(`/obp/${v}/entitlements`).expect(401)).body).toEqual(
          NOT_LOGGED_IN,
        );
    });

    it('answers 403 OBP-20006 without CanGetEntitlementsForAnyUserAtAnyBank', async () => {
      const token = await t.seed.token();
      const res = await t.http.get('/obp/v2.0.0/entitlements').set(t.auth(token)).expect(403);
      expect(res.body).toEqual(missing('CanGetEntitlementsForAnyUserAtAnyBank'));
    });

    it('answers 200 with every entitlement, oldest first, without user fields, ignoring ?role=', async () => {
      const bank = await t.seed.bank();
      const { token } = await t.seed.userWithToken({ CanGetEntitlementsForAnyUserAtAnyBank: '' });
      const holder = await t.seed.user();
      await t.seed.grant(holder.id, { CanUpdateCustomerNumber: bank.id });
      const all = await t.db.manager.find(EntitlementEntity, {
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      for (const url of ['/obp/v2.0.0/entitlements', '/obp/v3.0.0/entitlements?role=CanFoo']) {
        const res = await t.http.get(url).set(t.auth(token)).expect(200);
        expect(res.body).toEqual({ list: all.map(json) });
      }
      expect(all.map(json)).toContainEqual({
        entitlement_id: expect.any(String),
        role_name: 'CanUpdateCustomerNumber',
        bank_id: bank.id,
      });
    });
  });

  describe('POST /entitlement-requests', () => {
    const request = (token: string, body: unknown) =>
      t.http
        .post(`/obp/v3.0.0/entitlement-requests`)
        .set(t.auth(token))
        .send(body as object);
    const requestsOf = (userId: string) =>
      t.db.manager.countBy(EntitlementRequestEntity, { userId });

    it('answers 401 OBP-20001 without a token (ER-01)', async () => {
      const res = await t.http
        .post(`${V}/entitlement-requests`)
        .send({ bank_id: 'xxx', role_name: 'CanGetCustomer' })
        .expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 404 OBP-30001 for an unknown bank, before the role name (ER-02)', async () => {
      const { user, token } = await t.seed.userWithToken();
      const res = await request(token, { bank_id: 'xxx', role_name: 'CanFoo' }).expect(404);
      expect(res.body).toEqual({
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is xxx',
      });
      expect(await requestsOf(user.id)).toBe(0);
    });

    it('answers 400 OBP-10007, OBP-30205 and OBP-30206 for a bad role (ER-03, ER-04, ER-05)', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      expect(
        (await request(token, { bank_id: bank.id, role_name: 'CanGetCustomerXXXX' }).expect(400))
          .body,
      ).toEqual(INCORRECT_ROLE('CanGetCustomerXXXX'));
      expect(
        (await request(token, { bank_id: '', role_name: 'CanGetCustomer' }).expect(400)).body,
      ).toEqual(BANK_ROLE);
      expect(
        (await request(token, { bank_id: bank.id, role_name: 'CanGetAnyUser' }).expect(400)).body,
      ).toEqual(SYSTEM_ROLE);
      expect(await requestsOf(user.id)).toBe(0);
    });

    it.each([
      [{ bank_id: '' }, 'role_name must be a string'],
      [{ bank_id: null, role_name: 'CanGetAnyUser' }, 'bank_id must be a string'],
      [{ bank_id: '', role_name: { name: 'CanGetAnyUser' } }, 'role_name must be a string'],
      [
        { bank_id: 'b'.repeat(256), role_name: 'CanGetCustomer' },
        'bank_id must be shorter than or equal to 255 characters',
      ],
    ])('answers 400 OBP-10001 for the body %p', async (body, problem) => {
      const { user, token } = await t.seed.userWithToken();
      expect((await request(token, body).expect(400)).body).toEqual({
        code: 400,
        message: `OBP-10001: Incorrect json format. The Json body should be the CreateEntitlementRequestJSON (${problem})`,
      });
      expect(await requestsOf(user.id)).toBe(0);
    });

    it('answers 201 with the request and the user, for a bank role and a system role (ER-06, ER-08)', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({ CanGetCustomer: bank.id });
      const res = await request(token, { bank_id: bank.id, role_name: 'CanCreateCustomer' }).expect(
        201,
      );
      const [held] = await rowsOf(user.id);
      expect(res.body).toEqual({
        entitlement_request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        user: userJson(user, [json(held)]),
        role_name: 'CanCreateCustomer',
        bank_id: bank.id,
        created: expect.stringMatching(OBP_DATE),
      });
      const system = await request(token, { bank_id: '', role_name: 'CanGetAnyUser' }).expect(201);
      expect(system.body).toMatchObject({ role_name: 'CanGetAnyUser', bank_id: '' });
      const mine = await t.http.get(`${V}/my/entitlement-requests`).set(t.auth(token)).expect(200);
      expect(mine.body).toEqual({ entitlement_requests: [res.body, system.body] });
    });

    it('answers 400 OBP-30214 for the same request twice (ER-07)', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken();
      await request(token, { bank_id: bank.id, role_name: 'CanCreateCustomer' }).expect(201);
      const res = await request(token, { bank_id: bank.id, role_name: 'CanCreateCustomer' }).expect(
        400,
      );
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-30214: Entitlement Request already exists for the user.',
      });
      expect(await requestsOf(user.id)).toBe(1);
    });
  });

  describe('GET /entitlement-requests, /users/USER_ID/entitlement-requests and /my/entitlement-requests', () => {
    let asker: { user: UserEntity; token: string };
    let bankId: string;
    let created: unknown[];

    beforeAll(async () => {
      bankId = (await t.seed.bank()).id;
      asker = await t.seed.userWithToken();
      created = [];
      for (const body of [
        { bank_id: bankId, role_name: 'CanCreateCustomer' },
        { bank_id: '', role_name: 'CanGetAnyUser' },
      ]) {
        created.push(
          (
            await t.http
              .post(`${V}/entitlement-requests`)
              .set(t.auth(asker.token))
              .send(body)
              .expect(201)
          ).body,
        );
      }
    });

    it('answers 401 OBP-20001 without a token', async () => {
      for (const url of [
        '/entitlement-requests',
        `/users/${asker.user.id}/entitlement-requests`,
        '/my/entitlement-requests',
      ]) {
        expect((await t.http.get(V + url).expect(401)).body).toEqual(NOT_LOGGED_IN);
      }
    });

    it('answers 403 OBP-20006 without CanGetEntitlementRequestsAtAnyBank (ER-08)', async () => {
      for (const url of ['/entitlement-requests', `/users/${asker.user.id}/entitlement-requests`]) {
        expect(
          (
            await t.http
              .get(V + url)
              .set(t.auth(asker.token))
              .expect(403)
          ).body,
        ).toEqual(missing('CanGetEntitlementRequestsAtAnyBank'));
      }
    });

    it("lists the caller's own requests without a role (ER-08b)", async () => {
      const res = await t.http
        .get('/obp/v3.0.0/my/entitlement-requests')
        .set(t.auth(asker.token))
        .expect(200);
      expect(res.body).toEqual({ entitlement_requests: created });
    });

    it("lists every request, and one user's, with CanGetEntitlementRequestsAtAnyBank (ER-09)", async () => {
      const admin = await t.seed.token({ CanGetEntitlementRequestsAtAnyBank: '' });
      const all = await t.http.get(`${V}/entitlement-requests`).set(t.auth(admin)).expect(200);
      expect(all.body.entitlement_requests).toEqual(expect.arrayContaining(created));
      const rows = await t.db.manager.find(EntitlementRequestEntity, {
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      expect(
        all.body.entitlement_requests.map(
          (r: { entitlement_request_id: string }) => r.entitlement_request_id,
        ),
      ).toEqual(rows.map((r) => r.id));
      const one = await t.http
        .get(`${V}/users/${asker.user.id}/entitlement-requests`)
        .set(t.auth(admin))
        .expect(200);
      expect(one.body).toEqual({ entitlement_requests: created });
    });

    it('answers 200 with an empty list for an unknown user', async () => {
      const admin = await t.seed.token({ CanGetEntitlementRequestsAtAnyBank: '' });
      for (const id of [UNKNOWN_UUID, 'nope']) {
        expect(
          (await t.http.get(`${V}/users/${id}/entitlement-requests`).set(t.auth(admin)).expect(200))
            .body,
        ).toEqual({ entitlement_requests: [] });
      }
    });

    it('does not delete a request when the role is granted', async () => {
      const granter = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      await t.http
        .post(`${V}/users/${asker.user.id}/entitlements`)
        .set(t.auth(granter))
        .send({ bank_id: bankId, role_name: 'CanCreateCustomer' })
        .expect(201);
      const res = await t.http
        .get(`${V}/my/entitlement-requests`)
        .set(t.auth(asker.token))
        .expect(200);
      expect(res.body.entitlement_requests).toHaveLength(2);
    });
  });

  describe('DELETE /entitlement-requests/ENTITLEMENT_REQUEST_ID', () => {
    const create = async (token: string) =>
      (
        await t.http
          .post(`${V}/entitlement-requests`)
          .set(t.auth(token))
          .send({ bank_id: '', role_name: 'CanGetAnyUser' })
          .expect(201)
      ).body.entitlement_request_id as string;

    it('answers 401 OBP-20001 without a token', async () => {
      expect((await t.http.delete(`${V}/entitlement-requests/x`).expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 without CanDeleteEntitlementRequestsAtAnyBank, and keeps it (ER-10)', async () => {
      const { user, token } = await t.seed.userWithToken();
      const id = await create(token);
      expect(
        (await t.http.delete(`${V}/entitlement-requests/${id}`).set(t.auth(token)).expect(403))
          .body,
      ).toEqual(missing('CanDeleteEntitlementRequestsAtAnyBank'));
      expect(await t.db.manager.countBy(EntitlementRequestEntity, { userId: user.id })).toBe(1);
    });

    it('answers 200 with true and removes it (ER-11)', async () => {
      const { token } = await t.seed.userWithToken({ CanDeleteEntitlementRequestsAtAnyBank: '' });
      const id = await create(token);
      expect(
        (await t.http.get(`${V}/my/entitlement-requests`).set(t.auth(token)).expect(200)).body
          .entitlement_requests,
      ).toHaveLength(1);
      const res = await t.http
        .delete(`/obp/v3.0.0/entitlement-requests/${id}`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toBe(true);
      expect(
        (await t.http.get(`${V}/my/entitlement-requests`).set(t.auth(token)).expect(200)).body,
      ).toEqual({ entitlement_requests: [] });
    });

    it('answers 404 OBP-30215 for an unknown id', async () => {
      const token = await t.seed.token({ CanDeleteEntitlementRequestsAtAnyBank: '' });
      for (const id of [UNKNOWN_UUID, 'nope']) {
        const res = await t.http
          .delete(`${V}/entitlement-requests/${id}`)
          .set(t.auth(token))
          .expect(404);
        expect(res.body).toEqual({
          code: 404,
          message: 'OBP-30215: EntitlementRequestId not found',
        });
      }
    });
  });
});

describe('entitlements of super admins (SUPER_ADMIN_USER_IDS)', () => {
  let base: TestApp;
  let t: TestApp;
  let admin: UserEntity;

  beforeAll(async () => {
    base = await createTestApp();
    admin = await base.seed.user();
    t = await createTestApp({
      database: base.dbName,
      env: { SUPER_ADMIN_USER_IDS: `someone-else, ${admin.id}` },
    });
  });
  afterAll(async () => {
    await t.close();
    await base.close();
  });

  it('lets a super admin with no roles grant any role, to themselves too (E-20, [P §12] step 3)', async () => {
    const token = await t.seed.login(admin.username);
    const bank = await t.seed.bank();
    const target = await t.seed.user();
    const own = await t.http
      .post(`${V}/users/${admin.id}/entitlements`)
      .set(t.auth(token))
      .send({ bank_id: '', role_name: 'CanCreateEntitlementAtAnyBank' })
      .expect(201);
    expect(own.body).toEqual({
      entitlement_id: expect.any(String),
      role_name: 'CanCreateEntitlementAtAnyBank',
      bank_id: '',
    });
    await t.http
      .post(`${V}/users/${target.id}/entitlements`)
      .set(t.auth(token))
      .send({ bank_id: bank.id, role_name: 'CanGetCustomer' })
      .expect(201);
  });

  it('still checks the role name and the bank for a super admin', async () => {
    const token = await t.seed.login(admin.username);
    const res = await t.http
      .post(`${V}/users/${admin.id}/entitlements`)
      .set(t.auth(token))
      .send({ bank_id: 'no-such-bank', role_name: 'CanGetCustomer' })
      .expect(400);
    expect(res.body).toEqual({
      code: 400,
      message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
    });
  });

  it('gives a super admin no other role: deleting an entitlement needs CanDeleteEntitlementAtAnyBank', async () => {
    const token = await t.seed.login(admin.username);
    const target = await t.seed.user();
    await t.seed.grant(target.id, { CanGetAnyUser: '' });
    const [row] = await t.db.manager.findBy(EntitlementEntity, { userId: target.id });
    const res = await t.http
      .delete(`${V}/users/${target.id}/entitlement/${row.id}`)
      .set(t.auth(token))
      .expect(403);
    expect(res.body).toEqual(missing('CanDeleteEntitlementAtAnyBank'));
    await t.http.get(`${V}/users`).set(t.auth(token)).expect(403);
  });

  it('adds the SuperAdmin pseudo-entry to listings by USER_ID only', async () => {
    const bank = await t.seed.bank();
    await t.seed.grant(admin.id, { CanGetCustomer: bank.id });
    const reader = await t.seed.token({ CanGetEntitlementsForAnyUserAtAnyBank: '' });
    const rows = await t.db.manager.find(EntitlementEntity, {
      where: { userId: admin.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const list = rows.map((e) => ({
      entitlement_id: e.id,
      role_name: e.roleName,
      bank_id: e.bankId,
    }));
    const superAdmin = { entitlement_id: '', role_name: 'SuperAdmin', bank_id: '' };

    const byUser = await t.http
      .get(`${V}/users/${admin.id}/entitlements`)
      .set(t.auth(reader))
      .expect(200);
    expect(byUser.body).toEqual({ list: [...list, superAdmin] });
    const atBank = await t.http
      .get(`${V}/banks/${bank.id}/users/${admin.id}/entitlements`)
      .set(t.auth(reader))
      .expect(200);
    expect(atBank.body).toEqual({
      list: [...list.filter((e) => e.bank_id === bank.id), superAdmin],
    });

    const adminToken = await t.seed.login(admin.username);
    expect(
      (await t.http.get(`${V}/my/entitlements`).set(t.auth(adminToken)).expect(200)).body,
    ).toEqual({ list });
    expect(
      (await t.http.get(`${V}/users/current`).set(t.auth(adminToken)).expect(200)).body
        .entitlements,
    ).toEqual({ list });
  });

  it('does not make the same user a super admin on an instance without the setting', async () => {
    const reader = await base.seed.token({ CanGetEntitlementsForAnyUserAtAnyBank: '' });
    const res = await base.http
      .get(`${V}/users/${admin.id}/entitlements`)
      .set(base.auth(reader))
      .expect(200);
    expect(res.body.list).not.toContainEqual(expect.objectContaining({ role_name: 'SuperAdmin' }));
    const fresh = await base.seed.user();
    await t.seed.grant(fresh.id, {});
    const token = await base.seed.login(admin.username);
    await base.http
      .delete(`${V}/users/${admin.id}/entitlement/x`)
      .set(base.auth(token))
      .expect(403);
  });
});
