import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/common/auth/roles';
import type { BankEntity } from '../../src/modules/bank/bank.entity';
import type { CustomerEntity } from '../../src/modules/customer/customer.entity';
import { KycCheckEntity } from '../../src/modules/kyc/kyc-check.entity';
import { KycDocumentEntity } from '../../src/modules/kyc/kyc-document.entity';
import { KycMediaEntity } from '../../src/modules/kyc/kyc-media.entity';
import { KycStatusEntity } from '../../src/modules/kyc/kyc-status.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN, customerNotFound, missingRole } from '../support/obp-error-bodies';

const V = '/obp/v3.1.0';
const badJson = (className: string, detail: string) => ({
  code: 400,
  message: `OBP-10001: Incorrect json format. The Json body should be the ${className} (${detail})`,
});
const DATE_PROBLEM = 'must be a date like 2017-09-19T00:00:00Z';

type Entity = typeof KycCheckEntity | typeof KycDocumentEntity | typeof KycMediaEntity;

/** The three KYC resources whose id the client chooses in the PUT path ([K §6.2]–[K §6.4]). */
interface IdResource {
  name: string;
  putSegment: string;
  getSegment: string;
  idName: string;
  addRole: Role;
  getRole: Role;
  wrapper: string;
  className: string;
  entity: Entity;
  body: Record<string, unknown>;
  /** A field change that a replace must show. */
  change: Record<string, unknown>;
  /** [what is wrong, the body, the validator's detail] */
  malformed: [string, Record<string, unknown>, string][];
}

const checkBody = {
  customer_number: '5987953',
  date: '2017-09-19T00:00:00Z',
  how: 'online_meeting',
  staff_user_id: '67876',
  staff_name: 'Simon',
  satisfied: true,
  comments: 'All documents seen.',
};
const documentBody = {
  customer_number: '5987953',
  type: 'passport',
  number: '12345',
  issue_date: '2015-01-01T00:00:00Z',
  issue_place: 'Berlin',
  expiry_date: '2025-01-01T00:00:00Z',
};
const mediaBody = {
  customer_number: '5987953',
  type: 'image',
  url: 'http://www.example.com/id-docs/123/image.png',
  date: '2017-09-19T00:00:00Z',
  relates_to_kyc_document_id: 'd1',
  relates_to_kyc_check_id: 'c1',
};
const statusBody = { customer_number: '5987953', ok: true, date: '2017-09-19T00:00:00Z' };

const without = (body: Record<string, unknown>, field: string): Record<string, unknown> => {
  const copy = { ...body };
  delete copy[field];
  return copy;
};

const RESOURCES: IdResource[] = [
  {
    name: 'check',
    putSegment: 'kyc_check',
    getSegment: 'kyc_checks',
    idName: 'KYC_CHECK_ID',
    addRole: 'CanAddKycCheck',
    getRole: 'CanGetAnyKycChecks',
    wrapper: 'checks',
    className: 'PostKycCheckJSON',
    entity: KycCheckEntity,
    body: checkBody,
    change: { how: 'in_branch', satisfied: false },
    malformed: [
      ['an empty body', {}, 'customer_number must be a string'],
      ['a missing field', without(checkBody, 'staff_user_id'), 'staff_user_id must be a string'],
      ['null for a string', { ...checkBody, comments: null }, 'comments must be a string'],
      [
        'an object for a string',
        { ...checkBody, staff_name: { a: 1 } },
        'staff_name must be a string',
      ],
      [
        'a string for a boolean',
        { ...checkBody, satisfied: 'true' },
        'satisfied must be a boolean value',
      ],
      [
        'null for a boolean',
        { ...checkBody, satisfied: null },
        'satisfied must be a boolean value',
      ],
      [
        'an impossible date',
        { ...checkBody, date: '2017-02-30T00:00:00Z' },
        `date ${DATE_PROBLEM}`,
      ],
      [
        'a date with milliseconds',
        { ...checkBody, date: '2017-09-19T00:00:00.000Z' },
        `date ${DATE_PROBLEM}`,
      ],
      ['a date without time', { ...checkBody, date: '2017-09-19' }, `date ${DATE_PROBLEM}`],
      [
        'a date with an offset',
        { ...checkBody, date: '2017-09-19T00:00:00+02:00' },
        `date ${DATE_PROBLEM}`,
      ],
      [
        'a date with trailing text',
        { ...checkBody, date: '2017-09-19T00:00:00Zjunk' },
        `date ${DATE_PROBLEM}`,
      ],
      ['a number for a date', { ...checkBody, date: 1505779200 }, `date ${DATE_PROBLEM}`],
      [
        'a 33-character how',
        { ...checkBody, how: 'h'.repeat(33) },
        'how must be shorter than or equal to 32 characters',
      ],
      [
        'a 51-character customer_number',
        { ...checkBody, customer_number: '1'.repeat(51) },
        'customer_number must be shorter than or equal to 50 characters',
      ],
      [
        'a 2001-character comment',
        { ...checkBody, comments: 'c'.repeat(2001) },
        'comments must be shorter than or equal to 2000 characters',
      ],
    ],
  },
  {
    name: 'document',
    putSegment: 'kyc_documents',
    getSegment: 'kyc_documents',
    idName: 'KYC_DOCUMENT_ID',
    addRole: 'CanAddKycDocument',
    getRole: 'CanGetAnyKycDocuments',
    wrapper: 'documents',
    className: 'PostKycDocumentJSON',
    entity: KycDocumentEntity,
    body: documentBody,
    change: { number: '99999', expiry_date: '2030-06-30T12:00:00Z' },
    malformed: [
      ['an empty body', {}, 'customer_number must be a string'],
      ['a missing field', without(documentBody, 'expiry_date'), `expiry_date ${DATE_PROBLEM}`],
      ['null for a string', { ...documentBody, number: null }, 'number must be a string'],
      ['an array for a string', { ...documentBody, type: ['passport'] }, 'type must be a string'],
      [
        'a date without time',
        { ...documentBody, issue_date: '2015-01-01' },
        `issue_date ${DATE_PROBLEM}`,
      ],
      [
        'a date with milliseconds',
        { ...documentBody, issue_date: '2015-01-01T00:00:00.000Z' },
        `issue_date ${DATE_PROBLEM}`,
      ],
      [
        'an impossible date',
        { ...documentBody, expiry_date: '2017-02-30T00:00:00Z' },
        `expiry_date ${DATE_PROBLEM}`,
      ],
      ['null for a date', { ...documentBody, issue_date: null }, `issue_date ${DATE_PROBLEM}`],
      [
        'a 51-character type',
        { ...documentBody, type: 't'.repeat(51) },
        'type must be shorter than or equal to 50 characters',
      ],
      [
        'a 513-character issue_place',
        { ...documentBody, issue_place: 'p'.repeat(513) },
        'issue_place must be shorter than or equal to 512 characters',
      ],
    ],
  },
  {
    name: 'media',
    putSegment: 'kyc_media',
    getSegment: 'kyc_media',
    idName: 'KYC_MEDIA_ID',
    addRole: 'CanAddKycMedia',
    getRole: 'CanGetAnyKycMedia',
    wrapper: 'medias',
    className: 'PostKycMediaJSON',
    entity: KycMediaEntity,
    body: mediaBody,
    change: { url: 'http://www.example.com/id-docs/123/image-2.png', relates_to_kyc_check_id: '' },
    malformed: [
      ['an empty body', {}, 'customer_number must be a string'],
      [
        'a missing field',
        without(mediaBody, 'relates_to_kyc_check_id'),
        'relates_to_kyc_check_id must be a string',
      ],
      ['null for a string', { ...mediaBody, url: null }, 'url must be a string'],
      [
        'a date with milliseconds',
        { ...mediaBody, date: '2017-09-19T00:00:00.000Z' },
        `date ${DATE_PROBLEM}`,
      ],
      [
        'an impossible date',
        { ...mediaBody, date: '2017-02-30T00:00:00Z' },
        `date ${DATE_PROBLEM}`,
      ],
      [
        'a 45-character customer_number (the media column is narrower)',
        { ...mediaBody, customer_number: '1'.repeat(45) },
        'customer_number must be shorter than or equal to 44 characters',
      ],
      [
        'a 256-character url',
        { ...mediaBody, url: 'u'.repeat(256) },
        'url must be shorter than or equal to 255 characters',
      ],
    ],
  },
];

describe('KYC (v2.0.0 endpoints)', () => {
  let t: TestApp;
  /** Logins dominate the run time, so most tests share these and make their own customers. */
  let home: BankEntity;
  let staff: string; // every KYC role: the add roles at `home`, the get roles system-wide
  let nobody: string; // no role at all
  beforeAll(async () => {
    t = await createTestApp();
    home = await t.seed.bank();
    staff = await t.seed.token({
      CanAddKycCheck: home.id,
      CanAddKycDocument: home.id,
      CanAddKycMedia: home.id,
      CanAddKycStatus: home.id,
      CanGetAnyKycChecks: '',
      CanGetAnyKycDocuments: '',
      CanGetAnyKycMedia: '',
      CanGetAnyKycStatuses: '',
    });
    nobody = await t.seed.token();
  });
  afterAll(() => t.close());

  describe.each(RESOURCES)('PUT /banks/BANK_ID/customers/CUSTOMER_ID/$putSegment/$idName', (r) => {
    const putUrl = (bankId: string, customerId: string, id: string, version = V) =>
      `${version}/banks/${bankId}/customers/${customerId}/${r.putSegment}/${encodeURIComponent(id)}`;
    const getUrl = (customerId: string, version = V) =>
      `${version}/customers/${customerId}/${r.getSegment}`;
    const rowsOf = (customerId: string) => t.db.getRepository(r.entity).countBy({ customerId });

    it('answers 201 with the stored item and GET lists it', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      const expected = { bank_id: bank.id, customer_id: customer.id, id: 'x-1', ...r.body };
      const res = await t.http
        .put(putUrl(bank.id, customer.id, 'x-1'))
        .set(t.auth(token))
        .send(r.body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expected);
      const list = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(list.body).toEqual({ [r.wrapper]: [expected] });
    });

    it('accepts a JSON number for a string field and stores its text', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      const res = await t.http
        .put(putUrl(bank.id, customer.id, 'num'))
        .set(t.auth(token))
        .send({ ...r.body, customer_number: 5987953 });
      expect(res.status).toBe(201);
      expect(res.body.customer_number).toBe('5987953');
    });

    it('replaces every field on a second PUT of the same id, keeps the creation time and answers 201', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      await t.http
        .put(putUrl(bank.id, customer.id, 'r1'))
        .set(t.auth(token))
        .send(r.body)
        .expect(201);
      const before = await t.db.getRepository(r.entity).findOneByOrFail({ id: 'r1' });
      const replaced = { ...r.body, ...r.change };
      const res = await t.http
        .put(putUrl(bank.id, customer.id, 'r1'))
        .set(t.auth(token))
        .send(replaced);
      const expected = { bank_id: bank.id, customer_id: customer.id, id: 'r1', ...replaced };
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expected);
      const list = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(list.body).toEqual({ [r.wrapper]: [expected] });
      const after = await t.db.getRepository(r.entity).findOneByOrFail({ id: 'r1' });
      expect(after.createdAt).toEqual(before.createdAt);
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    });

    it('lists the most recently created or updated first', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      for (const id of ['o1', 'o2', 'o3', 'o1']) {
        await t.http
          .put(putUrl(bank.id, customer.id, id))
          .set(t.auth(token))
          .send(r.body)
          .expect(201);
      }
      const list = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(list.body[r.wrapper].map((i: { id: string }) => i.id)).toEqual(['o1', 'o3', 'o2']);
    });

    it('answers 409 OBP-30320 when the id belongs to another customer, and does not move the row', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const { customer: other } = await t.seed.customer(bank);
      const token = staff;
      const first = await t.http
        .put(putUrl(bank.id, customer.id, 'shared'))
        .set(t.auth(token))
        .send(r.body);
      expect(first.status).toBe(201);
      const res = await t.http
        .put(putUrl(bank.id, other.id, 'shared'))
        .set(t.auth(token))
        .send({ ...r.body, ...r.change });
      expect(res.body).toEqual({
        code: 409,
        message: `OBP-30320: This KYC id already belongs to another customer. Current ${r.idName}(shared)`,
      });
      expect(res.status).toBe(409);
      const mine = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(mine.body).toEqual({ [r.wrapper]: [first.body] });
      const theirs = await t.http.get(getUrl(other.id)).set(t.auth(token)).expect(200);
      expect(theirs.body).toEqual({ [r.wrapper]: [] });
    });

    it('answers 409 for an id used by a customer of another bank', async () => {
      const { bank, customer } = await t.seed.customer();
      const { bank: bank2, customer: other } = await t.seed.customer();
      const token = await t.seed.token({ [r.addRole]: [bank.id, bank2.id] });
      await t.http
        .put(putUrl(bank.id, customer.id, 'xbank'))
        .set(t.auth(token))
        .send(r.body)
        .expect(201);
      const res = await t.http
        .put(putUrl(bank2.id, other.id, 'xbank'))
        .set(t.auth(token))
        .send(r.body);
      expect(res.status).toBe(409);
      expect(await t.db.getRepository(r.entity).findOneByOrFail({ id: 'xbank' })).toMatchObject({
        bankId: bank.id,
        customerId: customer.id,
      });
    });

    it('never creates two rows for 20 concurrent PUTs of one new id', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () =>
          t.http
            .put(putUrl(bank.id, customer.id, 'race'))
            .set(t.auth(token))
            .send(r.body)
            .then((res) => res.status),
        ),
      );
      expect(statuses).toEqual(Array(20).fill(201));
      expect(await t.db.getRepository(r.entity).countBy({ id: 'race' })).toBe(1);
    });

    it('gives one id to exactly one customer when two customers race for it', async () => {
      const { bank, customer: a } = await t.seed.customer(home);
      const { customer: b } = await t.seed.customer(bank);
      const token = staff;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b)).map((c) =>
          t.http
            .put(putUrl(bank.id, c.id, 'duel'))
            .set(t.auth(token))
            .send(r.body)
            .then((res) => ({ customerId: c.id, status: res.status })),
        ),
      );
      const rows = await t.db.getRepository(r.entity).findBy({ id: 'duel' });
      expect(rows).toHaveLength(1);
      for (const result of results) {
        expect(result.status).toBe(result.customerId === rows[0].customerId ? 201 : 409);
      }
    });

    it('accepts a 44-character id and answers 400 OBP-10001 for a 45-character one, storing nothing', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      await t.http
        .put(putUrl(bank.id, customer.id, 'i'.repeat(44)))
        .set(t.auth(token))
        .send(r.body)
        .expect(201);
      const res = await t.http
        .put(putUrl(bank.id, customer.id, 'i'.repeat(45)))
        .set(t.auth(token))
        .send(r.body);
      expect(res.body).toEqual({
        code: 400,
        message: `OBP-10001: Incorrect json format. ${r.idName} must be at most 44 characters.`,
      });
      expect(await rowsOf(customer.id)).toBe(1);
    });

    it('is served under /obp/v2.0.0 and /obp/v5.1.0 as well', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      const v2 = await t.http
        .put(putUrl(bank.id, customer.id, 'v2', '/obp/v2.0.0'))
        .set(t.auth(token))
        .send(r.body);
      expect(v2.status).toBe(201);
      expect(v2.body).toEqual({ bank_id: bank.id, customer_id: customer.id, id: 'v2', ...r.body });
      await t.http
        .put(putUrl(bank.id, customer.id, 'v5', '/obp/v5.1.0'))
        .set(t.auth(token))
        .send(r.body)
        .expect(201);
      const list = await t.http
        .get(getUrl(customer.id, '/obp/v2.0.0'))
        .set(t.auth(token))
        .expect(200);
      expect(list.body[r.wrapper].map((i: { id: string }) => i.id).sort()).toEqual(['v2', 'v5']);
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await t.http.put(putUrl(bank.id, customer.id, 'anon')).send(r.body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 without the role', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = nobody;
      const res = await t.http
        .put(putUrl(bank.id, customer.id, 'norole'))
        .set(t.auth(token))
        .send(r.body);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(missingRole(r.addRole, bank.id));
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ [r.addRole]: (await t.seed.bank()).id });
      const res = await t.http
        .put(putUrl(bank.id, customer.id, 'elsewhere'))
        .set(t.auth(token))
        .send(r.body);
      expect(res.body).toEqual(missingRole(r.addRole, bank.id));
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it('answers 403 for an unknown BANK_ID when the caller lacks the role (the role is checked first)', async () => {
      const { customer } = await t.seed.customer();
      const token = nobody;
      const res = await t.http
        .put(putUrl('no-such-bank', customer.id, 'nb'))
        .set(t.auth(token))
        .send(r.body);
      expect(res.body).toEqual(missingRole(r.addRole, 'no-such-bank'));
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID when the role is held at that id', async () => {
      const { customer } = await t.seed.customer();
      const token = await t.seed.token({ [r.addRole]: 'no-such-bank' });
      const res = await t.http
        .put(putUrl('no-such-bank', customer.id, 'nb'))
        .set(t.auth(token))
        .send(r.body);
      expect(res.body).toEqual({
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is no-such-bank',
      });
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it('answers 404 OBP-30046 for an unknown CUSTOMER_ID, even with a bad body (customer before body)', async () => {
      const [bank, token] = [home, staff];
      const unknown = randomUUID();
      const res = await t.http
        .put(putUrl(bank.id, unknown, 'nc'))
        .set(t.auth(token))
        .send({});
      expect(res.body).toEqual(customerNotFound(unknown));
      const literal = await t.http
        .put(putUrl(bank.id, 'CUSTOMER_ID', 'nc'))
        .set(t.auth(token))
        .send(r.body);
      expect(literal.body).toEqual(customerNotFound('CUSTOMER_ID'));
    });

    it('answers 404 OBP-30046 for a customer of another bank', async () => {
      const { customer } = await t.seed.customer();
      const bank2 = await t.seed.bank();
      const token = await t.seed.token({ [r.addRole]: bank2.id });
      const res = await t.http
        .put(putUrl(bank2.id, customer.id, 'cross'))
        .set(t.auth(token))
        .send(r.body);
      expect(res.body).toEqual(customerNotFound(customer.id));
      expect(await rowsOf(customer.id)).toBe(0);
    });

    describe('malformed input', () => {
      // one customer for all cases: none of them may store anything
      let bankId: string;
      let customerId: string;
      let token: string;
      beforeAll(async () => {
        const { customer } = await t.seed.customer(home);
        [bankId, customerId, token] = [home.id, customer.id, staff];
      });
      afterEach(async () => expect(await rowsOf(customerId)).toBe(0));

      it.each(r.malformed)(
        'answers 400 OBP-10001 for %s and stores nothing',
        async (_what, body, detail) => {
          const res = await t.http
            .put(putUrl(bankId, customerId, 'bad'))
            .set(t.auth(token))
            .send(body);
          expect(res.body).toEqual(badJson(r.className, detail));
          expect(res.status).toBe(400);
        },
      );

      it('answers 400 OBP-10001 for a body that is not a JSON object', async () => {
        const res = await t.http
          .put(putUrl(bankId, customerId, 'bad'))
          .set(t.auth(token))
          .set('Content-Type', 'application/json')
          .send('[]');
        expect(res.body).toEqual(badJson(r.className, 'the body must be a JSON object'));
      });

      it('answers 400, never 5xx, for an id PostgreSQL cannot store (a NUL character)', async () => {
        const res = await t.http
          .put(putUrl(bankId, customerId, 'a\u0000b'))
          .set(t.auth(token))
          .send(r.body);
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/^OBP-10001: Incorrect json format\./);
      });
    });
  });

  describe.each(RESOURCES)('GET /customers/CUSTOMER_ID/$getSegment', (r) => {
    const getUrl = (customerId: string) => `${V}/customers/${customerId}/${r.getSegment}`;

    it('answers 200 with an empty list for a customer without any', async () => {
      const { customer } = await t.seed.customer();
      const token = staff;
      const res = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(res.body).toEqual({ [r.wrapper]: [] });
    });

    it("lists only this customer's items", async () => {
      const { bank, customer } = await t.seed.customer(home);
      const { customer: other } = await t.seed.customer(bank);
      const token = staff;
      const url = (c: string, id: string) =>
        `${V}/banks/${bank.id}/customers/${c}/${r.putSegment}/${id}`;
      await t.http.put(url(customer.id, 'mine')).set(t.auth(token)).send(r.body).expect(201);
      await t.http.put(url(other.id, 'theirs')).set(t.auth(token)).send(r.body).expect(201);
      const res = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(res.body).toEqual({
        [r.wrapper]: [{ bank_id: bank.id, customer_id: customer.id, id: 'mine', ...r.body }],
      });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const { customer } = await t.seed.customer();
      const res = await t.http.get(getUrl(customer.id));
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 (system role, no bank suffix) without the role', async () => {
      const { customer } = await t.seed.customer();
      const token = nobody;
      const res = await t.http.get(getUrl(customer.id)).set(t.auth(token));
      expect(res.status).toBe(403);
      expect(res.body).toEqual(missingRole(r.getRole));
    });

    it('answers 403 when the system role is recorded at a bank only (it counts only system-wide)', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ [r.getRole]: bank.id });
      const res = await t.http.get(getUrl(customer.id)).set(t.auth(token));
      expect(res.body).toEqual(missingRole(r.getRole));
    });

    it('answers 404 OBP-30046 for an unknown CUSTOMER_ID', async () => {
      const token = staff;
      const unknown = randomUUID();
      const res = await t.http.get(getUrl(unknown)).set(t.auth(token));
      expect(res.body).toEqual(customerNotFound(unknown));
      expect(res.status).toBe(404);
    });
  });

  describe('resource docs', () => {
    it('lists the 8 KYC endpoints under the KYC tag, as implemented in v2.0.0, with their roles', async () => {
      const res = await t.http.get(`${V}/resource-docs/v3.1.0/obp?tags=KYC`).expect(200);
      const docs = (
        res.body.resource_docs as { operation_id: string; roles?: { role: string }[] }[]
      ).filter((d) => d.operation_id.startsWith('OBPv2.0.0-'));
      expect(docs.map((d) => [d.operation_id, d.roles?.map((r) => r.role)]).sort()).toEqual([
        ['OBPv2.0.0-addKycCheck', ['CanAddKycCheck']],
        ['OBPv2.0.0-addKycDocument', ['CanAddKycDocument']],
        ['OBPv2.0.0-addKycMedia', ['CanAddKycMedia']],
        ['OBPv2.0.0-addKycStatus', ['CanAddKycStatus']],
        ['OBPv2.0.0-getKycChecks', ['CanGetAnyKycChecks']],
        ['OBPv2.0.0-getKycDocuments', ['CanGetAnyKycDocuments']],
        ['OBPv2.0.0-getKycMedia', ['CanGetAnyKycMedia']],
        ['OBPv2.0.0-getKycStatuses', ['CanGetAnyKycStatuses']],
      ]);
    });
  });

  describe('the same id for a check, a document and a media item', () => {
    it('keeps three separate resources', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      for (const r of RESOURCES) {
        await t.http
          .put(`${V}/banks/${bank.id}/customers/${customer.id}/${r.putSegment}/x1`)
          .set(t.auth(token))
          .send(r.body)
          .expect(201);
      }
      for (const r of RESOURCES)
        expect(await t.db.getRepository(r.entity).countBy({ id: 'x1' })).toBe(1);
    });
  });

  describe('PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_statuses', () => {
    const putUrl = (bankId: string, customerId: string, version = V) =>
      `${version}/banks/${bankId}/customers/${customerId}/kyc_statuses`;
    const getUrl = (customerId: string, version = V) =>
      `${version}/customers/${customerId}/kyc_statuses`;
    const rowsOf = (customerId: string) =>
      t.db.getRepository(KycStatusEntity).countBy({ customerId });
    // the malformed-body cases share one customer: none of them may store anything
    let badInput: { bank: BankEntity; customer: CustomerEntity } | undefined;

    it('answers 201 with the status (no bank_id, no id) and GET lists it', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      const res = await t.http
        .put(putUrl(bank.id, customer.id))
        .set(t.auth(token))
        .send(statusBody);
      const expected = { customer_id: customer.id, ...statusBody };
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expected);
      const list = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(list.body).toEqual({ statuses: [expected] });
      expect(
        await t.db.getRepository(KycStatusEntity).findOneByOrFail({ customerId: customer.id }),
      ).toMatchObject({
        bankId: bank.id,
      });
    });

    it('appends to a timeline: every PUT is kept, newest first', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      const bodies = [
        { customer_number: '5987953', ok: false, date: '2017-09-19T00:00:00Z' },
        { customer_number: '5987953', ok: true, date: '2017-09-20T00:00:00Z' },
        { customer_number: 5987953, ok: true, date: '2017-09-21T10:11:12Z' },
      ];
      for (const body of bodies) {
        await t.http.put(putUrl(bank.id, customer.id)).set(t.auth(token)).send(body).expect(201);
      }
      const list = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(list.body).toEqual({
        statuses: [...bodies]
          .reverse()
          .map((b) => ({ customer_id: customer.id, ...b, customer_number: '5987953' })),
      });
    });

    it('is served under /obp/v2.0.0 as well', async () => {
      const { bank, customer } = await t.seed.customer(home);
      const token = staff;
      const res = await t.http
        .put(putUrl(bank.id, customer.id, '/obp/v2.0.0'))
        .set(t.auth(token))
        .send(statusBody);
      expect(res.status).toBe(201);
      const list = await t.http
        .get(getUrl(customer.id, '/obp/v2.0.0'))
        .set(t.auth(token))
        .expect(200);
      expect(list.body).toEqual({ statuses: [{ customer_id: customer.id, ...statusBody }] });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await t.http.put(putUrl(bank.id, customer.id)).send(statusBody);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 without the role', async () => {
      const { bank, customer } = await t.seed.customer();
      const res = await t.http
        .put(putUrl(bank.id, customer.id))
        .set(t.auth(nobody))
        .send(statusBody);
      expect(res.body).toEqual(missingRole('CanAddKycStatus', bank.id));
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it('answers 403 OBP-20006 when the role is held at another bank only', async () => {
      const { bank, customer } = await t.seed.customer();
      const token = await t.seed.token({ CanAddKycStatus: (await t.seed.bank()).id });
      const res = await t.http
        .put(putUrl(bank.id, customer.id))
        .set(t.auth(token))
        .send(statusBody);
      expect(res.body).toEqual(missingRole('CanAddKycStatus', bank.id));
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it('answers 403 for an unknown BANK_ID without the role, 404 OBP-30001 with the role at that id', async () => {
      const { customer } = await t.seed.customer();
      const without = await t.http
        .put(putUrl('no-such-bank', customer.id))
        .set(t.auth(nobody))
        .send(statusBody);
      expect(without.body).toEqual(missingRole('CanAddKycStatus', 'no-such-bank'));
      const token = await t.seed.token({ CanAddKycStatus: 'no-such-bank' });
      const res = await t.http
        .put(putUrl('no-such-bank', customer.id))
        .set(t.auth(token))
        .send(statusBody);
      expect(res.body).toEqual({
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is no-such-bank',
      });
    });

    it('answers 404 OBP-30046 for an unknown customer or a customer of another bank', async () => {
      const { customer } = await t.seed.customer();
      const bank2 = await t.seed.bank();
      const token = await t.seed.token({ CanAddKycStatus: bank2.id });
      const unknown = randomUUID();
      const res = await t.http.put(putUrl(bank2.id, unknown)).set(t.auth(token)).send({});
      expect(res.body).toEqual(customerNotFound(unknown));
      const cross = await t.http
        .put(putUrl(bank2.id, customer.id))
        .set(t.auth(token))
        .send(statusBody);
      expect(cross.body).toEqual(customerNotFound(customer.id));
      expect(await rowsOf(customer.id)).toBe(0);
    });

    it.each([
      ['an empty body', {}, 'customer_number must be a string'],
      ['a missing ok', without(statusBody, 'ok'), 'ok must be a boolean value'],
      ['a string for ok', { ...statusBody, ok: 'true' }, 'ok must be a boolean value'],
      ['null for ok', { ...statusBody, ok: null }, 'ok must be a boolean value'],
      ['a number for ok', { ...statusBody, ok: 1 }, 'ok must be a boolean value'],
      [
        'null for customer_number',
        { ...statusBody, customer_number: null },
        'customer_number must be a string',
      ],
      [
        'an impossible date',
        { ...statusBody, date: '2017-02-30T00:00:00Z' },
        `date ${DATE_PROBLEM}`,
      ],
      [
        'a date with milliseconds',
        { ...statusBody, date: '2017-09-19T00:00:00.000Z' },
        `date ${DATE_PROBLEM}`,
      ],
      ['null for the date', { ...statusBody, date: null }, `date ${DATE_PROBLEM}`],
      [
        'a 65-character customer_number',
        { ...statusBody, customer_number: '1'.repeat(65) },
        'customer_number must be shorter than or equal to 64 characters',
      ],
    ])('answers 400 OBP-10001 for %s and stores nothing', async (_what, body, detail) => {
      const { bank, customer } = (badInput ??= await t.seed.customer(home));
      const res = await t.http.put(putUrl(bank.id, customer.id)).set(t.auth(staff)).send(body);
      expect(res.body).toEqual(badJson('PostKycStatusJSON', detail));
      expect(res.status).toBe(400);
      expect(await rowsOf(customer.id)).toBe(0);
    });
  });

  describe('GET /customers/CUSTOMER_ID/kyc_statuses', () => {
    const getUrl = (customerId: string) => `${V}/customers/${customerId}/kyc_statuses`;

    it('answers 200 with an empty list for a customer without any', async () => {
      const { customer } = await t.seed.customer();
      const token = staff;
      const res = await t.http.get(getUrl(customer.id)).set(t.auth(token)).expect(200);
      expect(res.body).toEqual({ statuses: [] });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const { customer } = await t.seed.customer();
      const res = await t.http.get(getUrl(customer.id));
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without the role', async () => {
      const { customer } = await t.seed.customer();
      const res = await t.http.get(getUrl(customer.id)).set(t.auth(nobody));
      expect(res.body).toEqual(missingRole('CanGetAnyKycStatuses'));
    });

    it('answers 404 OBP-30046 for an unknown CUSTOMER_ID', async () => {
      const token = staff;
      const res = await t.http.get(getUrl('not-a-customer')).set(t.auth(token));
      expect(res.body).toEqual(customerNotFound('not-a-customer'));
    });
  });
});
