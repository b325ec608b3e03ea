import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import type { DataSource } from 'typeorm';
import { cloneTemplate, databaseUrl, dropDatabase } from '../support/database';
import { customerPostBody } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { type Received, WebhookReceiver } from '../support/webhook-receiver';

/**
 * Webhook delivery (issue #15), end to end: a real receiver on loopback, events written to the
 * kyc_event outbox as the writers write them (one row per change, committed with it), the real
 * relay and pg-boss queue, signatures verified with the Standard Webhooks package.
 */

// deliveries wait on queue polls and backoff; the process cases start the server twice
jest.setTimeout(240_000);

const ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '300',
  WEBHOOK_POLL_INTERVAL_MS: '500',
  WEBHOOK_TIMEOUT_MS: '3000',
};

interface Emitted {
  seq: string;
  event_id: string;
  type: string;
  bank_id: string;
  customer_id: string | null;
  data: unknown;
}

/** One outbox row, as a writer inserts it (here in a transaction of its own). */
async function emit(
  db: DataSource | Client,
  type: string,
  bankId: string,
  customerId: string | null,
  data: object = { note: type },
): Promise<Emitted> {
  const sql = `INSERT INTO kyc_event (type, bank_id, customer_id, data) VALUES ($1, $2, $3, $4)
               RETURNING seq::text, event_id, type, bank_id, customer_id, data`;
  const values = [type, bankId, customerId, JSON.stringify(data)];
  const rows: Emitted[] =
    db instanceof Client
      ? (await db.query<Emitted>(sql, values)).rows
      : await db.query(sql, values);
  return rows[0];
}

const ids = (rs: Received[]): string[] => rs.map((r) => r.json.event_id);
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The webhook manager of a bank, over HTTP. */
async function manager(t: TestApp) {
  const bank = await t.seed.bank();
  const token = await t.seed.token({
    CanCreateWebhookAtOneBank: bank.id,
    CanGetWebhooksAtOneBank: bank.id,
    CanDeleteWebhookAtOneBank: bank.id,
  });
  const base = `/kyc/v1.0.0/banks/${bank.id}/webhooks`;
  return {
    bank,
    token,
    async webhook(
      url: string,
      eventTypes: string[],
    ): Promise<{ webhook_id: string; secret: string }> {
      const res = await t.http
        .post(base)
        .set(t.auth(token))
        .send({ url, event_types: eventTypes, description: 'test receiver' });
      if (res.status !== 201) throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { webhook_id: string; secret: string };
    },
    async deliveries(webhookId: string) {
      const res = await t.http
        .get(`${base}/${webhookId}/deliveries?sort_direction=ASC`)
        .set(t.auth(token))
        .expect(200);
      return res.body.deliveries as {
        delivery_id: string;
        event_id: string;
        status: string;
        attempt_count: number;
        next_retry_at: string | null;
        attempts: { status: string; response_code: number | null; next_retry_at: string | null }[];
      }[];
    },
    retry(webhookId: string, deliveryId: string) {
      return t.http
        .post(`${base}/${webhookId}/deliveries/${deliveryId}/retry`)
        .set(t.auth(token))
        .expect(201);
    },
  };
}

/** The request verifies with the webhook's secret, as a receiver using Standard Webhooks would. */
function expectSigned(r: Received, secret: string): void {
  const headers = {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  };
  expect(new Webhook(secret).verify(r.body, headers)).toEqual(r.json);
  expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  expect(r.headers['content-type']).toBe('application/json');
  expect(() =>
    new Webhook(`whsec_${Buffer.from('another key').toString('base64')}`).verify(r.body, headers),
  ).toThrow('No matching signature found');
}

describe('webhook delivery', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await createTestApp({ env: ENV });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  it("delivers every event of the bank once per subscribed webhook, signed, each customer's in order", async () => {
    const m = await manager(t);
    const other = await manager(t);
    const all = await m.webhook(receiver.url('/all'), [
      'kyc_status.added',
      'kyc_check.upserted',
      'customer.created',
    ]);
    const statuses = await m.webhook(receiver.url('/statuses'), ['kyc_status.added']);
    const foreign = await other.webhook(receiver.url('/foreign'), ['kyc_status.added']);
    const customers = [uuid(1), uuid(2), uuid(3)];
    const emitted: Emitted[] = [];
    for (let i = 0; i < 30; i++) {
      const type = ['kyc_status.added', 'kyc_check.upserted', 'address.created'][i % 3];
      emitted.push(await emit(t.db, type, m.bank.id, customers[i % 3], { i, type }));
    }
    emitted.push(await emit(t.db, 'customer.created', m.bank.id, null, { customer: 'new' }));
    // events of another bank, and system-wide ones, reach no webhook of this bank
    await emit(t.db, 'kyc_status.added', other.bank.id, uuid(9));
    await emit(t.db, 'entitlement.created', '', null);

    const wanted = (types: string[]) => emitted.filter((e) => types.includes(e.type));
    const toAll = wanted(['kyc_status.added', 'kyc_check.upserted', 'customer.created']);
    const toStatuses = wanted(['kyc_status.added']);
    await receiver.waitFor(
      () =>
        receiver.to('/all').length >= toAll.length &&
        receiver.to('/statuses').length >= toStatuses.length &&
        receiver.to('/foreign').length >= 1,
    );
    await sleep(2000); // nothing more comes
    expect(ids(receiver.to('/all')).sort()).toEqual(toAll.map((e) => e.event_id).sort());
    expect(ids(receiver.to('/statuses')).sort()).toEqual(toStatuses.map((e) => e.event_id).sort());
    expect(receiver.to('/foreign')).toHaveLength(1);

    for (const [path, secret] of [
      ['/all', all.secret],
      ['/statuses', statuses.secret],
      ['/foreign', foreign.secret],
    ] as const) {
      for (const r of receiver.to(path)) expectSigned(r, secret);
    }
    // the body: the event, its data as written
    const first = receiver.to('/all').find((r) => r.json.event_id === toAll[0].event_id)!;
    expect(Object.keys(first.json)).toEqual(['event_id', 'type', 'occurred_at', 'bank_id', 'data']);
    expect(first.json).toEqual({
      event_id: toAll[0].event_id,
      type: 'kyc_status.added',
      occurred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      bank_id: m.bank.id,
      data: { i: 0, type: 'kyc_status.added' },
    });
    expect(first.headers['webhook-id']).toBe(toAll[0].event_id);
    // each customer's events arrive in the order they were written
    for (const path of ['/all', '/statuses']) {
      for (const c of customers) {
        const sent = emitted.filter((e) => e.customer_id === c).map((e) => e.event_id);
        const got = ids(receiver.to(path)).filter((id) => sent.includes(id));
        expect(got).toEqual(sent.filter((id) => got.includes(id)));
      }
    }
    // and the deliveries say so: one attempt each, 200
    const seen = await m.deliveries(all.webhook_id);
    expect(seen).toHaveLength(toAll.length);
    for (const d of seen) {
      expect(d).toMatchObject({ status: 'succeeded', attempt_count: 1, next_retry_at: null });
      expect(d.attempts).toEqual([
        expect.objectContaining({ status: 'succeeded', response_code: 200 }),
      ]);
    }
  });

  it('does not skip an event whose transaction commits after a later one, nor send it out of order', async () => {
    const m = await manager(t);
    const hook = await m.webhook(receiver.url('/late'), ['kyc_status.added']);
    const customer = uuid(20);
    const slow = new Client({ connectionString: databaseUrl(t.dbName!) });
    await slow.connect();
    try {
      // the slow writer takes its transaction id and its seq first, and commits last
      await slow.query('BEGIN');
      const early = await emit(slow, 'kyc_status.added', m.bank.id, customer, { n: 'early' });
      const later = await emit(t.db, 'kyc_status.added', m.bank.id, customer, { n: 'later' });
      expect(BigInt(later.seq)).toBeGreaterThan(BigInt(early.seq));
      await sleep(2500); // relays run meanwhile; the later event waits for the open transaction
      expect(receiver.to('/late')).toEqual([]);
      await slow.query('COMMIT');
      await receiver.waitFor(() => receiver.to('/late').length >= 2);
      await sleep(1000);
      expect(ids(receiver.to('/late'))).toEqual([early.event_id, later.event_id]);
      for (const r of receiver.to('/late')) expectSigned(r, hook.secret);
    } finally {
      await slow.end();
    }
  });

  it('retries a receiver that answers 500 three times with growing waits, and succeeds on the 4th attempt', async () => {
    const m = await manager(t);
    const hook = await m.webhook(receiver.url('/flaky'), ['kyc_check.upserted']);
    receiver.respond = (r, attempt) => (r.path === '/flaky' && attempt <= 3 ? 500 : 200);
    const e = await emit(t.db, 'kyc_check.upserted', m.bank.id, uuid(30));
    await receiver.waitFor(() => receiver.to('/flaky').length >= 4);
    await sleep(1500);
    const got = receiver.to('/flaky');
    expect(ids(got)).toEqual([e.event_id, e.event_id, e.event_id, e.event_id]);
    for (const r of got) expectSigned(r, hook.secret);
    // waits of at least half of 300 ms · 2^(n-1) (equal jitter), so growing: 150, 300, 600 ms
    const waits = got.slice(1).map((r, i) => r.at - got[i].at);
    waits.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(150 * 2 ** i - 50));
    const [d] = await m.deliveries(hook.webhook_id);
    expect(d).toMatchObject({ status: 'succeeded', attempt_count: 4, next_retry_at: null });
    expect(d.attempts.map((a) => [a.status, a.response_code])).toEqual([
      ['failed', 500],
      ['failed', 500],
      ['failed', 500],
      ['succeeded', 200],
    ]);
    expect(d.attempts.slice(0, 3).every((a) => a.next_retry_at !== null)).toBe(true);
    expect(d.attempts[3].next_retry_at).toBeNull();
  });

  it("holds a customer's later events behind a head that is being retried, not other customers'", async () => {
    const m = await manager(t);
    await m.webhook(receiver.url('/held'), ['kyc_status.added']);
    receiver.respond = (r, attempt) =>
      r.path === '/held' && (r.json.data as { n: string }).n === 'head' && attempt <= 2 ? 503 : 200;
    const head = await emit(t.db, 'kyc_status.added', m.bank.id, uuid(40), { n: 'head' });
    const behind = await emit(t.db, 'kyc_status.added', m.bank.id, uuid(40), { n: 'behind' });
    const free = await emit(t.db, 'kyc_status.added', m.bank.id, uuid(41), { n: 'free' });
    await receiver.waitFor(() => receiver.to('/held').length >= 5);
    await sleep(1000);
    const got = ids(receiver.to('/held'));
    expect(got.filter((id) => id !== free.event_id)).toEqual([
      head.event_id,
      head.event_id,
      head.event_id,
      behind.event_id,
    ]);
    // the other customer's event did not wait for the retries
    expect(got.indexOf(free.event_id)).toBeLessThan(got.lastIndexOf(head.event_id));
  });

  it('marks a delivery failed after the retry window, lets the next go, and retries it by hand', async () => {
    const w = await createTestApp({ env: { ...ENV, WEBHOOK_RETRY_WINDOW: '2s' } });
    try {
      const m = await manager(w);
      const hook = await m.webhook(receiver.url('/down'), ['kyc_status.added']);
      let up = false;
      receiver.respond = (r) => (r.path === '/down' && !up ? 500 : 200);
      const dead = await emit(w.db, 'kyc_status.added', m.bank.id, uuid(50), { n: 'dead' });
      const next = await emit(w.db, 'kyc_status.added', m.bank.id, uuid(50), { n: 'next' });
      const failedAt = async () => {
        for (;;) {
          const [d] = await m.deliveries(hook.webhook_id);
          if (d?.status === 'failed') return d;
          await sleep(200);
        }
      };
      const failed = await failedAt();
      expect(failed).toMatchObject({ event_id: dead.event_id, next_retry_at: null });
      expect(failed.attempt_count).toBeGreaterThanOrEqual(2);
      expect(failed.attempts.every((a) => a.status === 'failed' && a.response_code === 500)).toBe(
        true,
      );
      expect(failed.attempts.at(-1)!.next_retry_at).toBeNull();
      // the failed head no longer holds the customer's next event (which then fails too, receiver down)
      await receiver.waitFor(() => ids(receiver.to('/down')).includes(next.event_id));
      const firstOfNext = receiver.to('/down').findIndex((r) => r.json.event_id === next.event_id);
      expect(ids(receiver.to('/down').slice(firstOfNext))).not.toContain(dead.event_id);

      up = true;
      const before = receiver.to('/down').length;
      const retried = await m.retry(hook.webhook_id, failed.delivery_id);
      expect(retried.body).toMatchObject({ delivery_id: failed.delivery_id, status: 'pending' });
      await receiver.waitFor(() =>
        receiver
          .to('/down')
          .slice(before)
          .some(
            (r) => r.json.event_id === dead.event_id && r.headers['webhook-id'] === dead.event_id,
          ),
      );
      for (;;) {
        const d = (await m.deliveries(hook.webhook_id)).find(
          (x) => x.delivery_id === failed.delivery_id,
        )!;
        if (d.status === 'succeeded') {
          expect(d.attempts.at(-1)).toMatchObject({ status: 'succeeded', response_code: 200 });
          break;
        }
        await sleep(200);
      }
    } finally {
      await w.close();
    }
  });

  it('two app instances on one database deliver each event once between them', async () => {
    const second = await createTestApp({ database: t.dbName, env: ENV });
    try {
      const m = await manager(t);
      const hook = await m.webhook(receiver.url('/pair'), ['kyc_document.upserted']);
      const emitted: Emitted[] = [];
      // written through both instances' pools, interleaved
      for (let i = 0; i < 40; i++) {
        emitted.push(
          await emit(
            i % 2 ? second.db : t.db,
            'kyc_document.upserted',
            m.bank.id,
            uuid(60 + (i % 8)),
            { i },
          ),
        );
      }
      await receiver.waitFor(() => receiver.to('/pair').length >= emitted.length);
      await sleep(3000); // both relays and both sets of workers ran meanwhile
      expect(ids(receiver.to('/pair')).sort()).toEqual(emitted.map((e) => e.event_id).sort());
      for (const r of receiver.to('/pair')) expectSigned(r, hook.secret);
      const rows: { n: string }[] = await t.db.query(
        `SELECT count(*)::text AS n FROM webhook_delivery WHERE webhook_id = $1`,
        [hook.webhook_id],
      );
      expect(rows[0].n).toBe('40');
    } finally {
      await second.close();
    }
  });

  // the writers of the audit trail (issue 15 point 1) insert the kyc_event rows with their changes
  it('delivers the events of a KYC journey made over the API, in order, with the answers as data', async () => {
    const m = await manager(t);
    const types = [
      'customer.created',
      'address.created',
      'tax_residence.created',
      'tax_residence.deleted',
      'kyc_document.upserted',
      'kyc_media.upserted',
      'kyc_check.upserted',
      'kyc_status.added',
    ];
    const hook = await m.webhook(receiver.url('/journey'), types);
    const token = await t.seed.token({
      CanCreateCustomer: m.bank.id,
      CanCreateCustomerAddress: m.bank.id,
      CanCreateTaxResidence: m.bank.id,
      CanDeleteTaxResidence: m.bank.id,
      CanAddKycDocument: m.bank.id,
      CanAddKycMedia: m.bank.id,
      CanAddKycCheck: m.bank.id,
      CanAddKycStatus: m.bank.id,
    });
    const auth = t.auth(token);
    const bankUrl = `/obp/v3.1.0/banks/${m.bank.id}`;
    const customer = await t.http
      .post(`${bankUrl}/customers`)
      .set(auth)
      .send(customerPostBody())
      .expect(201);
    const customerUrl = `${bankUrl}/customers/${customer.body.customer_id as string}`;
    const number = customer.body.customer_number as string;
    const answers: { type: string; body: unknown }[] = [
      { type: 'customer.created', body: customer.body },
    ];
    const address = await t.http
      .post(`${customerUrl}/address`)
      .set(auth)
      .send({
        line_1: 'No 1 the Road',
        line_2: '',
        line_3: '',
        city: 'Berlin',
        county: '',
        state: 'Berlin',
        postcode: '10115',
        country_code: 'DE',
        tags: ['home'],
        status: 'OK',
      })
      .expect(201);
    answers.push({ type: 'address.created', body: address.body });
    const tax = await t.http
      .post(`${customerUrl}/tax-residence`)
      .set(auth)
      .send({ domain: 'DE', tax_number: '1' })
      .expect(201);
    answers.push({ type: 'tax_residence.created', body: tax.body });
    await t.http
      .delete(`${customerUrl}/tax_residencies/${tax.body.tax_residence_id as string}`)
      .set(auth)
      .expect(200);
    answers.push({ type: 'tax_residence.deleted', body: undefined });
    const puts: [string, string, object][] = [
      [
        'kyc_document.upserted',
        'kyc_documents/doc-1',
        {
          customer_number: number,
          type: 'passport',
          number: 'P1',
          issue_date: '2015-01-01T00:00:00Z',
          issue_place: 'Berlin',
          expiry_date: '2025-01-01T00:00:00Z',
        },
      ],
      [
        'kyc_media.upserted',
        'kyc_media/media-1',
        {
          customer_number: number,
          type: 'image',
          url: 'https://example.com/p.png',
          date: '2017-09-19T10:00:00Z',
          relates_to_kyc_document_id: 'doc-1',
          relates_to_kyc_check_id: 'check-1',
        },
      ],
      [
        'kyc_check.upserted',
        'kyc_check/check-1',
        {
          customer_number: number,
          date: '2017-09-19T11:00:00Z',
          how: 'online_meeting',
          staff_user_id: 'staff',
          staff_name: 'Officer',
          satisfied: true,
          comments: 'ok',
        },
      ],
      [
        'kyc_status.added',
        'kyc_statuses',
        { customer_number: number, ok: true, date: '2017-09-19T12:00:00Z' },
      ],
    ];
    for (const [type, path, body] of puts) {
      const res = await t.http.put(`${customerUrl}/${path}`).set(auth).send(body).expect(201);
      answers.push({ type, body: res.body });
    }
    await receiver.waitFor(
      () => receiver.to('/journey').length >= answers.length,
      30_000,
      'the journey events',
    );
    await sleep(1500);
    const got = receiver.to('/journey');
    expect(got.map((r) => r.json.type)).toEqual(answers.map((a) => a.type));
    got.forEach((r, i) => {
      expectSigned(r, hook.secret);
      expect(r.json.bank_id).toBe(m.bank.id);
      if (answers[i].body !== undefined) expect(r.json.data).toEqual(answers[i].body);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A process killed after a write committed and before its delivery delivers it after a restart

const ROOT = join(__dirname, '..', '..');

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitUntilReady(port: number): Promise<void> {
  for (let i = 0; i < 1800; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('server did not become ready');
}

describe('webhook delivery across a killed process', () => {
  let db: string;
  let pg: Client;
  let receiver: WebhookReceiver;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await cloneTemplate();
    pg = new Client({ connectionString: databaseUrl(db) });
    await pg.connect();
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await pg?.end();
    await receiver?.stop();
    await dropDatabase(db);
  });

  it('delivers, after a restart, the events committed before the kill: relayed or not, in flight or not', async () => {
    const port = await freePort();
    const env = {
      ...ENV,
      DATABASE_URL: databaseUrl(db),
      PORT: String(port),
      HOST: '127.0.0.1',
      OBP_ADMIN_USERNAME: 'hook.admin',
      OBP_ADMIN_PASSWORD: 'Hook-Admin-Passw0rd!',
      OBP_CONSUMER_KEY: 'hook-consumer-key',
      WEBHOOK_TIMEOUT_MS: '2000',
    };
    const first = startServer(env);
    children.push(first);
    await waitUntilReady(port);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/my/logins/direct`, {
      method: 'POST',
      headers: {
        DirectLogin:
          'username=hook.admin, password=Hook-Admin-Passw0rd!, consumer_key=hook-consumer-key',
      },
    });
    const { token } = (await login.json()) as { token: string };
    const bankId = 'kill.bank';
    await pg.query(
      `INSERT INTO bank (id, short_name, full_name, logo_url, website_url, swift_bic, national_identifier, bank_routing_scheme, bank_routing_address)
       VALUES ($1, 'K', 'Kill Bank', '', '', '', '', '', '')`,
      [bankId],
    );
    await pg.query(
      `INSERT INTO entitlement (user_id, role_name, bank_id)
       SELECT id, 'CanCreateWebhookAtOneBank', $1 FROM app_user WHERE username = 'hook.admin'`,
      [bankId],
    );
    const created = await fetch(`${base}/kyc/v1.0.0/banks/${bankId}/webhooks`, {
      method: 'POST',
      headers: { Authorization: `DirectLogin token=${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url('/kill'), event_types: ['kyc_status.added'] }),
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };

    // the first request hangs: the process dies with the POST in flight, nothing recorded
    let killed = false;
    receiver.respond = () => (killed ? 200 : 'hang');
    const inFlight = await emit(pg, 'kyc_status.added', bankId, uuid(70), { n: 'in flight' });
    await receiver.waitFor(() => receiver.requests.length >= 1);
    // committed just before the kill (another customer: not behind the hanging one)
    const unsent = await emit(pg, 'kyc_status.added', bankId, uuid(71), { n: 'unsent' });
    first.kill('SIGKILL');
    killed = true;
    await new Promise((r) => first.once('exit', r));
    const before: { status: string; n: string }[] = (
      await pg.query(`SELECT status, count(*)::text AS n FROM webhook_delivery GROUP BY status`)
    ).rows;
    expect(before.every((r) => r.status === 'pending')).toBe(true);

    const second = startServer(env);
    children.push(second);
    await waitUntilReady(port);
    await receiver.waitFor(
      () =>
        [inFlight, unsent].every((e) =>
          receiver.requests.some((r) => r.json.event_id === e.event_id && r.at > 0),
        ) && receiver.requests.filter((r) => r.json.event_id === inFlight.event_id).length >= 2,
      90_000,
      'the deliveries after the restart',
    );
    for (const r of receiver.requests) expectSigned(r, secret);
    for (;;) {
      const rows: { status: string }[] = (await pg.query(`SELECT status FROM webhook_delivery`))
        .rows;
      if (rows.length === 2 && rows.every((r) => r.status === 'succeeded')) break;
      await sleep(200);
    }
    // each once more at most: the one in flight again (at least once), the unsent one once
    expect(receiver.requests.filter((r) => r.json.event_id === unsent.event_id)).toHaveLength(1);
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
  });
});
