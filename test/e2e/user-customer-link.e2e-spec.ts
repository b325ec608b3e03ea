import { UserCustomerLinkEntity } from '../../src/modules/user-customer-link/user-customer-link.entity';
import { seededCustomerJson } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN, bankNotFound } from '../support/obp-error-bodies';

const badBody = (detail: string) => ({
  code: 400,
  message: `OBP-10001: Incorrect json format. The Json body should be the CreateUserCustomerLinkJson (${detail})`,
});
const UNKNOWN_UUID = '0b0e0a3c-4b1d-4e59-9d2c-5b3c1f0e9a11';
const OBP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('user-customer links', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const links = () => t.db.getRepository(UserCustomerLinkEntity);
  const linksOf = (userId: string) => links().countBy({ userId });
  const link = (userId: string, customerId: string, bankId: string) =>
    links().save({ userId, customerId, bankId });

  describe('POST /banks/BANK_ID/user_customer_links', () => {
    const post = (bankId: string, token: string | undefined, body: unknown, version = 'v3.1.0') => {
      const req = t.http.post(`/obp/${version}/banks/${bankId}/user_customer_links`);
      return (token ? req.set(t.auth(token)) : req).send(body as object);
    };

    it('links the user to the customer and answers 201 UserCustomerLinkJson', async () => {
      const { bank, customer } = await t.seed.customer();
      const user = await t.seed.user();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      const res = await post(bank.id, token, { user_id: user.id, customer_id: customer.id }).expect(
        201,
      );
      expect(res.body).toEqual({
        user_customer_link_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        customer_id: customer.id,
        user_id: user.id,
        date_inserted: expect.stringMatching(OBP_DATE),
        is_active: true,
      });
      expect(Object.keys(res.body)).toEqual([
        'user_customer_link_id',
        'customer_id',
        'user_id',
        'date_inserted',
        'is_active',
      ]);
      expect(await links().findOneByOrFail({ id: res.body.user_customer_link_id })).toMatchObject({
        userId: user.id,
        customerId: customer.id,
        bankId: bank.id,
      });
    });

    it('lets the linked user see the customer in both customer lists (step 10–11 of [T] §9)', async () => {
      const { bank, customer } = await t.seed.customer();
      const { user, token: userToken } = await t.seed.userWithToken();
      const admin = await t.seed.token({
        CanCreateUserCustomerLink: bank.id,
        CanGetCustomer: bank.id,
      });
      await post(bank.id, admin, { user_id: user.id, customer_id: customer.id }).expect(201);
      const mine = await t.http
        .get('/obp/v3.1.0/users/current/customers')
        .set(t.auth(userToken))
        .expect(200);
      expect(mine.body.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual([
        customer.id,
      ]);
      const atBank = await t.http
        .get(`/obp/v3.1.0/banks/${bank.id}/customers`)
        .set(t.auth(userToken))
        .expect(200);
      expect(atBank.body.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual([
        customer.id,
      ]);
    });

    it('accepts CanCreateUserCustomerLinkAtAnyBank, and links one user to several customers of a bank', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: second } = await t.seed.customer(bank);
      const user = await t.seed.user();
      const token = await t.seed.token({ CanCreateUserCustomerLinkAtAnyBank: '' });
      await post(bank.id, token, { user_id: user.id, customer_id: customer.id }).expect(201);
      await post(bank.id, token, { user_id: user.id, customer_id: second.id }).expect(201);
      expect(await linksOf(user.id)).toBe(2);
    });

    it('is served under v2.0.0 and v5.1.0', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: second } = await t.seed.customer(bank);
      const user = await t.seed.user();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      await post(bank.id, token, { user_id: user.id, customer_id: customer.id }, 'v2.0.0').expect(
        201,
      );
      await post(bank.id, token, { user_id: user.id, customer_id: second.id }, 'v5.1.0').expect(
        201,
      );
    });

    it('answers 400 OBP-30007 for a pair already linked, keeping one link (L-08)', async () => {
      const { bank, customer } = await t.seed.customer();
      const user = await t.seed.user();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      await post(bank.id, token, { user_id: user.id, customer_id: customer.id }).expect(201);
      const res = await post(bank.id, token, { user_id: user.id, customer_id: customer.id }).expect(
        400,
      );
      expect(res.body).toEqual({
        code: 400,
        message:
          'OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID',
      });
      expect(await linksOf(user.id)).toBe(1);
    });

    it('answers 401 OBP-20001 without a token (L-04)', async () => {
      const { bank, customer } = await t.seed.customer();
      const user = await t.seed.user();
      const res = await post(bank.id, undefined, {
        user_id: user.id,
        customer_id: customer.id,
      }).expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await linksOf(user.id)).toBe(0);
    });

    it('answers 403 OBP-20006 naming both roles without a role (L-02)', async () => {
      const { bank, customer } = await t.seed.customer();
      const user = await t.seed.user();
      const res = await post(bank.id, await t.seed.token(), {
        user_id: user.id,
        customer_id: customer.id,
      }).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: `OBP-20006: User is missing one or more roles: CanCreateUserCustomerLink or CanCreateUserCustomerLinkAtAnyBank for BankId(${bank.id}).`,
      });
      expect(await linksOf(user.id)).toBe(0);
    });

    it('answers 403 OBP-20006 when CanCreateUserCustomerLink is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const user = await t.seed.user();
      const token = await t.seed.token({ CanCreateUserCustomerLink: (await t.seed.bank()).id });
      await post(bank.id, token, { user_id: user.id, customer_id: customer.id }).expect(403);
      expect(await linksOf(user.id)).toBe(0);
    });

    it('answers 404 OBP-30001 for an unknown bank, before the role', async () => {
      const res = await post('no-such-bank', await t.seed.token(), {
        user_id: UNKNOWN_UUID,
        customer_id: UNKNOWN_UUID,
      });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('checks the role before the body: 403 for a bad body without a role', async () => {
      const bank = await t.seed.bank();
      expect((await post(bank.id, await t.seed.token(), {}).expect(403)).body.message).toMatch(
        /^OBP-20006: /,
      );
    });

    it('answers 404 OBP-20057 for an unknown user (L-06)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      const res = await post(bank.id, token, {
        user_id: UNKNOWN_UUID,
        customer_id: customer.id,
      }).expect(404);
      expect(res.body).toEqual({ code: 404, message: 'OBP-20057: User not found by userId.' });
      expect(await links().countBy({ customerId: customer.id })).toBe(0);
    });

    it('checks the user before the customer: 404 OBP-20057 when both are unknown', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      const res = await post(bank.id, token, { user_id: 'nobody', customer_id: 'nothing' }).expect(
        404,
      );
      expect(res.body.message).toBe('OBP-20057: User not found by userId.');
    });

    it.each([
      ['an unknown uuid', UNKNOWN_UUID],
      ['a non-uuid id', 'CUSTOMER_ID'],
    ])('answers 404 OBP-30046 for %s as customer_id', async (_name, customerId) => {
      const bank = await t.seed.bank();
      const user = await t.seed.user();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      const res = await post(bank.id, token, { user_id: user.id, customer_id: customerId }).expect(
        404,
      );
      expect(res.body).toEqual({
        code: 404,
        message: `OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.. Current CustomerId(${customerId})`,
      });
      expect(await linksOf(user.id)).toBe(0);
    });

    it('answers 400 OBP-30252 for a customer of another bank (L-07)', async () => {
      const { customer } = await t.seed.customer();
      const bank = await t.seed.bank();
      const user = await t.seed.user();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      const res = await post(bank.id, token, { user_id: user.id, customer_id: customer.id }).expect(
        400,
      );
      expect(res.body).toEqual({
        code: 400,
        message:
          'OBP-30252: The customer specified by CUSTOMER_ID does not belong to the bank specified by BANK_ID.',
      });
      expect(await linksOf(user.id)).toBe(0);
    });

    it.each([
      ['a missing customer_id', { user_id: UNKNOWN_UUID }, 'customer_id must be a string'],
      [
        'null for user_id',
        { user_id: null, customer_id: UNKNOWN_UUID },
        'user_id must be a string',
      ],
      [
        'an object for customer_id',
        { user_id: UNKNOWN_UUID, customer_id: {} },
        'customer_id must be a string',
      ],
      [
        'a 256-character user_id',
        { user_id: 'u'.repeat(256), customer_id: UNKNOWN_UUID },
        'user_id must be shorter than or equal to 255 characters',
      ],
    ])('answers 400 OBP-10001 for %s', async (_name, body, detail) => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateUserCustomerLink: bank.id });
      expect((await post(bank.id, token, body).expect(400)).body).toEqual(badBody(detail));
    });
  });

  describe('GET /users/current/customers', () => {
    const mine = (token?: string, version = 'v3.1.0') => {
      const req = t.http.get(`/obp/${version}/users/current/customers`);
      return token ? req.set(t.auth(token)) : req;
    };

    it('answers {"customers":[]} for a user with no links (C-19)', async () => {
      await mine(await t.seed.token()).expect(200, { customers: [] });
    });

    it('answers the linked customers of every bank in the v3.0.0 shape, oldest first', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: later } = await t.seed.customer(undefined, {
        dobOfDependants: [],
        dependants: 0,
        dateOfBirth: new Date('1100-01-01T00:00:00Z'),
      });
      await t.seed.customer(bank); // not linked
      const { user, token } = await t.seed.userWithToken();
      await link(user.id, later.id, later.bankId);
      await link(user.id, customer.id, bank.id);
      const res = await mine(token).expect(200);
      expect(res.body).toEqual({
        customers: [
          {
            ...seededCustomerJson(bank, customer),
            date_of_birth: '1980-01-01',
            dob_of_dependants: ['2010-01-01'],
            customer_attributes: [],
          },
          expect.objectContaining({
            bank_id: later.bankId,
            customer_id: later.id,
            date_of_birth: '1100-01-01',
            dependants: 0,
            dob_of_dependants: [],
          }),
        ],
      });
    });

    it('does not show another user’s linked customers', async () => {
      const { customer } = await t.seed.customer();
      const owner = await t.seed.user();
      await link(owner.id, customer.id, customer.bankId);
      await mine(await t.seed.token()).expect(200, { customers: [] });
    });

    it('is served under v3.0.0 and v7.0.0', async () => {
      const token = await t.seed.token();
      await mine(token, 'v3.0.0').expect(200, { customers: [] });
      await mine(token, 'v7.0.0').expect(200, { customers: [] });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      expect((await mine().expect(401)).body).toEqual(NOT_LOGGED_IN);
    });
  });

  describe('GET /banks/BANK_ID/customers', () => {
    const atBank = (bankId: string, token?: string, version = 'v3.1.0') => {
      const req = t.http.get(`/obp/${version}/banks/${bankId}/customers`);
      return token ? req.set(t.auth(token)) : req;
    };

    it('answers the linked customers at that bank only, in the v2.1.0 shape', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: elsewhere } = await t.seed.customer();
      await t.seed.customer(bank); // not linked
      const { user, token } = await t.seed.userWithToken();
      await link(user.id, customer.id, bank.id);
      await link(user.id, elsewhere.id, elsewhere.bankId);
      const res = await atBank(bank.id, token).expect(200);
      const {
        title: _title,
        branch_id: _branch,
        name_suffix: _suffix,
        ...v210
      } = seededCustomerJson(bank, customer);
      expect(res.body).toEqual({ customers: [v210] });
    });

    it('lists several linked customers oldest first', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: second } = await t.seed.customer(bank);
      const { user, token } = await t.seed.userWithToken();
      await link(user.id, second.id, bank.id);
      await link(user.id, customer.id, bank.id);
      const res = await atBank(bank.id, token).expect(200);
      expect(res.body.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual([
        customer.id,
        second.id,
      ]);
    });

    it('answers {"customers":[]} without links at the bank', async () => {
      const bank = await t.seed.bank();
      await atBank(bank.id, await t.seed.token()).expect(200, { customers: [] });
    });

    it('is served under v2.1.0 and v5.1.0', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token();
      await atBank(bank.id, token, 'v2.1.0').expect(200, { customers: [] });
      await atBank(bank.id, token, 'v5.1.0').expect(200, { customers: [] });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const bank = await t.seed.bank();
      expect((await atBank(bank.id).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 404 OBP-30001 for an unknown bank', async () => {
      expect((await atBank('no-such-bank', await t.seed.token()).expect(404)).body).toEqual(
        bankNotFound('no-such-bank'),
      );
    });
  });
});
