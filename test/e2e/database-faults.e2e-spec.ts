import { CustomerEntity } from '../../src/modules/customer/customer.entity';
import { EntitlementEntity } from '../../src/modules/entitlement/entitlement.entity';
import { kycDocumentExamples } from '../../src/modules/kyc/dto/kyc-document.dto';
import { KycDocumentEntity } from '../../src/modules/kyc/kyc-document.entity';
import { KycStatusEntity } from '../../src/modules/kyc/kyc-status.entity';
import { UserEntity } from '../../src/modules/user/user.entity';
import { withAdminClient } from '../support/database';
import { createTestApp, type TestApp } from '../support/test-app';

const V = '/obp/v3.1.0';
const CONCURRENCY = 20;
const LOAD_MS = 4000;
const KILL_AT_MS = [1000, 2500];
const UNAVAILABLE = {
  code: 503,
  message: 'OBP-50016: The service is unavailable: the database cannot be reached.',
};

/** Terminates every backend of this file's own database (other files run in parallel). */
const terminateBackends = (dbName: string): Promise<number> =>
  withAdminClient(async (client) => {
    const res = await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [dbName],
    );
    return res.rowCount ?? 0;
  });

const DUPLICATES = 10;

type Answer = { status: number; body: unknown };
/** The answers of `n` identical requests sent at once, grouped as `status → bodies`. */
async function atOnce(n: number, send: (i: number) => PromiseLike<Answer>): Promise<Answer[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => send(i)));
}
const losers = (answers: Answer[], winner: number): Answer[] =>
  answers.filter((a) => a.status !== winner);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('database faults', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('answers 2xx or 503 OBP-50016, never 500, while every backend is terminated twice under PUT load; keeps every acknowledged write', async () => {
    const { bank, customer } = await t.seed.customer();
    const token = await t.seed.token({ CanAddKycStatus: bank.id });
    const url = `${V}/banks/${bank.id}/customers/${customer.id}/kyc_statuses`;
    const put = (marker: string) =>
      t.http
        .put(url)
        .set(t.auth(token))
        .send({ customer_number: marker, ok: true, date: '2017-09-19T00:00:00Z' });

    const statuses = new Map<number, number>();
    const unexpected: unknown[] = [];
    const acknowledged: string[] = [];
    const sent: string[] = [];
    const end = Date.now() + LOAD_MS;
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; Date.now() < end; i++) {
        const marker = `m-${w}-${i}`;
        sent.push(marker);
        const res = await put(marker);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acknowledged.push(marker);
        else if (res.status !== 503 || JSON.stringify(res.body) !== JSON.stringify(UNAVAILABLE))
          unexpected.push({ status: res.status, body: res.body as unknown });
      }
    };
    const killer = async (): Promise<number[]> => {
      const start = Date.now();
      const killed: number[] = [];
      for (const at of KILL_AT_MS) {
        await sleep(at - (Date.now() - start));
        killed.push(await terminateBackends(t.dbName!));
      }
      return killed;
    };
    const [killed] = await Promise.all([
      killer(),
      ...Array.from({ length: CONCURRENCY }, (_, w) => worker(w)),
    ]);

    // the faults happened: each round terminated the server's pooled connections
    expect(killed.every((n) => n > 0)).toBe(true);
    expect(unexpected).toEqual([]);
    expect([...statuses.keys()].filter((s) => s !== 201 && s !== 503)).toEqual([]);

    // it recovers: the next write and readiness succeed
    await put('after').expect(201);
    await t.http.get('/health/ready').expect(200);

    // every acknowledged write is stored; nothing is stored that was not sent
    const stored = new Set(
      (await t.db.getRepository(KycStatusEntity).findBy({ customerId: customer.id })).map(
        (r) => r.customerNumber,
      ),
    );
    expect(acknowledged.filter((m) => !stored.has(m))).toEqual([]);
    const sentSet = new Set([...sent, 'after']);
    expect([...stored].filter((m) => !sentSet.has(m))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(100);
    // for the README's figures
    process.stdout.write(
      `database faults: ${killed.join('+')} backends terminated, ${sent.length} PUTs, ` +
        `${acknowledged.length} acknowledged, ${stored.size - 1} stored, ` +
        `${statuses.get(503) ?? 0} answered 503, ${statuses.get(500) ?? 0} answered 500\n`,
    );
  });

  describe('concurrent duplicate writes end with exactly one row; the others get their OBP error', () => {
    it('POST /users with one username', async () => {
      const username = `same.user${Date.now().toString(36)}`;
      const answers = await atOnce(DUPLICATES, () =>
        t.http.post(`${V}/users`).send({
          email: `${username}@example.com`,
          username,
          password: 'Abcdefgh1!',
          first_name: 'Felix',
          last_name: 'Smith',
        }),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(losers(answers, 201)).toEqual(
        Array.from({ length: DUPLICATES - 1 }, () =>
          expect.objectContaining({
            status: 409,
            body: {
              code: 409,
              message:
                'OBP-50005: An unspecified or internal error occurred. User with the same username already exists.',
            },
          }),
        ),
      );
      expect(await t.db.manager.countBy(UserEntity, { username })).toBe(1);
    });

    it('PUT customers/CUSTOMER_ID/number with one number for many customers', async () => {
      const bank = await t.seed.bank();
      const customers = await Promise.all(
        Array.from({ length: DUPLICATES }, async () => (await t.seed.customer(bank)).customer),
      );
      const token = await t.seed.token({ CanUpdateCustomerNumber: bank.id });
      const answers = await atOnce(DUPLICATES, (i) =>
        t.http
          .put(`${V}/banks/${bank.id}/customers/${customers[i].id}/number`)
          .set(t.auth(token))
          .send({ customer_number: 'same-number' }),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(losers(answers, 200).map((a) => a.body)).toEqual(
        Array.from({ length: DUPLICATES - 1 }, () => ({
          code: 400,
          message: `OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER. Current customer_number(same-number) and Current bank_id(${bank.id})`,
        })),
      );
      expect(
        await t.db.manager.countBy(CustomerEntity, {
          bankId: bank.id,
          customerNumber: 'same-number',
        }),
      ).toBe(1);
    });

    it('POST /users/USER_ID/entitlements with one role', async () => {
      const bank = await t.seed.bank();
      const target = await t.seed.user();
      const token = await t.seed.token({ CanCreateEntitlementAtAnyBank: '' });
      const answers = await atOnce(DUPLICATES, () =>
        t.http
          .post(`${V}/users/${target.id}/entitlements`)
          .set(t.auth(token))
          .send({ bank_id: bank.id, role_name: 'CanGetCustomer' }),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(losers(answers, 201).map((a) => a.body)).toEqual(
        Array.from({ length: DUPLICATES - 1 }, () => ({
          code: 400,
          message: 'OBP-30216: Entitlement already exists for the user.',
        })),
      );
      expect(
        await t.db.manager.countBy(EntitlementEntity, { userId: target.id, bankId: bank.id }),
      ).toBe(1);
    });

    it('PUT kyc_documents/KYC_DOCUMENT_ID with one id, from one customer and from two', async () => {
      const bank = await t.seed.bank();
      const [a, b] = [
        (await t.seed.customer(bank)).customer,
        (await t.seed.customer(bank)).customer,
      ];
      const token = await t.seed.token({ CanAddKycDocument: bank.id });
      const put = (customerId: string, id: string) =>
        t.http
          .put(`${V}/banks/${bank.id}/customers/${customerId}/kyc_documents/${id}`)
          .set(t.auth(token))
          .send(kycDocumentExamples.post);

      const same = await atOnce(DUPLICATES, () => put(a.id, 'doc-same-customer'));
      expect(same.map((r) => r.status)).toEqual(Array(DUPLICATES).fill(201));
      expect(await t.db.manager.countBy(KycDocumentEntity, { id: 'doc-same-customer' })).toBe(1);

      const split = await atOnce(DUPLICATES, (i) => put(i % 2 ? a.id : b.id, 'doc-two-customers'));
      const row = await t.db.manager.findOneByOrFail(KycDocumentEntity, {
        id: 'doc-two-customers',
      });
      const owner = row.customerId === a.id ? 0 : 1; // index parity of the owner's requests
      split.forEach((res, i) =>
        expect(res).toMatchObject(
          (i % 2 ? 0 : 1) === owner
            ? { status: 201 }
            : {
                status: 409,
                body: {
                  code: 409,
                  message:
                    'OBP-30320: This KYC id already belongs to another customer. Current KYC_DOCUMENT_ID(doc-two-customers)',
                },
              },
        ),
      );
      expect(await t.db.manager.countBy(KycDocumentEntity, { id: 'doc-two-customers' })).toBe(1);
    });
  });
});
