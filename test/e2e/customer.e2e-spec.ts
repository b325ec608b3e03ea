import { CustomerEntity } from '../../src/modules/customer/customer.entity';
import { customerPostBody } from '../support/fixtures';
import { seededCustomerJson } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN, bankNotFound, customerNotFound } from '../support/obp-error-bodies';

/** The resource-doc example body P ([T] §5). */
const P = customerPostBody();

const badBody = (cls: string, detail: string) => ({
  code: 400,
  message: `OBP-10001: Incorrect json format. The Json body should be the ${cls} (${detail})`,
});
/** The module object the service calls `randomInt` on (a namespace import would be frozen). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeCrypto: { randomInt: (min: number, max: number) => number } = require('node:crypto');
const UNKNOWN_UUID = '0b0e0a3c-4b1d-4e59-9d2c-5b3c1f0e9a11';

describe('customers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const customersAt = (bankId: string) => t.db.getRepository(CustomerEntity).countBy({ bankId });

  describe('POST /banks/BANK_ID/customers', () => {
    const post = (bankId: string, token: string | undefined, body: unknown, version = 'v3.1.0') => {
      const req = t.http.post(`/obp/${version}/banks/${bankId}/customers`);
      return (token ? req.set(t.auth(token)) : req).send(body as object);
    };

    it('creates the customer with a generated number and answers 201 CustomerJsonV310', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      const res = await post(bank.id, token, P).expect(201);
      expect(res.body).toEqual({
        bank_id: bank.id,
        customer_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        customer_number: expect.stringMatching(/^\d+$/),
        ...P,
      });
      expect(Object.keys(res.body).slice(0, 4)).toEqual([
        'bank_id',
        'customer_id',
        'customer_number',
        'legal_name',
      ]);
      expect(Number(res.body.customer_number)).toBeLessThan(2 ** 31);
    });

    it('answers the created customer on a later GET, field for field (C-04)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: bank.id, CanGetCustomer: bank.id });
      const created = await post(bank.id, token, P).expect(201);
      const read = await t.http
        .get(`/obp/v3.1.0/banks/${bank.id}/customers/${created.body.customer_id}`)
        .set(t.auth(token))
        .expect(200);
      expect(read.body).toEqual({ ...created.body, customer_attributes: [] });
    });

    it('accepts CanCreateCustomerAtAnyBank, ignores unknown fields and reads numbers sent for strings as text', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomerAtAnyBank: '' });
      const res = await post(bank.id, token, {
        ...P,
        title: 7,
        customer_number: '123',
        unknown: 'x',
      }).expect(201);
      expect(res.body.title).toBe('7');
      expect(res.body.customer_number).not.toBe('123');
      expect(res.body).not.toHaveProperty('unknown');
    });

    it('is served under v4.0.0 and v5.1.0, not under v3.0.0', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      await post(bank.id, token, P, 'v4.0.0').expect(201);
      await post(bank.id, token, P, 'v5.1.0').expect(201);
      const res = await post(bank.id, token, P, 'v3.0.0').expect(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
      expect(await customersAt(bank.id)).toBe(2);
    });

    it('draws a new number when the drawn one is taken at the bank', async () => {
      const bank = await t.seed.bank();
      await t.seed.customer(bank, { customerNumber: '42' });
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      const spy = jest.spyOn(nodeCrypto, 'randomInt');
      spy.mockReturnValueOnce(42).mockReturnValueOnce(43);
      try {
        const res = await post(bank.id, token, P).expect(201);
        expect(res.body.customer_number).toBe('43');
      } finally {
        spy.mockRestore();
      }
    });

    it('answers 400 OBP-30051 when every drawn number is taken, storing nothing', async () => {
      const bank = await t.seed.bank();
      await t.seed.customer(bank, { customerNumber: '42' });
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      const spy = jest.spyOn(nodeCrypto, 'randomInt');
      spy.mockReturnValue(42);
      try {
        const res = await post(bank.id, token, P).expect(400);
        expect(res.body).toEqual({ code: 400, message: 'OBP-30051: Cannot create Customer' });
      } finally {
        spy.mockRestore();
      }
      expect(await customersAt(bank.id)).toBe(1);
    });

    it('answers 401 OBP-20001 without a token (C-01)', async () => {
      const bank = await t.seed.bank();
      const res = await post(bank.id, undefined, P).expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await customersAt(bank.id)).toBe(0);
    });

    it('answers 403 OBP-20006 naming both roles without a role (C-02)', async () => {
      const bank = await t.seed.bank();
      const res = await post(bank.id, await t.seed.token(), P).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: `OBP-20006: User is missing one or more roles: CanCreateCustomer or CanCreateCustomerAtAnyBank for BankId(${bank.id}).`,
      });
      expect(await customersAt(bank.id)).toBe(0);
    });

    it('answers 403 OBP-20006 when CanCreateCustomer is held at another bank only', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: (await t.seed.bank()).id });
      const res = await post(bank.id, token, P).expect(403);
      expect(res.body.message).toBe(
        `OBP-20006: User is missing one or more roles: CanCreateCustomer or CanCreateCustomerAtAnyBank for BankId(${bank.id}).`,
      );
      expect(await customersAt(bank.id)).toBe(0);
    });

    it('checks the role before the bank: 403 for an unknown bank without a role', async () => {
      const res = await post('no-such-bank', await t.seed.token(), P).expect(403);
      expect(res.body.message).toMatch(/^OBP-20006: /);
    });

    it('answers 404 OBP-30001 for an unknown bank with CanCreateCustomerAtAnyBank (C-18)', async () => {
      const token = await t.seed.token({ CanCreateCustomerAtAnyBank: '' });
      const res = await post('no-such-bank', token, P).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('checks the bank before the body: 404 for an unknown bank with a bad body', async () => {
      const token = await t.seed.token({ CanCreateCustomerAtAnyBank: '' });
      const res = await post('no-such-bank', token, {}).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    const { title: _title, ...withoutTitle } = P;
    it.each([
      ['a missing field (C-16)', withoutTitle, 'title must be a string'],
      [
        'a missing nested object',
        { ...P, credit_limit: undefined },
        'credit_limit must be an object',
      ],
      [
        'a missing nested field',
        { ...P, credit_rating: { rating: 'OBP' } },
        'credit_rating.source must be a string',
      ],
      [
        'a string for dependants',
        { ...P, dependants: '1' },
        'dependants must be an integer number',
      ],
      [
        'a fraction for dependants',
        { ...P, dependants: 1.5 },
        'dependants must be an integer number',
      ],
      [
        'a string for kyc_status',
        { ...P, kyc_status: 'false' },
        'kyc_status must be a boolean value',
      ],
      ['an object for a string', { ...P, email: { a: 1 } }, 'email must be a string'],
      ['null for a string', { ...P, legal_name: null }, 'legal_name must be a string'],
      ['null for a nested object', { ...P, face_image: null }, 'face_image must be an object'],
      [
        'a date without time (C-17)',
        { ...P, date_of_birth: '2017-09-19' },
        'date_of_birth must be a date like 2017-09-19T00:00:00Z',
      ],
      [
        'a date with milliseconds',
        { ...P, last_ok_date: '2017-09-19T00:00:00.000Z' },
        'last_ok_date must be a date like 2017-09-19T00:00:00Z',
      ],
      [
        'an impossible date',
        { ...P, face_image: { ...P.face_image, date: '2017-02-30T00:00:00Z' } },
        'face_image.date must be a date like 2017-09-19T00:00:00Z',
      ],
      [
        'a bad dependant birth date',
        { ...P, dob_of_dependants: ['2017-09-19T00:00:00+02:00'] },
        'dob_of_dependants must be a date like 2017-09-19T00:00:00Z',
      ],
      [
        'a string for dob_of_dependants',
        { ...P, dob_of_dependants: '1100-01-01T00:00:00Z' },
        'dob_of_dependants must be an array',
      ],
      [
        'a too long legal_name',
        { ...P, legal_name: 'x'.repeat(256) },
        'legal_name must be shorter than or equal to 255 characters',
      ],
      [
        'a too long relationship_status',
        { ...P, relationship_status: 'x'.repeat(17) },
        'relationship_status must be shorter than or equal to 16 characters',
      ],
    ])('answers 400 OBP-10001 for %s and stores nothing', async (_name, body, detail) => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      const res = await post(bank.id, token, body).expect(400);
      expect(res.body).toEqual(badBody('PostCustomerJsonV310', detail));
      expect(await customersAt(bank.id)).toBe(0);
    });

    it('answers 400 OBP-10020 when dependants differs from the number of birth dates (C-15)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      const res = await post(bank.id, token, { ...P, dependants: 2 }).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message:
          'OBP-10020: Incorrect json. The field dependants(2) not equal the length(1) of dob_of_dependants array',
      });
      expect(await customersAt(bank.id)).toBe(0);
    });

    it('answers 400 OBP-10001 for a body that is not an object', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      const res = await post(bank.id, token, [P]).expect(400);
      expect(res.body).toEqual(badBody('PostCustomerJsonV310', 'the body must be a JSON object'));
      expect(await customersAt(bank.id)).toBe(0);
    });
  });

  describe('GET /banks/BANK_ID/customers/CUSTOMER_ID', () => {
    const get = (bankId: string, customerId: string, token?: string) => {
      const req = t.http.get(`/obp/v3.1.0/banks/${bankId}/customers/${customerId}`);
      return token ? req.set(t.auth(token)) : req;
    };

    it('answers 200 CustomerWithAttributesJsonV310 with every stored field', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetCustomer: bank.id });
      const res = await get(bank.id, customer.id, token).expect(200);
      expect(res.body).toEqual({ ...seededCustomerJson(bank, customer), customer_attributes: [] });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const { bank, customer } = await t.seed.customer();
      expect((await get(bank.id, customer.id).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetCustomer (C-05)', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await get(bank.id, customer.id, await t.seed.token()).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: `OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(${bank.id})`,
      });
    });

    it('answers 403 OBP-20006 when CanGetCustomer is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetCustomer: (await t.seed.bank()).id });
      const res = await get(bank.id, customer.id, token).expect(403);
      expect(res.body.message).toBe(
        `OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(${bank.id})`,
      );
    });

    it('checks the bank before the role: 404 OBP-30001 for an unknown bank', async () => {
      const res = await get('no-such-bank', UNKNOWN_UUID, await t.seed.token()).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it.each([
      ['the literal CUSTOMER_ID (C-06)', 'CUSTOMER_ID'],
      ['an unknown uuid', UNKNOWN_UUID],
    ])('answers 404 OBP-30046 for %s', async (_name, customerId) => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomer: bank.id });
      expect((await get(bank.id, customerId, token).expect(404)).body).toEqual(
        customerNotFound(customerId),
      );
    });

    it('answers 404 OBP-30046 for a customer of another bank', async () => {
      const { customer } = await t.seed.customer();
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomer: other.id });
      expect((await get(other.id, customer.id, token).expect(404)).body).toEqual(
        customerNotFound(customer.id),
      );
    });
  });

  describe('POST /banks/BANK_ID/customers/customer-number', () => {
    const lookup = (bankId: string, token: string | undefined, body: unknown) => {
      const req = t.http.post(`/obp/v3.1.0/banks/${bankId}/customers/customer-number`);
      return (token ? req.set(t.auth(token)) : req).send(body as object);
    };

    it('answers 200 with the customer of that number at the bank (CN-01)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetCustomer: bank.id });
      const res = await lookup(bank.id, token, { customer_number: customer.customerNumber }).expect(
        200,
      );
      const byId = await t.http
        .get(`/obp/v3.1.0/banks/${bank.id}/customers/${customer.id}`)
        .set(t.auth(token))
        .expect(200);
      expect(res.body).toEqual(byId.body);
      expect(res.body.customer_id).toBe(customer.id);
    });

    it('reads a JSON number as its text (CN-03)', async () => {
      const bank = await t.seed.bank();
      const { customer } = await t.seed.customer(bank, { customerNumber: '5987953' });
      const token = await t.seed.token({ CanGetCustomer: bank.id });
      const res = await lookup(bank.id, token, { customer_number: 5987953 }).expect(200);
      expect(res.body.customer_id).toBe(customer.id);
    });

    it('finds a customer created over HTTP by its generated number', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: bank.id, CanGetCustomer: bank.id });
      const created = await t.http
        .post(`/obp/v3.1.0/banks/${bank.id}/customers`)
        .set(t.auth(token))
        .send(P)
        .expect(201);
      const res = await lookup(bank.id, token, {
        customer_number: created.body.customer_number,
      }).expect(200);
      expect(res.body).toEqual({ ...created.body, customer_attributes: [] });
    });

    it('answers 404 OBP-30002 for an unknown number (C-09)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomer: bank.id });
      const res = await lookup(bank.id, token, { customer_number: '123' }).expect(404);
      expect(res.body).toEqual({
        code: 404,
        message: 'OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER.',
      });
    });

    it('answers 404 OBP-30002 for the number of a customer at another bank (CN-02)', async () => {
      const { customer } = await t.seed.customer();
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomer: other.id });
      const res = await lookup(other.id, token, {
        customer_number: customer.customerNumber,
      }).expect(404);
      expect(res.body.message).toBe(
        'OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER.',
      );
    });

    it('matches the number exactly', async () => {
      const bank = await t.seed.bank();
      await t.seed.customer(bank, { customerNumber: 'AbC1' });
      const token = await t.seed.token({ CanGetCustomer: bank.id });
      await lookup(bank.id, token, { customer_number: 'abc1' }).expect(404);
      await lookup(bank.id, token, { customer_number: 'AbC' }).expect(404);
    });

    it('answers 401 OBP-20001 without a token (C-07)', async () => {
      const bank = await t.seed.bank();
      expect(
        (await lookup(bank.id, undefined, { customer_number: '123' }).expect(401)).body,
      ).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetCustomer, even with a bad body (C-08)', async () => {
      const bank = await t.seed.bank();
      const res = await lookup(bank.id, await t.seed.token(), {}).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: `OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(${bank.id})`,
      });
    });

    it('answers 403 OBP-20006 when CanGetCustomer is held at another bank only', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomer: (await t.seed.bank()).id });
      expect(
        (await lookup(bank.id, token, { customer_number: '1' }).expect(403)).body.message,
      ).toMatch(/^OBP-20006: /);
    });

    it('answers 404 OBP-30001 for an unknown bank', async () => {
      const res = await lookup('no-such-bank', await t.seed.token(), {
        customer_number: '1',
      }).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it.each([
      ['an empty body (CN-04)', {}, 'customer_number must be a string'],
      ['null', { customer_number: null }, 'customer_number must be a string'],
      ['an object', { customer_number: { n: 1 } }, 'customer_number must be a string'],
      ['a list', { customer_number: ['1'] }, 'customer_number must be a string'],
    ])('answers 400 OBP-10001 for %s', async (_name, body, detail) => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomer: bank.id });
      expect((await lookup(bank.id, token, body).expect(400)).body).toEqual(
        badBody('PostCustomerNumberJsonV310', detail),
      );
    });
  });

  describe('PUT /banks/BANK_ID/customers/CUSTOMER_ID/number', () => {
    const put = (bankId: string, customerId: string, token: string | undefined, body: unknown) => {
      const req = t.http.put(`/obp/v3.1.0/banks/${bankId}/customers/${customerId}/number`);
      return (token ? req.set(t.auth(token)) : req).send(body as object);
    };
    const numberOf = async (customerId: string) =>
      (await t.db.getRepository(CustomerEntity).findOneByOrFail({ id: customerId })).customerNumber;

    it('changes the number, answers 200 CustomerJsonV310, and GET shows it (C-14)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({
        CanUpdateCustomerNumber: bank.id,
        CanGetCustomer: bank.id,
      });
      const before = await t.http
        .get(`/obp/v3.1.0/banks/${bank.id}/customers/${customer.id}`)
        .set(t.auth(token))
        .expect(200);
      const res = await put(bank.id, customer.id, token, { customer_number: 'new1234' }).expect(
        200,
      );
      const { customer_attributes: _attrs, ...v310 } = before.body;
      expect(res.body).toEqual({ ...v310, customer_number: 'new1234' });
      const after = await t.http
        .get(`/obp/v3.1.0/banks/${bank.id}/customers/${customer.id}`)
        .set(t.auth(token))
        .expect(200);
      expect(after.body.customer_number).toBe('new1234');
    });

    it('answers 400 OBP-30006 for the customer’s own current number (C-13)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanUpdateCustomerNumber: bank.id });
      const res = await put(bank.id, customer.id, token, {
        customer_number: customer.customerNumber,
      }).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: `OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER. Current customer_number(${customer.customerNumber}) and Current bank_id(${bank.id})`,
      });
    });

    it('answers 400 OBP-30006 for the number of another customer at the bank, changing nothing', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: other } = await t.seed.customer(bank, { customerNumber: 'taken-1' });
      const token = await t.seed.token({ CanUpdateCustomerNumber: bank.id });
      const res = await put(bank.id, customer.id, token, { customer_number: 'taken-1' }).expect(
        400,
      );
      expect(res.body.message).toBe(
        `OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER. Current customer_number(taken-1) and Current bank_id(${bank.id})`,
      );
      expect(await numberOf(customer.id)).toBe(customer.customerNumber);
      expect(await numberOf(other.id)).toBe('taken-1');
    });

    it('accepts a number used at another bank: numbers are unique per bank', async () => {
      await t.seed.customer(undefined, { customerNumber: 'shared-7' });
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanUpdateCustomerNumber: bank.id });
      await put(bank.id, customer.id, token, { customer_number: 'shared-7' }).expect(200);
      expect(await numberOf(customer.id)).toBe('shared-7');
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await put(bank.id, customer.id, undefined, { customer_number: 'n1' }).expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await numberOf(customer.id)).toBe(customer.customerNumber);
    });

    it('answers 403 OBP-20006 without CanUpdateCustomerNumber', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await put(bank.id, customer.id, await t.seed.token(), {
        customer_number: 'n1',
      }).expect(403);
      expect(res.body).toEqual({
        code: 403,
        message: `OBP-20006: User is missing one or more roles: CanUpdateCustomerNumber at Bank(${bank.id})`,
      });
      expect(await numberOf(customer.id)).toBe(customer.customerNumber);
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanUpdateCustomerNumber: (await t.seed.bank()).id });
      await put(bank.id, customer.id, token, { customer_number: 'n1' }).expect(403);
      expect(await numberOf(customer.id)).toBe(customer.customerNumber);
    });

    it('answers 404 OBP-30001 for an unknown bank', async () => {
      const res = await put('no-such-bank', UNKNOWN_UUID, await t.seed.token(), {
        customer_number: 'n1',
      }).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for an unknown customer', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanUpdateCustomerNumber: bank.id });
      const res = await put(bank.id, UNKNOWN_UUID, token, { customer_number: 'n1' }).expect(404);
      expect(res.body).toEqual(customerNotFound(UNKNOWN_UUID));
    });

    it('answers 404 OBP-30046 for a customer of another bank, changing nothing', async () => {
      const { customer } = await t.seed.customer();
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanUpdateCustomerNumber: other.id });
      const res = await put(other.id, customer.id, token, { customer_number: 'n1' }).expect(404);
      expect(res.body).toEqual(customerNotFound(customer.id));
      expect(await numberOf(customer.id)).toBe(customer.customerNumber);
    });

    it('checks the body before the customer: 400 for an unknown customer with a bad body', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanUpdateCustomerNumber: bank.id });
      await put(bank.id, UNKNOWN_UUID, token, {}).expect(400);
    });

    it.each([
      ['a missing field', {}, 'customer_number must be a string'],
      ['null', { customer_number: null }, 'customer_number must be a string'],
      ['an object', { customer_number: {} }, 'customer_number must be a string'],
      [
        'a too long number',
        { customer_number: '1'.repeat(51) },
        'customer_number must be shorter than or equal to 50 characters',
      ],
    ])('answers 400 OBP-10001 for %s, changing nothing', async (_name, body, detail) => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanUpdateCustomerNumber: bank.id });
      const res = await put(bank.id, customer.id, token, body).expect(400);
      expect(res.body).toEqual(badBody('PutUpdateCustomerNumberJsonV310', detail));
      expect(await numberOf(customer.id)).toBe(customer.customerNumber);
    });
  });
});
