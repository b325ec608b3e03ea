import { CustomerAddressEntity } from '../../src/modules/address/customer-address.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  NOT_LOGGED_IN,
  bankNotFound,
  customerNotFound,
  missingRole,
} from '../support/obp-error-bodies';

/** The doc example body A ([T] §6). */
const A = {
  line_1: 'No 1 the Road',
  line_2: 'The Place',
  line_3: 'The Hill',
  city: 'Berlin',
  county: '',
  state: 'Brandenburg',
  postcode: '13359',
  country_code: 'DE',
  tags: ['mailing', 'home'],
  status: 'OK',
};

const badBody = (detail: string) => ({
  code: 400,
  message: `OBP-10001: Incorrect json format. The Json body should be the PostCustomerAddressJsonV310 (${detail})`,
});
const NOT_FOUND = {
  code: 400,
  message:
    "OBP-50200: Connector cannot return the data we requested. <- OBP-30310: Customer's Address not found by CUSTOMER_ADDRESS_ID. ",
};
const UNKNOWN_UUID = '0b0e0a3c-4b1d-4e59-9d2c-5b3c1f0e9a11';
const OBP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const { tags: _tags, ...withoutTags } = A;
const { line_1: _line1, ...withoutLine1 } = A;

/** Malformed bodies shared by POST and PUT. */
const BAD_BODIES: [string, unknown, string][] = [
  ['a missing line_1', withoutLine1, 'line_1 must be a string'],
  ['null for city', { ...A, city: null }, 'city must be a string'],
  ['an object for state', { ...A, state: { a: 1 } }, 'state must be a string'],
  ['a string for tags', { ...A, tags: 'home' }, 'tags must be an array'],
  [
    'a number among the tags',
    { ...A, tags: ['home', 1] },
    'tags: each value in tags must be a string',
  ],
  [
    'a three-letter country_code',
    { ...A, country_code: 'DEU' },
    'country_code must be shorter than or equal to 2 characters',
  ],
  [
    'a 21-character postcode',
    { ...A, postcode: '1'.repeat(21) },
    'postcode must be shorter than or equal to 20 characters',
  ],
  [
    'a 21-character status',
    { ...A, status: 's'.repeat(21) },
    'status must be shorter than or equal to 20 characters',
  ],
  [
    'a 256-character line_2',
    { ...A, line_2: 'x'.repeat(256) },
    'line_2 must be shorter than or equal to 255 characters',
  ],
  [
    'tags longer than 20 characters joined',
    { ...A, tags: ['mailing', 'home', 'office12'] },
    'tags joined with commas must be shorter than or equal to 20 characters',
  ],
];

describe('customer addresses', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const repo = () => t.db.getRepository(CustomerAddressEntity);
  const stored = (customerId: string) => repo().countBy({ customerId });
  const base = (bankId: string, customerId: string, version = 'v3.1.0') =>
    `/obp/${version}/banks/${bankId}/customers/${customerId}`;
  const create = (
    bankId: string,
    customerId: string,
    token: string | undefined,
    body: unknown,
    version?: string,
  ) => {
    const req = t.http.post(`${base(bankId, customerId, version)}/address`);
    return (token ? req.set(t.auth(token)) : req).send(body as object);
  };
  const update = (
    bankId: string,
    customerId: string,
    id: string,
    token: string | undefined,
    body: unknown,
  ) => {
    const req = t.http.put(`${base(bankId, customerId)}/addresses/${id}`);
    return (token ? req.set(t.auth(token)) : req).send(body as object);
  };
  const list = (bankId: string, customerId: string, token?: string, version?: string) => {
    const req = t.http.get(`${base(bankId, customerId, version)}/addresses`);
    return token ? req.set(t.auth(token)) : req;
  };
  const remove = (
    bankId: string,
    customerId: string,
    id: string,
    token?: string,
    version?: string,
  ) => {
    const req = t.http.delete(`${base(bankId, customerId, version)}/addresses/${id}`);
    return token ? req.set(t.auth(token)) : req;
  };
  const seedAddress = (customerId: string, city = 'Berlin') =>
    repo().save({
      customerId,
      line1: 'No 1 the Road',
      line2: '',
      line3: '',
      city,
      county: '',
      state: 'Brandenburg',
      postcode: '13359',
      countryCode: 'DE',
      tags: ['home'],
      status: 'OK',
    });

  describe('POST /banks/BANK_ID/customers/CUSTOMER_ID/address', () => {
    it('answers 201 CustomerAddressJsonV310 with the posted status, and lists it (A-07c, A-08)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({
        CanCreateCustomerAddress: bank.id,
        CanGetCustomerAddress: bank.id,
      });
      const res = await create(bank.id, customer.id, token, A).expect(201);
      expect(res.body).toEqual({
        customer_address_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        customer_id: customer.id,
        ...A,
        insert_date: expect.stringMatching(OBP_DATE),
      });
      expect(Object.keys(res.body)).toEqual([
        'customer_address_id',
        'customer_id',
        'line_1',
        'line_2',
        'line_3',
        'city',
        'county',
        'state',
        'postcode',
        'country_code',
        'tags',
        'status',
        'insert_date',
      ]);
      expect((await list(bank.id, customer.id, token).expect(200)).body).toEqual({
        addresses: [res.body],
      });
    });

    it.each([
      ['missing', withoutTags],
      ['null', { ...A, tags: null }],
      ['empty', { ...A, tags: [] }],
    ])('stores and answers "tags":[] when tags are %s (AD-05)', async (_name, body) => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateCustomerAddress: bank.id });
      const res = await create(bank.id, customer.id, token, body).expect(201);
      expect(res.body.tags).toEqual([]);
      expect((await repo().findOneByOrFail({ id: res.body.customer_address_id })).tags).toEqual([]);
    });

    it('accepts tags of exactly 20 characters joined and ignores unknown fields', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateCustomerAddress: bank.id });
      const res = await create(bank.id, customer.id, token, {
        ...A,
        tags: ['mailing', 'home', 'office1'],
        x: 1,
      });
      expect(res.status).toBe(201);
      expect(res.body.tags).toEqual(['mailing', 'home', 'office1']);
      expect(res.body).not.toHaveProperty('x');
    });

    it('is served under v4.0.0 and v5.1.0, not under v3.0.0', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateCustomerAddress: bank.id });
      await create(bank.id, customer.id, token, A, 'v4.0.0').expect(201);
      await create(bank.id, customer.id, token, A, 'v5.1.0').expect(201);
      await create(bank.id, customer.id, token, A, 'v3.0.0').expect(404);
      expect(await stored(customer.id)).toBe(2);
    });

    it('answers 401 OBP-20001 without a token (A-01)', async () => {
      const { bank, customer } = await t.seed.customer();
      expect((await create(bank.id, customer.id, undefined, A).expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
      expect(await stored(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 without CanCreateCustomerAddress (A-02)', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await create(bank.id, customer.id, await t.seed.token(), A).expect(403);
      expect(res.body).toEqual(missingRole('CanCreateCustomerAddress', bank.id));
      expect(await stored(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateCustomerAddress: (await t.seed.bank()).id });
      expect((await create(bank.id, customer.id, token, A).expect(403)).body).toEqual(
        missingRole('CanCreateCustomerAddress', bank.id),
      );
      expect(await stored(customer.id)).toBe(0);
    });

    it('answers 404 OBP-30001 for an unknown bank, before the role', async () => {
      const res = await create('no-such-bank', UNKNOWN_UUID, await t.seed.token(), A).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for an unknown customer (A-07a)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomerAddress: bank.id });
      expect((await create(bank.id, 'CUSTOMER_ID', token, A).expect(404)).body).toEqual(
        customerNotFound('CUSTOMER_ID'),
      );
    });

    it('answers 404 OBP-30046 for a customer of another bank, storing nothing', async () => {
      const { customer } = await t.seed.customer();
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomerAddress: other.id });
      expect((await create(other.id, customer.id, token, A).expect(404)).body).toEqual(
        customerNotFound(customer.id),
      );
      expect(await stored(customer.id)).toBe(0);
    });

    it('checks the body before the customer: 400 for an unknown customer with a bad body', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomerAddress: bank.id });
      expect((await create(bank.id, UNKNOWN_UUID, token, {}).expect(400)).body.message).toMatch(
        /^OBP-10001: /,
      );
    });

    it.each(BAD_BODIES)(
      'answers 400 OBP-10001 for %s and stores nothing',
      async (_name, body, detail) => {
        const { bank, customer } = await t.seed.customer();
        const token = await t.seed.token({ CanCreateCustomerAddress: bank.id });
        expect((await create(bank.id, customer.id, token, body).expect(400)).body).toEqual(
          badBody(detail),
        );
        expect(await stored(customer.id)).toBe(0);
      },
    );
  });

  describe('PUT /banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID', () => {
    it('answers 200 with the updated address and lists the change (A-07d)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({
        CanCreateCustomerAddress: bank.id,
        CanCreateCustomer: bank.id,
        CanGetCustomerAddress: bank.id,
      });
      const created = await create(bank.id, customer.id, token, A).expect(201);
      const id = created.body.customer_address_id as string;
      const res = await update(bank.id, customer.id, id, token, {
        ...A,
        city: 'Novi Sad',
        tags: ['work'],
      }).expect(200);
      expect(res.body).toEqual({ ...created.body, city: 'Novi Sad', tags: ['work'] });
      expect((await list(bank.id, customer.id, token).expect(200)).body).toEqual({
        addresses: [res.body],
      });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      expect((await update(bank.id, customer.id, row.id, undefined, A).expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
    });

    it('answers 403 OBP-20006 naming CanCreateCustomer, the role OBP checks, even with CanCreateCustomerAddress (A-09)', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      const token = await t.seed.token({ CanCreateCustomerAddress: bank.id });
      const res = await update(bank.id, customer.id, row.id, token, {
        ...A,
        city: 'Novi Sad',
      }).expect(403);
      expect(res.body).toEqual(missingRole('CanCreateCustomer', bank.id));
      expect((await repo().findOneByOrFail({ id: row.id })).city).toBe('Berlin');
    });

    it('answers 403 OBP-20006 when CanCreateCustomer is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      const token = await t.seed.token({ CanCreateCustomer: (await t.seed.bank()).id });
      await update(bank.id, customer.id, row.id, token, { ...A, city: 'Novi Sad' }).expect(403);
      expect((await repo().findOneByOrFail({ id: row.id })).city).toBe('Berlin');
    });

    it('answers 404 OBP-30001 for an unknown bank', async () => {
      const res = await update(
        'no-such-bank',
        UNKNOWN_UUID,
        UNKNOWN_UUID,
        await t.seed.token(),
        A,
      ).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for a customer of another bank, changing nothing', async () => {
      const { customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanCreateCustomer: other.id });
      const res = await update(other.id, customer.id, row.id, token, {
        ...A,
        city: 'Novi Sad',
      }).expect(404);
      expect(res.body).toEqual(customerNotFound(customer.id));
      expect((await repo().findOneByOrFail({ id: row.id })).city).toBe('Berlin');
    });

    it.each([
      ['an unknown uuid', UNKNOWN_UUID],
      ['a non-uuid id', 'CUSTOMER_ADDRESS_ID'],
    ])('answers 400 OBP-50200 <- OBP-30310 for %s', async (_name, id) => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      expect((await update(bank.id, customer.id, id, token, A).expect(400)).body).toEqual(
        NOT_FOUND,
      );
      expect(await stored(customer.id)).toBe(0);
    });

    it('answers 400 OBP-50200 <- OBP-30310 for an address of another customer, leaving it untouched', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: owner } = await t.seed.customer(bank);
      const row = await seedAddress(owner.id);
      const token = await t.seed.token({ CanCreateCustomer: bank.id });
      const res = await update(bank.id, customer.id, row.id, token, {
        ...A,
        city: 'Novi Sad',
      }).expect(400);
      expect(res.body).toEqual(NOT_FOUND);
      expect(await repo().findOneByOrFail({ id: row.id })).toMatchObject({
        customerId: owner.id,
        city: 'Berlin',
      });
    });

    it.each(BAD_BODIES)(
      'answers 400 OBP-10001 for %s and changes nothing',
      async (_name, body, detail) => {
        const { bank, customer } = await t.seed.customer();
        const row = await seedAddress(customer.id);
        const token = await t.seed.token({ CanCreateCustomer: bank.id });
        expect((await update(bank.id, customer.id, row.id, token, body).expect(400)).body).toEqual(
          badBody(detail),
        );
        expect(await repo().findOneByOrFail({ id: row.id })).toMatchObject({
          city: 'Berlin',
          tags: ['home'],
        });
      },
    );
  });

  describe('GET /banks/BANK_ID/customers/CUSTOMER_ID/addresses', () => {
    it('answers 200 with the customer’s addresses, oldest first, and no one else’s (A-07e)', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: other } = await t.seed.customer(bank);
      const first = await seedAddress(customer.id, 'Berlin');
      const second = await seedAddress(customer.id, 'Hamburg');
      await seedAddress(other.id, 'Munich');
      const token = await t.seed.token({ CanGetCustomerAddress: bank.id });
      const res = await list(bank.id, customer.id, token).expect(200);
      const item = (row: CustomerAddressEntity, city: string) => ({
        customer_address_id: row.id,
        customer_id: customer.id,
        line_1: 'No 1 the Road',
        line_2: '',
        line_3: '',
        city,
        county: '',
        state: 'Brandenburg',
        postcode: '13359',
        country_code: 'DE',
        tags: ['home'],
        status: 'OK',
        insert_date: expect.stringMatching(OBP_DATE),
      });
      expect(res.body).toEqual({ addresses: [item(first, 'Berlin'), item(second, 'Hamburg')] });
    });

    it('answers {"addresses":[]} for a customer with none (AD-01)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetCustomerAddress: bank.id });
      expect((await list(bank.id, customer.id, token).expect(200)).body).toEqual({ addresses: [] });
    });

    it('is served under v5.1.0', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetCustomerAddress: bank.id });
      await list(bank.id, customer.id, token, 'v5.1.0').expect(200, { addresses: [] });
    });

    it('answers 401 OBP-20001 without a token (A-03)', async () => {
      const { bank, customer } = await t.seed.customer();
      expect((await list(bank.id, customer.id).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetCustomerAddress (A-04)', async () => {
      const { bank, customer } = await t.seed.customer();
      expect((await list(bank.id, customer.id, await t.seed.token()).expect(403)).body).toEqual(
        missingRole('CanGetCustomerAddress', bank.id),
      );
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetCustomerAddress: (await t.seed.bank()).id });
      expect((await list(bank.id, customer.id, token).expect(403)).body).toEqual(
        missingRole('CanGetCustomerAddress', bank.id),
      );
    });

    it('answers 404 OBP-30001 for an unknown bank, before the role (AD-02)', async () => {
      const res = await list('no-such-bank', UNKNOWN_UUID, await t.seed.token()).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for an unknown customer', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomerAddress: bank.id });
      expect((await list(bank.id, UNKNOWN_UUID, token).expect(404)).body).toEqual(
        customerNotFound(UNKNOWN_UUID),
      );
    });

    it('answers 404 OBP-30046 for a customer of another bank', async () => {
      const { customer } = await t.seed.customer();
      await seedAddress(customer.id);
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanGetCustomerAddress: other.id });
      expect((await list(other.id, customer.id, token).expect(404)).body).toEqual(
        customerNotFound(customer.id),
      );
    });
  });

  describe('DELETE /banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID', () => {
    it('answers 200 with the JSON body true and the address is gone (A-07f)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({
        CanCreateCustomerAddress: bank.id,
        CanDeleteCustomerAddress: bank.id,
        CanGetCustomerAddress: bank.id,
      });
      const created = await create(bank.id, customer.id, token, A).expect(201);
      const res = await remove(
        bank.id,
        customer.id,
        created.body.customer_address_id,
        token,
      ).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toBe(true);
      expect((await list(bank.id, customer.id, token).expect(200)).body).toEqual({ addresses: [] });
    });

    it('answers 400 OBP-50200 <- OBP-30310 the second time (AD-03)', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      const token = await t.seed.token({ CanDeleteCustomerAddress: bank.id });
      await remove(bank.id, customer.id, row.id, token).expect(200);
      expect((await remove(bank.id, customer.id, row.id, token).expect(400)).body).toEqual(
        NOT_FOUND,
      );
    });

    it.each([
      ['an unknown uuid (A-10)', UNKNOWN_UUID],
      ['a non-uuid id', 'CUSTOMER_ADDRESS_ID'],
    ])('answers 400 OBP-50200 <- OBP-30310 for %s', async (_name, id) => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanDeleteCustomerAddress: bank.id });
      expect((await remove(bank.id, customer.id, id, token).expect(400)).body).toEqual(NOT_FOUND);
    });

    it('answers 400 OBP-50200 <- OBP-30310 for an address of another customer, keeping it (AD-04)', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: owner } = await t.seed.customer(bank);
      const row = await seedAddress(owner.id);
      const token = await t.seed.token({ CanDeleteCustomerAddress: bank.id });
      expect((await remove(bank.id, customer.id, row.id, token).expect(400)).body).toEqual(
        NOT_FOUND,
      );
      expect(await stored(owner.id)).toBe(1);
    });

    it('is served under v4.0.0', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      const token = await t.seed.token({ CanDeleteCustomerAddress: bank.id });
      await remove(bank.id, customer.id, row.id, token, 'v4.0.0').expect(200);
    });

    it('answers 401 OBP-20001 without a token, keeping the row (A-05)', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      expect((await remove(bank.id, customer.id, row.id).expect(401)).body).toEqual(NOT_LOGGED_IN);
      expect(await stored(customer.id)).toBe(1);
    });

    it('answers 403 OBP-20006 without CanDeleteCustomerAddress, keeping the row (A-06)', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      expect(
        (await remove(bank.id, customer.id, row.id, await t.seed.token()).expect(403)).body,
      ).toEqual(missingRole('CanDeleteCustomerAddress', bank.id));
      expect(await stored(customer.id)).toBe(1);
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      const token = await t.seed.token({ CanDeleteCustomerAddress: (await t.seed.bank()).id });
      await remove(bank.id, customer.id, row.id, token).expect(403);
      expect(await stored(customer.id)).toBe(1);
    });

    it('answers 404 OBP-30001 for an unknown bank, before the role (AD-02)', async () => {
      const res = await remove(
        'no-such-bank',
        UNKNOWN_UUID,
        UNKNOWN_UUID,
        await t.seed.token(),
      ).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for an unknown customer, before the address id', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanDeleteCustomerAddress: bank.id });
      const res = await remove(bank.id, 'CUSTOMER_ID', 'CUSTOMER_ADDRESS_ID', token).expect(404);
      expect(res.body).toEqual(customerNotFound('CUSTOMER_ID'));
    });

    it('answers 404 OBP-30046 for a customer of another bank, keeping the row', async () => {
      const { customer } = await t.seed.customer();
      const row = await seedAddress(customer.id);
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanDeleteCustomerAddress: other.id });
      expect((await remove(other.id, customer.id, row.id, token).expect(404)).body).toEqual(
        customerNotFound(customer.id),
      );
      expect(await stored(customer.id)).toBe(1);
    });
  });
});
