import { randomUUID } from 'node:crypto';
import { ObpError } from '../../src/common/errors/obp-errors';
import { IdempotencyKeyEntity } from '../../src/modules/idempotency/idempotency-key.entity';
import { KycCheckEntity } from '../../src/modules/kyc/kyc-check.entity';
import { KycStatusEntity } from '../../src/modules/kyc/kyc-status.entity';
import { UserEntity } from '../../src/modules/user/user.entity';
import { createTestApp, type TestApp } from '../support/test-app';

// the embedded store's first start (initdb in WebAssembly) takes seconds, more on a busy machine
jest.setTimeout(180_000);

const V = '/obp/v3.1.0';
const status = (ok: boolean) => ({
  customer_number: '5987953',
  ok,
  date: '2017-09-19T00:00:00Z',
});
const REPLAYED = 'idempotent-replayed';
const error = (e: { status: number; message: string }) => ({ code: e.status, message: e.message });

/**
 * `Idempotency-Key` (issue 15) on a write that appends a row on every execution (PUT kyc_statuses,
 * a timeline), so the rows count the executions.
 */
async function statusWriter(t: TestApp) {
  const { bank, customer } = await t.seed.customer();
  const { user, token } = await t.seed.userWithToken({ CanAddKycStatus: bank.id });
  const url = `${V}/banks/${bank.id}/customers/${customer.id}/kyc_statuses`;
  const put = (key: string | undefined, body: object = status(true), as = token) => {
    const req = t.http.put(url).set(t.auth(as));
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const rows = () => t.db.manager.countBy(KycStatusEntity, { customerId: customer.id });
  return { bank, customer, user, token, url, put, rows };
}

describe('Idempotency-Key on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('changes nothing without the header: every request runs, no key is stored', async () => {
    const w = await statusWriter(t);
    const first = await w.put(undefined);
    const second = await w.put(undefined);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.headers[REPLAYED]).toBeUndefined();
    expect(second.headers[REPLAYED]).toBeUndefined();
    expect(await w.rows()).toBe(2);
    expect(await t.db.manager.countBy(IdempotencyKeyEntity, { userId: w.user.id })).toBe(0);
  });

  it('runs a request once per key and replays its answer byte for byte, marked Idempotent-Replayed', async () => {
    const w = await statusWriter(t);
    const key = randomUUID();
    const first = await w.put(key);
    expect(first.status).toBe(201);
    expect(first.headers[REPLAYED]).toBeUndefined();
    const again = await w.put(key);
    expect(again.status).toBe(201);
    expect(again.headers[REPLAYED]).toBe('true');
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.body).toEqual({
      customer_id: w.customer.id,
      customer_number: '5987953',
      ok: true,
      date: '2017-09-19T00:00:00Z',
    });
    expect(await w.rows()).toBe(1);
    const stored = await t.db.manager.findOneByOrFail(IdempotencyKeyEntity, {
      userId: w.user.id,
      key,
    });
    expect(stored.responseStatus).toBe(201);
    expect(stored.responseBody?.toString()).toBe(first.text);
  });

  it('answers 422 OBP-10061 for the key with another body or another path, and runs nothing', async () => {
    const w = await statusWriter(t);
    const key = randomUUID();
    expect((await w.put(key)).status).toBe(201);
    const otherBody = await w.put(key, status(false));
    expect(otherBody.status).toBe(422);
    expect(otherBody.body).toEqual(error(ObpError.IdempotencyKeyReused));
    const other = await t.seed.customer(w.bank);
    const otherPath = await t.http
      .put(`${V}/banks/${w.bank.id}/customers/${other.customer.id}/kyc_statuses`)
      .set(t.auth(w.token))
      .set('Idempotency-Key', key)
      .send(status(true));
    expect(otherPath.status).toBe(422);
    expect(otherPath.body).toEqual(error(ObpError.IdempotencyKeyReused));
    expect(await w.rows()).toBe(1);
    expect(await t.db.manager.countBy(KycStatusEntity, { customerId: other.customer.id })).toBe(0);
  });

  it('runs 20 concurrent requests with one key exactly once; the others replay or get 409 OBP-10062', async () => {
    const w = await statusWriter(t);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => w.put(key)));
    expect(await w.rows()).toBe(1);
    const created = answers.filter((r) => r.status === 201);
    const busy = answers.filter((r) => r.status === 409);
    expect(created.length + busy.length).toBe(20);
    expect(created.filter((r) => r.headers[REPLAYED] === undefined)).toHaveLength(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    for (const r of busy) expect(r.body).toEqual(error(ObpError.IdempotencyKeyInProgress));
    // once the first has answered, every repeat is a replay
    const later = await w.put(key);
    expect([later.status, later.headers[REPLAYED], later.text]).toEqual([
      201,
      'true',
      created[0].text,
    ]);
    expect(await w.rows()).toBe(1);
  });

  it("scopes a key to its caller: another user's request with the same key runs", async () => {
    const w = await statusWriter(t);
    const key = randomUUID();
    const other = await t.seed.token({ CanAddKycStatus: w.bank.id });
    expect((await w.put(key)).status).toBe(201);
    const res = await w.put(key, status(true), other);
    expect(res.status).toBe(201);
    expect(res.headers[REPLAYED]).toBeUndefined();
    expect(await w.rows()).toBe(2);
  });

  it('replays an error the first request got from the service (409 OBP-30320) with its status and body', async () => {
    const { bank, customer } = await t.seed.customer();
    const other = await t.seed.customer(bank);
    const token = await t.seed.token({ CanAddKycCheck: bank.id });
    const checkId = randomUUID();
    const body = {
      customer_number: '5987953',
      date: '2017-09-19T00:00:00Z',
      how: 'online_meeting',
      staff_user_id: '67876',
      staff_name: 'Simon',
      satisfied: true,
      comments: 'All documents seen.',
    };
    await t.http
      .put(`${V}/banks/${bank.id}/customers/${customer.id}/kyc_check/${checkId}`)
      .set(t.auth(token))
      .send(body)
      .expect(201);
    const key = randomUUID();
    const send = () =>
      t.http
        .put(`${V}/banks/${bank.id}/customers/${other.customer.id}/kyc_check/${checkId}`)
        .set(t.auth(token))
        .set('Idempotency-Key', key)
        .send(body);
    const first = await send();
    expect(first.status).toBe(409);
    expect(first.body.message).toContain(ObpError.KycIdUsedByAnotherCustomer.message);
    const again = await send();
    expect([again.status, again.text, again.headers[REPLAYED]]).toEqual([409, first.text, 'true']);
    expect(await t.db.manager.countBy(KycCheckEntity, { id: checkId })).toBe(1);
  });

  it('stores nothing for a request the guard refuses: after the role is granted, the same key runs', async () => {
    const { bank, customer } = await t.seed.customer();
    const { user, token } = await t.seed.userWithToken();
    const url = `${V}/banks/${bank.id}/customers/${customer.id}/kyc_statuses`;
    const key = randomUUID();
    const send = () =>
      t.http.put(url).set(t.auth(token)).set('Idempotency-Key', key).send(status(true));
    expect((await send()).status).toBe(403);
    expect(await t.db.manager.countBy(IdempotencyKeyEntity, { userId: user.id })).toBe(0);
    await t.seed.grant(user.id, { CanAddKycStatus: bank.id });
    const res = await send();
    expect([res.status, res.headers[REPLAYED]]).toEqual([201, undefined]);
    expect(await t.db.manager.countBy(KycStatusEntity, { customerId: customer.id })).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a control character', 'a\tb'],
  ])('answers 400 OBP-10060 for a key that is %s, and runs nothing', async (_what, key) => {
    const w = await statusWriter(t);
    const res = await w.put(key);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(error(ObpError.InvalidIdempotencyKey));
    expect(await w.rows()).toBe(0);
  });

  it('accepts a key of 255 characters', async () => {
    const w = await statusWriter(t);
    const key = 'k'.repeat(255);
    expect((await w.put(key)).status).toBe(201);
    expect((await w.put(key)).headers[REPLAYED]).toBe('true');
    expect(await w.rows()).toBe(1);
  });

  it('runs the request again once its key has expired', async () => {
    const w = await statusWriter(t);
    const key = randomUUID();
    expect((await w.put(key)).status).toBe(201);
    await t.db.query(
      `UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [w.user.id],
    );
    const res = await w.put(key, status(false));
    expect([res.status, res.headers[REPLAYED], res.body.ok]).toEqual([201, undefined, false]);
    expect(await w.rows()).toBe(2);
    // and the new answer is the one kept now
    const again = await w.put(key, status(false));
    expect([again.headers[REPLAYED], again.text]).toEqual(['true', res.text]);
  });

  it('keeps a key IDEMPOTENCY_TTL_HOURS (24 by default)', async () => {
    const w = await statusWriter(t);
    const key = randomUUID();
    await w.put(key).expect(201);
    const [row] = await t.db.query<{ hours: number }[]>(
      'SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM idempotency_key WHERE user_id = $1',
      [w.user.id],
    );
    expect(Number(row.hours)).toBeCloseTo(24, 3);
  });

  it('ignores the header on anonymous writes (POST /users): no caller to scope a key to', async () => {
    const username = `u${randomUUID().slice(0, 8)}`;
    const res = await t.http
      .post(`${V}/users`)
      .set('Idempotency-Key', 'signup-1')
      .send({
        email: `${username}@example.com`,
        username,
        password: 'Str0ng-Passw0rd!',
        first_name: 'Ann',
        last_name: 'Example',
      });
    expect(res.status).toBe(201);
    expect(res.headers[REPLAYED]).toBeUndefined();
    expect(await t.db.manager.countBy(IdempotencyKeyEntity, { key: 'signup-1' })).toBe(0);
    expect(await t.db.manager.countBy(UserEntity, { username })).toBe(1);
  });

  it('lets browsers send the header and read the replay mark (CORS)', async () => {
    const res = await t.http
      .options(`${V}/banks`)
      .set('Origin', 'https://explorer.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'idempotency-key');
    expect(res.headers['access-control-allow-headers']).toContain('Idempotency-Key');
    const w = await statusWriter(t);
    const get = await w.put(randomUUID()).set('Origin', 'https://explorer.example.com');
    expect(get.headers['access-control-expose-headers']).toContain('Idempotent-Replayed');
  });
});

describe('Idempotency-Key on the embedded database (PGlite, one connection)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ embedded: true })));
  afterAll(() => t.close());

  it('runs 20 concurrent requests with one key exactly once, and replays afterwards', async () => {
    const w = await statusWriter(t);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => w.put(key)));
    expect(await w.rows()).toBe(1);
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect(answers.filter((r) => r.status === 201 && !r.headers[REPLAYED])).toHaveLength(1);
    const later = await w.put(key);
    expect([later.status, later.headers[REPLAYED]]).toEqual([201, 'true']);
    const mismatch = await w.put(key, status(false));
    expect(mismatch.body).toEqual(error(ObpError.IdempotencyKeyReused));
    expect(await w.rows()).toBe(1);
  });
});
