import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
