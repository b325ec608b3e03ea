import { TaxResidenceEntity } from '../../src/modules/tax-residence/tax-residence.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  NOT_LOGGED_IN,
  bankNotFound,
  customerNotFound,
  missingRole,
} from '../support/obp-error-bodies';

/** OBP's test body TR ([K-T] §1). */
const TR = { domain: 'Enter some domain', tax_number: 'Enter some number' };

const badBody = (detail: string) => ({
  code: 400,
  message: `OBP-10001: Incorrect json format. The Json body should be the PostTaxResidenceJsonV310 (${detail})`,
});
const NOT_FOUND = {
  code: 400,
  message:
    'OBP-50200: Connector cannot return the data we requested. <- OBP-30300: Tax Residence not found by TAX_RESIDENCE_ID. ',
};
const UNKNOWN_UUID = '0b0e0a3c-4b1d-4e59-9d2c-5b3c1f0e9a11';

describe('tax residences', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const stored = (customerId: string) =>
    t.db.getRepository(TaxResidenceEntity).countBy({ customerId });
  const base = (bankId: string, customerId: string, version = 'v3.1.0') =>
    `/obp/${version}/banks/${bankId}/customers/${customerId}`;
  const create = (
    bankId: string,
    customerId: string,
    token: string | undefined,
    body: unknown,
    version?: string,
  ) => {
    const req = t.http.post(`${base(bankId, customerId, version)}/tax-residence`);
    return (token ? req.set(t.auth(token)) : req).send(body as object);
  };
  const list = (bankId: string, customerId: string, token?: string, version?: string) => {
    const req = t.http.get(`${base(bankId, customerId, version)}/tax-residences`);
    return token ? req.set(t.auth(token)) : req;
  };
  const remove = (
    bankId: string,
    customerId: string,
    id: string,
    token?: string,
    version?: string,
  ) => {
    const req = t.http.delete(`${base(bankId, customerId, version)}/tax_residencies/${id}`);
    return token ? req.set(t.auth(token)) : req;
  };
  const seedResidence = (customerId: string, domain = 'DE', taxNumber = '12/345/67890') =>
    t.db.getRepository(TaxResidenceEntity).save({ customerId, domain, taxNumber });

  describe('POST /banks/BANK_ID/customers/CUSTOMER_ID/tax-residence', () => {
    it('answers 201 with a single TaxResidenceV310 and lists it afterwards (TR-06)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({
        CanCreateTaxResidence: bank.id,
        CanGetTaxResidence: bank.id,
      });
      const res = await create(bank.id, customer.id, token, TR).expect(201);
      expect(res.body).toEqual({
        ...TR,
        tax_residence_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(Object.keys(res.body)).toEqual(['domain', 'tax_number', 'tax_residence_id']);
      const read = await list(bank.id, customer.id, token).expect(200);
      expect(read.body).toEqual({ tax_residence: [res.body] });
    });

    it('is served under v4.0.0 and v5.1.0, not under v3.0.0', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      await create(bank.id, customer.id, token, { domain: 'DE', tax_number: '1' }, 'v4.0.0').expect(
        201,
      );
      await create(bank.id, customer.id, token, { domain: 'DE', tax_number: '2' }, 'v5.1.0').expect(
        201,
      );
      await create(bank.id, customer.id, token, { domain: 'DE', tax_number: '3' }, 'v3.0.0').expect(
        404,
      );
      expect(await stored(customer.id)).toBe(2);
    });

    it('reads a JSON number sent for tax_number as its text and ignores unknown fields', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      const res = await create(bank.id, customer.id, token, {
        domain: 'DE',
        tax_number: 12345,
        x: 1,
      }).expect(201);
      expect(res.body).toEqual({
        domain: 'DE',
        tax_number: '12345',
        tax_residence_id: expect.any(String),
      });
    });

    it('answers 400 OBP-50200 for the same domain and number twice, keeping one row (TR-13)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      await create(bank.id, customer.id, token, TR).expect(201);
      const res = await create(bank.id, customer.id, token, TR).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-50200: Connector cannot return the data we requested.',
      });
      expect(await stored(customer.id)).toBe(1);
    });

    it('accepts the same domain and number for another customer', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: other } = await t.seed.customer(bank);
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      await create(bank.id, customer.id, token, TR).expect(201);
      await create(bank.id, other.id, token, TR).expect(201);
    });

    it('answers 401 OBP-20001 without a token (TR-01)', async () => {
      const { bank, customer } = await t.seed.customer();
      expect((await create(bank.id, customer.id, undefined, TR).expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
      expect(await stored(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 without CanCreateTaxResidence (TR-04)', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await create(bank.id, customer.id, await t.seed.token(), TR).expect(403);
      expect(res.body).toEqual(missingRole('CanCreateTaxResidence', bank.id));
      expect(await stored(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateTaxResidence: (await t.seed.bank()).id });
      const res = await create(bank.id, customer.id, token, TR).expect(403);
      expect(res.body).toEqual(missingRole('CanCreateTaxResidence', bank.id));
      expect(await stored(customer.id)).toBe(0);
    });

    it('answers 404 OBP-30001 for an unknown bank, before the role (TR-11)', async () => {
      const res = await create('no-such-bank', UNKNOWN_UUID, await t.seed.token(), TR).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for the literal CUSTOMER_ID (TR-05)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      expect((await create(bank.id, 'CUSTOMER_ID', token, TR).expect(404)).body).toEqual(
        customerNotFound('CUSTOMER_ID'),
      );
    });

    it('answers 404 OBP-30046 for a customer of another bank, storing nothing', async () => {
      const { customer } = await t.seed.customer();
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanCreateTaxResidence: other.id });
      expect((await create(other.id, customer.id, token, TR).expect(404)).body).toEqual(
        customerNotFound(customer.id),
      );
      expect(await stored(customer.id)).toBe(0);
    });

    it('checks the body before the customer: 400 for an unknown customer with a bad body', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      expect((await create(bank.id, UNKNOWN_UUID, token, {}).expect(400)).body.message).toMatch(
        /^OBP-10001: /,
      );
    });

    it.each([
      ['a missing tax_number (TR-12)', { domain: 'DE' }, 'tax_number must be a string'],
      ['null for domain', { domain: null, tax_number: '1' }, 'domain must be a string'],
      ['an object for domain', { domain: { a: 1 }, tax_number: '1' }, 'domain must be a string'],
      ['a list for tax_number', { domain: 'DE', tax_number: ['1'] }, 'tax_number must be a string'],
      [
        'a 21-character domain (TR-14)',
        { domain: 'x'.repeat(21), tax_number: '1' },
        'domain must be shorter than or equal to 20 characters',
      ],
      [
        'a 21-character tax_number',
        { domain: 'DE', tax_number: '1'.repeat(21) },
        'tax_number must be shorter than or equal to 20 characters',
      ],
    ])('answers 400 OBP-10001 for %s and stores nothing', async (_name, body, detail) => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      expect((await create(bank.id, customer.id, token, body).expect(400)).body).toEqual(
        badBody(detail),
      );
      expect(await stored(customer.id)).toBe(0);
    });

    it('accepts exactly 20 characters', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanCreateTaxResidence: bank.id });
      await create(bank.id, customer.id, token, {
        domain: 'x'.repeat(20),
        tax_number: '1'.repeat(20),
      }).expect(201);
    });
  });

  describe('GET /banks/BANK_ID/customers/CUSTOMER_ID/tax-residences', () => {
    it('answers 200 with the customer’s residences, oldest first, and no one else’s', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: other } = await t.seed.customer(bank);
      const first = await seedResidence(customer.id, 'DE', '1');
      const second = await seedResidence(customer.id, 'AT', '2');
      await seedResidence(other.id, 'FR', '3');
      const token = await t.seed.token({ CanGetTaxResidence: bank.id });
      const res = await list(bank.id, customer.id, token).expect(200);
      expect(res.body).toEqual({
        tax_residence: [
          { domain: 'DE', tax_number: '1', tax_residence_id: first.id },
          { domain: 'AT', tax_number: '2', tax_residence_id: second.id },
        ],
      });
    });

    it('answers {"tax_residence":[]} for a customer with none (TR-15)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetTaxResidence: bank.id });
      expect((await list(bank.id, customer.id, token).expect(200)).body).toEqual({
        tax_residence: [],
      });
    });

    it('is served under v5.1.0', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetTaxResidence: bank.id });
      await list(bank.id, customer.id, token, 'v5.1.0').expect(200, { tax_residence: [] });
    });

    it('answers 401 OBP-20001 without a token (TR-02)', async () => {
      const { bank, customer } = await t.seed.customer();
      expect((await list(bank.id, customer.id).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetTaxResidence (TR-07)', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await list(bank.id, customer.id, await t.seed.token()).expect(403);
      expect(res.body).toEqual(missingRole('CanGetTaxResidence', bank.id));
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanGetTaxResidence: (await t.seed.bank()).id });
      expect((await list(bank.id, customer.id, token).expect(403)).body).toEqual(
        missingRole('CanGetTaxResidence', bank.id),
      );
    });

    it('answers 404 OBP-30001 for an unknown bank', async () => {
      const res = await list('no-such-bank', UNKNOWN_UUID, await t.seed.token()).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for the literal CUSTOMER_ID (TR-08)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanGetTaxResidence: bank.id });
      expect((await list(bank.id, 'CUSTOMER_ID', token).expect(404)).body).toEqual(
        customerNotFound('CUSTOMER_ID'),
      );
    });

    it('answers 404 OBP-30046 for a customer of another bank', async () => {
      const { customer } = await t.seed.customer();
      await seedResidence(customer.id);
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanGetTaxResidence: other.id });
      expect((await list(other.id, customer.id, token).expect(404)).body).toEqual(
        customerNotFound(customer.id),
      );
    });
  });

  describe('DELETE /banks/BANK_ID/customers/CUSTOMER_ID/tax_residencies/TAX_RESIDENCE_ID', () => {
    it('answers 200 with the JSON body true and the residence is gone (TR-06d)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({
        CanCreateTaxResidence: bank.id,
        CanGetTaxResidence: bank.id,
        CanDeleteTaxResidence: bank.id,
      });
      const created = await create(bank.id, customer.id, token, TR).expect(201);
      const res = await remove(bank.id, customer.id, created.body.tax_residence_id, token).expect(
        200,
      );
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toBe(true);
      expect((await list(bank.id, customer.id, token).expect(200)).body).toEqual({
        tax_residence: [],
      });
    });

    it('answers 400 OBP-50200 <- OBP-30300 when deleting twice', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedResidence(customer.id);
      const token = await t.seed.token({ CanDeleteTaxResidence: bank.id });
      await remove(bank.id, customer.id, row.id, token).expect(200);
      expect((await remove(bank.id, customer.id, row.id, token).expect(400)).body).toEqual(
        NOT_FOUND,
      );
    });

    it.each([
      ['an unknown uuid (TR-16)', UNKNOWN_UUID],
      ['a non-uuid id', 'TAX_RESIDENCE_ID'],
    ])('answers 400 OBP-50200 <- OBP-30300 for %s', async (_name, id) => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanDeleteTaxResidence: bank.id });
      expect((await remove(bank.id, customer.id, id, token).expect(400)).body).toEqual(NOT_FOUND);
    });

    it('answers 400 OBP-50200 <- OBP-30300 for a residence of another customer, keeping it (TR-17)', async () => {
      const { bank, customer } = await t.seed.customer();
      const { customer: owner } = await t.seed.customer(bank);
      const row = await seedResidence(owner.id);
      const token = await t.seed.token({ CanDeleteTaxResidence: bank.id });
      expect((await remove(bank.id, customer.id, row.id, token).expect(400)).body).toEqual(
        NOT_FOUND,
      );
      expect(await stored(owner.id)).toBe(1);
    });

    it('is served under v4.0.0', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedResidence(customer.id);
      const token = await t.seed.token({ CanDeleteTaxResidence: bank.id });
      await remove(bank.id, customer.id, row.id, token, 'v4.0.0').expect(200);
    });

    it('answers 401 OBP-20001 without a token, keeping the row (TR-03)', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedResidence(customer.id);
      expect((await remove(bank.id, customer.id, row.id).expect(401)).body).toEqual(NOT_LOGGED_IN);
      expect(await stored(customer.id)).toBe(1);
    });

    it('answers 403 OBP-20006 without CanDeleteTaxResidence, keeping the row (TR-09)', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedResidence(customer.id);
      const res = await remove(bank.id, customer.id, row.id, await t.seed.token()).expect(403);
      expect(res.body).toEqual(missingRole('CanDeleteTaxResidence', bank.id));
      expect(await stored(customer.id)).toBe(1);
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const row = await seedResidence(customer.id);
      const token = await t.seed.token({ CanDeleteTaxResidence: (await t.seed.bank()).id });
      await remove(bank.id, customer.id, row.id, token).expect(403);
      expect(await stored(customer.id)).toBe(1);
    });

    it('answers 404 OBP-30001 for an unknown bank', async () => {
      const res = await remove(
        'no-such-bank',
        UNKNOWN_UUID,
        UNKNOWN_UUID,
        await t.seed.token(),
      ).expect(404);
      expect(res.body).toEqual(bankNotFound('no-such-bank'));
    });

    it('answers 404 OBP-30046 for the literal CUSTOMER_ID, before the residence id (TR-10)', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanDeleteTaxResidence: bank.id });
      const res = await remove(bank.id, 'CUSTOMER_ID', 'TAX_RESIDENCE_ID', token).expect(404);
      expect(res.body).toEqual(customerNotFound('CUSTOMER_ID'));
    });

    it('answers 404 OBP-30046 for a customer of another bank, keeping the row', async () => {
      const { customer } = await t.seed.customer();
      const row = await seedResidence(customer.id);
      const other = await t.seed.bank();
      const token = await t.seed.token({ CanDeleteTaxResidence: other.id });
      expect((await remove(other.id, customer.id, row.id, token).expect(404)).body).toEqual(
        customerNotFound(customer.id),
      );
      expect(await stored(customer.id)).toBe(1);
    });
  });
});
