import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessEventBuffer } from '../../src/modules/audit/access-event.buffer';
import { Webhook } from 'standardwebhooks';
import { BankEntity } from '../../src/modules/bank/bank.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

const newUser = (username: string) => ({
  email: `${username}@example.com`,
  username,
  password: 'Embedded-Passw0rd!',
  first_name: 'Emma',
  last_name: 'Bedded',
});

/** The embedded default (no DATABASE_URL): PGlite persisted in DATA_DIR, same migrations. */
// PGlite's first start (initdb in WebAssembly) takes seconds, more on a busy machine
jest.setTimeout(180_000);

/** The webhook queue (pg-boss) shares the one connection: receivers on loopback, quick polls. */
const WEBHOOKS = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_INTERVAL_MS: '500' };

describe('embedded PGlite store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-pglite-'));
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await createTestApp({
      embedded: true,
      env: { DATA_DIR: dataDir, OBP_CONSUMER_KEY: 'embedded-key', ...WEBHOOKS },
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the whole migration history', async () => {
    const rows: { name: string }[] = await t.db.query('SELECT name FROM migrations ORDER BY id');
    const files = t.db.migrations.map((m) => m.name);
    expect(rows.map((r) => r.name)).toEqual(files);
    expect(files.length).toBeGreaterThan(0);
  });

  it('serves the API: sign up, DirectLogin, current user', async () => {
    await t.http.post('/obp/v3.1.0/users').send(newUser('embedded.user1')).expect(201);
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        'username=embedded.user1, password=Embedded-Passw0rd!, consumer_key=embedded-key',
      )
      .expect(201);
    const me = await t.http
      .get('/obp/v3.1.0/users/current')
      .set(t.auth(login.body.token))
      .expect(200);
    expect(me.body.username).toBe('embedded.user1');
  });

  it('keeps exactly the committed rows of 100 concurrent transactions, some rolled back', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await tx.insert(BankEntity, {
            id: `conc-${i}`,
            shortName: `b${i}`,
            fullName: `Bank ${i}`,
            logoUrl: '',
            websiteUrl: '',
            swiftBic: '',
            nationalIdentifier: '',
            bankRoutingScheme: '',
            bankRoutingAddress: '',
          });
          await new Promise((r) => setTimeout(r, 5)); // hold the transaction open across the event loop
          if (i % 3 === 0) throw new Error(`roll back ${i}`);
        }),
      ),
    );
    const committed = results.flatMap((r, i) => (r.status === 'fulfilled' ? [`conc-${i}`] : []));
    expect(committed).toHaveLength(66);
    const rows: { id: string }[] = await t.db.query(
      `SELECT id FROM bank WHERE id LIKE 'conc-%' ORDER BY id`,
    );
    expect(rows.map((r) => r.id)).toEqual([...committed].sort());
  });

  it('answers concurrent HTTP writes consistently (no lost or duplicated users)', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `concurrent.u${i}`);
    const responses = await Promise.all(
      [...names, ...names].map((n) => t.http.post('/obp/v3.1.0/users').send(newUser(n))),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(20);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(20);
    const rows: { n: string }[] = await t.db.query(
      `SELECT count(*)::text AS n FROM app_user WHERE username LIKE 'concurrent.u%'`,
    );
    expect(rows[0].n).toBe('20');
  });

  it('audits concurrent KYC writes and reads on the one connection, with their outbox rows', async () => {
    const { bank, customer } = await t.seed.customer();
    const token = t.auth(
      await t.seed.token({
        CanAddKycStatus: bank.id,
        CanGetAnyKycStatuses: '',
        CanAddKycCheck: bank.id,
      }),
    );
    const other = await t.seed.customer(bank);
    await t.http
      .put(`/obp/v3.1.0/banks/${bank.id}/customers/${other.customer.id}/kyc_check/taken-id`)
      .set(token)
      .send({
        customer_number: '1',
        date: '2024-01-01T00:00:00Z',
        how: 'x',
        staff_user_id: 's',
        staff_name: 'n',
        satisfied: true,
        comments: 'c',
      })
      .expect(201);
    const C = `/obp/v3.1.0/banks/${bank.id}/customers/${customer.id}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        t.http
          .put(`${C}/kyc_statuses`)
          .set(token)
          .send({ customer_number: String(i), ok: i % 2 === 0, date: '2024-01-01T00:00:00Z' }),
        t.http.get(`/obp/v3.1.0/customers/${customer.id}/kyc_statuses`).set(token),
        // refused (409): the id belongs to the other customer, so nothing is written for it
        t.http.put(`${C}/kyc_check/taken-id`).set(token).send({
          customer_number: '1',
          date: '2024-01-01T00:00:00Z',
          how: 'x',
          staff_user_id: 's',
          staff_name: 'n',
          satisfied: true,
          comments: 'c',
        }),
      ]).flat(),
    );
    expect(responses.map((r) => r.status).sort()).toEqual(
      [
        ...Array<number>(20).fill(201),
        ...Array<number>(20).fill(200),
        ...Array<number>(20).fill(409),
      ].sort(),
    );
    await t.app.get(AccessEventBuffer).flush();
    const [counts] = await t.db.query<
      { created: string; reads: string; events: string; statuses: string }[]
    >(
      `SELECT (SELECT count(*) FROM audit_event WHERE customer_id = $1 AND action = 'create')::text AS created,
              (SELECT count(*) FROM audit_event WHERE customer_id = $1 AND action = 'read')::text AS reads,
              (SELECT count(*) FROM kyc_event WHERE customer_id = $1)::text AS events,
              (SELECT count(*) FROM kyc_status WHERE customer_id = $1)::text AS statuses`,
      [customer.id],
    );
    expect(counts).toEqual({ created: '20', reads: '20', events: '20', statuses: '20' });
    await expect(t.db.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(
      'audit_event is append-only: UPDATE is refused',
    );
    await expect(t.db.query('DELETE FROM audit_event')).rejects.toThrow(
      'audit_event is append-only: DELETE is refused',
    );
  });

  it('loses no access event on a clean shutdown', async () => {
    // a flush interval longer than the test: only the shutdown can write the events
    await t.close();
    t = await createTestApp({
      embedded: true,
      env: {
        DATA_DIR: dataDir,
        OBP_CONSUMER_KEY: 'embedded-key',
        AUDIT_FLUSH_INTERVAL_MS: '3600000',
        ...WEBHOOKS,
      },
    });
    const { customer } = await t.seed.customer();
    const token = t.auth(await t.seed.token({ CanGetAnyKycStatuses: '' }));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http.get(`/obp/v3.1.0/customers/${customer.id}/kyc_statuses`).set(token).expect(200),
      ),
    );
    const unwritten: { n: string }[] = await t.db.query(
      `SELECT count(*)::text AS n FROM audit_event WHERE customer_id = $1`,
      [customer.id],
    );
    expect(unwritten[0].n).toBe('0');
    await t.close();
    t = await createTestApp({
      embedded: true,
      env: { DATA_DIR: dataDir, OBP_CONSUMER_KEY: 'embedded-key', ...WEBHOOKS },
    });
    const rows: { n: string }[] = await t.db.query(
      `SELECT count(*)::text AS n FROM audit_event WHERE customer_id = $1 AND action = 'read'`,
      [customer.id],
    );
    expect(rows[0].n).toBe('10');
  });

  it('delivers webhooks through the one connection: the committed events once, none rolled back', async () => {
    const bank = await t.seed.bank();
    const token = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
    const created = await t.http
      .post(`/kyc/v1.0.0/banks/${bank.id}/webhooks`)
      .set(t.auth(token))
      .send({ url: receiver.url('/embedded'), event_types: ['kyc_status.added'] })
      .expect(201);
    const secret = (created.body as { secret: string }).secret;
    // outbox rows written as the writers write them, in 60 concurrent transactions, a third rolled
    // back, while the relay and the delivery workers use the same connection
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        t.db.transaction(async (tx) => {
          const [row] = await tx.query<{ event_id: string }[]>(
            `INSERT INTO kyc_event (type, bank_id, customer_id, data) VALUES ('kyc_status.added', $1, $2, $3) RETURNING event_id`,
            [bank.id, `00000000-0000-4000-8000-00000000000${i % 4}`, JSON.stringify({ i })],
          );
          await new Promise((r) => setTimeout(r, 5));
          if (i % 3 === 0) throw new Error(`roll back ${i}`);
          return row.event_id;
        }),
      ),
    );
    const committed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(committed).toHaveLength(40);
    await receiver.waitFor(() => receiver.to('/embedded').length >= 40, 120_000);
    await new Promise((r) => setTimeout(r, 3000));
    const got = receiver.to('/embedded');
    expect(got.map((r) => r.json.event_id).sort()).toEqual([...committed].sort());
    for (const r of got) {
      const headers = {
        'webhook-id': String(r.headers['webhook-id']),
        'webhook-timestamp': String(r.headers['webhook-timestamp']),
        'webhook-signature': String(r.headers['webhook-signature']),
      };
      expect(new Webhook(secret).verify(r.body, headers)).toEqual(r.json);
    }
    // each customer's events in the order they were written (one connection: the order they ran)
    for (let c = 0; c < 4; c++) {
      const order = got.map((r) => (r.json.data as { i: number }).i).filter((i) => i % 4 === c);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('keeps data across a restart on the same DATA_DIR', async () => {
    await t.close();
    t = await createTestApp({
      embedded: true,
      env: { DATA_DIR: dataDir, OBP_CONSUMER_KEY: 'embedded-key', ...WEBHOOKS },
    });
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        'username=embedded.user1, password=Embedded-Passw0rd!, consumer_key=embedded-key',
      )
      .expect(201);
    await t.http.get('/obp/v3.1.0/users/current').set(t.auth(login.body.token)).expect(200);
    const rows: { n: string }[] = await t.db.query(
      `SELECT count(*)::text AS n FROM bank WHERE id LIKE 'conc-%'`,
    );
    expect(rows[0].n).toBe('66');
  });
});
