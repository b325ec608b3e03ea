import { BankEntity } from '../../src/modules/bank/bank.entity';
import { EntitlementEntity } from '../../src/modules/entitlement/entitlement.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN, bankNotFound } from '../support/obp-error-bodies';

const V = '/obp/v3.1.0';
let counter = 0;
/** A fresh, valid BANK_ID (6 to 16 characters). */
const newId = (): string => `bk.${Date.now().toString(36).slice(-6)}${(counter += 1)}`;
const bankBody = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  full_name: 'Test Bank plc',
  short_name: 'Test',
  logo_url: 'https://static.openbankproject.com/images/sandbox/bank_x.png',
  website_url: 'https://www.example.com',
  swift_bic: 'IIIGGB22',
  national_identifier: 'UK97ZZZ1234567890',
  bank_routing: { scheme: 'BIC', address: 'OKOYFIHH' },
  ...overrides,
});

describe('banks', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const bankExists = (id: string) => t.db.manager.existsBy(BankEntity, { id });
  const create = (token: string | undefined, body: object) => {
    const req = t.http.post(`${V}/banks`);
    return (token ? req.set(t.auth(token)) : req).send(body);
  };

  describe('POST /banks', () => {
    it('answers 201 echoing BankJSONV220 and grants the creator the two bank roles (B-04)', async () => {
      const { user, token } = await t.seed.userWithToken({ CanCreateBank: '' });
      const id = newId();
      const res = await create(token, bankBody(id)).expect(201);
      expect(res.body).toEqual(bankBody(id));

      const read = await t.http.get(`${V}/banks/${id}`).expect(200);
      expect(read.body).toEqual({
        id,
        short_name: 'Test',
        full_name: 'Test Bank plc',
        logo: 'https://static.openbankproject.com/images/sandbox/bank_x.png',
        website: 'https://www.example.com',
        bank_routings: [
          { scheme: 'OBP', address: id },
          { scheme: 'BIC', address: 'OKOYFIHH' },
        ],
        attributes: [],
      });

      const me = await t.http.get(`${V}/users/current`).set(t.auth(token)).expect(200);
      const roles = (me.body.entitlements.list as { role_name: string; bank_id: string }[]).map(
        (e) => `${e.role_name}@${e.bank_id}`,
      );
      expect(roles.sort()).toEqual([
        'CanCreateBank@',
        `CanCreateEntitlementAtOneBank@${id}`,
        `CanReadDynamicResourceDocsAtOneBank@${id}`,
      ]);
      expect(await t.db.manager.countBy(EntitlementEntity, { userId: user.id })).toBe(3);
    });

    it('lets the creator grant bank roles at the new bank at once', async () => {
      const token = await t.seed.token({ CanCreateBank: '' });
      const id = newId();
      await create(token, bankBody(id)).expect(201);
      const staff = await t.seed.user();
      await t.http
        .post(`${V}/users/${staff.id}/entitlements`)
        .set(t.auth(token))
        .send({ bank_id: id, role_name: 'CanGetCustomer' })
        .expect(201);
    });

    it('updates an existing BANK_ID instead of refusing it, and grants nothing twice', async () => {
      const { user, token } = await t.seed.userWithToken({ CanCreateBank: '' });
      const id = newId();
      await create(token, bankBody(id)).expect(201);
      const changed = bankBody(id, {
        full_name: 'Renamed Bank',
        swift_bic: 'NEWBGB22',
        bank_routing: { scheme: 'IBAN', address: 'GB00X' },
      });
      const res = await create(token, changed).expect(201);
      expect(res.body).toEqual(changed);
      const read = await t.http.get(`${V}/banks/${id}`).expect(200);
      expect(read.body).toMatchObject({
        full_name: 'Renamed Bank',
        bank_routings: [
          { scheme: 'OBP', address: id },
          { scheme: 'BIC', address: 'NEWBGB22' },
          { scheme: 'IBAN', address: 'GB00X' },
        ],
      });
      expect(await t.db.manager.countBy(BankEntity, { id })).toBe(1);
      expect(await t.db.manager.countBy(EntitlementEntity, { userId: user.id })).toBe(3);

      // another CanCreateBank holder may update it too, and gets the bank roles there
      const { user: second, token: secondToken } = await t.seed.userWithToken({
        CanCreateBank: '',
      });
      await create(secondToken, bankBody(id)).expect(201);
      expect(await t.db.manager.countBy(EntitlementEntity, { userId: second.id, bankId: id })).toBe(
        2,
      );
    });

    it.each([
      [
        'abc',
        'fewer than 6 characters (B-05)',
        'OBP-10001: Incorrect json format. Min length of BANK_ID should be 5 characters.',
      ],
      [
        'abcde',
        '5 characters',
        'OBP-10001: Incorrect json format. Min length of BANK_ID should be 5 characters.',
      ],
      ['averyveryverylongbankid', 'more than 16 characters (B-06)', 'OBP-20010: Value too long.'],
      ['bad/bank!', 'a / and a ! (B-07)', 'OBP-20011: Value contains invalid characters.'],
      ['bad bank id', 'spaces', 'OBP-20011: Value contains invalid characters.'],
      [
        'bad/bank!and.far.too.long',
        'bad characters and too long: the character rule wins',
        'OBP-20011: Value contains invalid characters.',
      ],
      [
        'ab::::cd',
        '`::::`, which the character rule catches first',
        'OBP-20011: Value contains invalid characters.',
      ],
    ])(
      'answers 400 for the BANK_ID %p (%s), anonymous, before the login',
      async (id, _why, message) => {
        const res = await create(undefined, bankBody(id)).expect(400);
        expect(res.body).toEqual({ code: 400, message });
        expect(await bankExists(id)).toBe(false);
      },
    );

    it('accepts BANK_IDs of 6 and of 16 characters of A-Z a-z 0-9 - . _', async () => {
      const token = await t.seed.token({ CanCreateBank: '' });
      for (const id of ['A-b.C_', `z9-_.${Date.now().toString(36)}`.padEnd(16, 'x').slice(0, 16)]) {
        await create(token, bankBody(id)).expect(201);
        expect(await bankExists(id)).toBe(true);
      }
    });

    it.each([
      [{ bank_routing: undefined }, 'bank_routing must be an object'],
      [{ bank_routing: null }, 'bank_routing must be an object'],
      [{ bank_routing: { scheme: 'BIC' } }, 'bank_routing.address must be a string'],
      [{ full_name: null }, 'full_name must be a string'],
      [{ short_name: ['x'] }, 'short_name must be a string'],
      [{ id: undefined }, 'id must be a string'],
      [{ full_name: 'x'.repeat(256) }, 'full_name must be shorter than or equal to 255 characters'],
    ])(
      'answers 400 OBP-10001 for the body %p, anonymous, before the login',
      async (overrides, problem) => {
        const id = newId();
        const res = await create(undefined, bankBody(id, overrides)).expect(400);
        expect(res.body).toEqual({
          code: 400,
          message: `OBP-10001: Incorrect json format. The Json body should be the BankJSONV220 (${problem})`,
        });
        expect(await bankExists(id)).toBe(false);
      },
    );

    it('answers 401 OBP-20001 for a valid body without a token (B-08)', async () => {
      const id = newId();
      expect((await create(undefined, bankBody(id)).expect(401)).body).toEqual(NOT_LOGGED_IN);
      expect(await bankExists(id)).toBe(false);
    });

    it('answers 403 OBP-20006 without CanCreateBank, and stores nothing (B-02)', async () => {
      const { user, token } = await t.seed.userWithToken({ CanCreateEntitlementAtAnyBank: '' });
      const id = newId();
      const res = await create(token, bankBody(id)).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: 'OBP-20006: User is missing one or more roles: CanCreateBank',
      });
      expect(await bankExists(id)).toBe(false);
      expect(await t.db.manager.countBy(EntitlementEntity, { userId: user.id })).toBe(1);
    });

    it('is served at v2.2.0 to v3.1.0, not at v4.0.0 (which has its own createBank)', async () => {
      const { user, token } = await t.seed.userWithToken({ CanCreateBank: '' });
      await t.http.post('/obp/v2.2.0/banks').set(t.auth(token)).send(bankBody(newId())).expect(201);
      await t.http.post('/obp/v3.0.0/banks').set(t.auth(token)).send(bankBody(newId())).expect(201);
      for (const v of ['v2.1.0', 'v4.0.0', 'v5.1.0']) {
        const res = await t.http
          .post(`/obp/${v}/banks`)
          .set(t.auth(token))
          .send(bankBody(newId()))
          .expect(404);
        expect(res.body.message).toMatch(/^OBP-10404: /);
      }
      expect(await t.db.manager.countBy(EntitlementEntity, { userId: user.id })).toBe(5);
    });
  });

  describe('GET /banks', () => {
    it('answers 200 anonymously with every bank, ordered by id (B-10)', async () => {
      const a = await t.seed.bank({ id: `zz.${newId()}` });
      const b = await t.seed.bank({
        id: `aa.${newId()}`,
        bankRoutingScheme: 'OBP',
        bankRoutingAddress: 'x',
      });
      const res = await t.http.get(`${V}/banks`).expect(200);
      const all = await t.db.manager.find(BankEntity, { order: { id: 'ASC' } });
      expect(res.body.banks.map((x: { id: string }) => x.id)).toEqual(all.map((x) => x.id));
      expect(res.body.banks).toContainEqual({
        id: a.id,
        short_name: a.shortName,
        full_name: a.fullName,
        logo: a.logoUrl,
        website: a.websiteUrl,
        bank_routing: { scheme: 'BIC', address: a.bankRoutingAddress },
      });
      expect(res.body.banks).toContainEqual(
        expect.objectContaining({ id: b.id, bank_routing: { scheme: 'OBP', address: 'x' } }),
      );
    });
  });

  describe('GET /obp/v1.2.1/banks and /banks/BANK_ID (OBP v1.2.1 getBanks, bankById, up to v2.2.0)', () => {
    it('answers 200 anonymously with BanksJSON, every bank ordered by id', async () => {
      const a = await t.seed.bank({ id: `zz.${newId()}` });
      const all = await t.db.manager.find(BankEntity, { order: { id: 'ASC' } });
      for (const v of ['v1.2.1', 'v2.0.0', 'v2.2.0']) {
        const res = await t.http.get(`/obp/${v}/banks`).expect(200);
        expect(res.body.banks.map((x: { id: string }) => x.id)).toEqual(all.map((x) => x.id));
        expect(res.body.banks).toContainEqual({
          id: a.id,
          short_name: a.shortName,
          full_name: a.fullName,
          logo: a.logoUrl,
          website: a.websiteUrl,
          bank_routing: { scheme: 'BIC', address: a.bankRoutingAddress },
        });
      }
    });

    it('answers 200 anonymously with one BankJSON (one bank_routing, no attributes)', async () => {
      const bank = await t.seed.bank({ bankRoutingScheme: 'IBAN', bankRoutingAddress: 'GB29' });
      for (const v of ['v1.2.1', 'v2.1.0']) {
        const res = await t.http.get(`/obp/${v}/banks/${bank.id}`).expect(200);
        expect(res.body).toEqual({
          id: bank.id,
          short_name: bank.shortName,
          full_name: bank.fullName,
          logo: bank.logoUrl,
          website: bank.websiteUrl,
          bank_routing: { scheme: 'IBAN', address: 'GB29' },
        });
      }
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID', async () => {
      const res = await t.http.get('/obp/v2.0.0/banks/no.such.bank').expect(404);
      expect(res.body).toEqual(bankNotFound('no.such.bank'));
    });
  });

  describe('GET /banks/BANK_ID', () => {
    it('answers 200 anonymously with BankJson400; routings: OBP and BIC, less the stored scheme, then the stored one (B-12)', async () => {
      const bank = await t.seed.bank({
        swiftBic: 'SWIFTGB2',
        bankRoutingScheme: 'IBAN',
        bankRoutingAddress: 'GB29',
      });
      const res = await t.http.get(`${V}/banks/${bank.id}`).expect(200);
      expect(res.body).toEqual({
        id: bank.id,
        short_name: bank.shortName,
        full_name: bank.fullName,
        logo: bank.logoUrl,
        website: bank.websiteUrl,
        bank_routings: [
          { scheme: 'OBP', address: bank.id },
          { scheme: 'BIC', address: 'SWIFTGB2' },
          { scheme: 'IBAN', address: 'GB29' },
        ],
        attributes: [],
      });
    });

    it('drops routings with an empty address, and the OBP entry when OBP is the stored scheme', async () => {
      const bank = await t.seed.bank({
        swiftBic: '',
        bankRoutingScheme: 'OBP',
        bankRoutingAddress: 'own-id',
      });
      const res = await t.http.get(`/obp/v3.0.0/banks/${bank.id}`).expect(200);
      expect(res.body.bank_routings).toEqual([{ scheme: 'OBP', address: 'own-id' }]);
    });

    it('answers 404 OBP-30001 for a BANK_ID no bank can have (a NUL character)', async () => {
      const res = await t.http.get(`${V}/banks/a%00b`).expect(404);
      expect(res.body).toEqual({
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is a\u0000b',
      });
    });

    it('answers 404 OBP-30001 for an unknown bank (B-11)', async () => {
      const res = await t.http.get(`${V}/banks/nope`).expect(404);
      expect(res.body).toEqual({
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is nope',
      });
    });
  });
});

describe('POST /banks with DIRECT_LOGIN_CONSUMER_KEY_MANDATORY=false', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await createTestApp({ env: { DIRECT_LOGIN_CONSUMER_KEY_MANDATORY: 'false' } })),
  );
  afterAll(() => t.close());

  it('answers 400 OBP-20009 to a token without a consumer, before the role (B-09)', async () => {
    const u = await t.seed.user();
    await t.seed.grant(u.id, { CanCreateBank: '' });
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        `username=${u.username}, password=Seed-Passw0rd!, consumer_key=not-registered`,
      )
      .expect(201);
    const token = (login.body as { token: string }).token;
    const id = newId();
    const res = await t.http.post(`${V}/banks`).set(t.auth(token)).send(bankBody(id)).expect(400);
    expect(res.body).toEqual({ code: 400, message: 'OBP-20009: Invalid consumer credentials' });
    expect(await t.db.manager.existsBy(BankEntity, { id })).toBe(false);

    // a user without the role and without a consumer also gets OBP-20009: the consumer comes first
    const other = await t.seed.user();
    const otherLogin = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        `username=${other.username}, password=Seed-Passw0rd!, consumer_key=not-registered`,
      )
      .expect(201);
    const denied = await t.http
      .post(`${V}/banks`)
      .set(t.auth(otherLogin.body.token as string))
      .send(bankBody(id))
      .expect(400);
    expect(denied.body).toEqual({ code: 400, message: 'OBP-20009: Invalid consumer credentials' });

    // with a registered key the same user creates the bank
    await t.http
      .post(`${V}/banks`)
      .set(t.auth(await t.seed.login(u.username)))
      .send(bankBody(id))
      .expect(201);
  });
});
