import { createServer } from 'node:net';
import { KycEventEntity } from '../../src/modules/event/kyc-event.entity';
import { WebhookDeliveryAttemptEntity } from '../../src/modules/webhook/webhook-delivery-attempt.entity';
import { WebhookDeliveryEntity } from '../../src/modules/webhook/webhook-delivery.entity';
import { WebhookEntity } from '../../src/modules/webhook/webhook.entity';
import { bankNotFound, missingRole, NOT_LOGGED_IN } from '../support/obp-error-bodies';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The webhook management endpoints of KYCv1.0.0 (issue #15): create (the secret once), list, get,
 * delete, deliveries and retry; the URL rules. Sending is webhook-delivery.e2e-spec.ts.
 */

const UNKNOWN_UUID = '0b0e0a3c-4b1d-4e59-9d2c-5b3c1f0e9a11';
/** A public address, written as an IP so that no DNS is needed (nothing is sent to it here). */
const PUBLIC_URL = 'https://93.184.215.14/hooks/obp';
const BODY = {
  url: PUBLIC_URL,
  event_types: ['kyc_status.added', 'kyc_check.upserted'],
  description: 'KYC case management',
};

const webhookNotFound = (id: string) => ({
  code: 404,
  message: `OBP-30360: Webhook not found. Please specify a valid value for WEBHOOK_ID. Current WEBHOOK_ID(${id})`,
});
const badUrl = (reason: string) => ({
  code: 400,
  message: `OBP-30362: Invalid webhook url. ${reason}`,
});
const NOT_HTTP = badUrl(
  'The url must be an absolute http or https URL of at most 2048 characters.',
);
const INNER = badUrl("The url's host is a loopback, private, link-local or metadata address.");
const UNRESOLVABLE = badUrl("The url's host cannot be resolved.");
const paging = (inner: string) => ({
  code: 400,
  message: `OBP-10016: Incorrect filter Parameters in URL.  <- ${inner}`,
});

/** A loopback port nobody listens on: deliveries to it fail at once (connection refused). */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('webhooks (KYCv1.0.0)', () => {
  let t: TestApp;
  /** The same database, served with WEBHOOK_ALLOW_PRIVATE=true (loopback receivers). */
  let tp: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    tp = await createTestApp({ database: t.dbName, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
  });
  afterAll(async () => {
    await tp?.close();
    await t?.close();
  });

  const base = (bankId: string) => `/kyc/v1.0.0/banks/${bankId}/webhooks`;
  const stored = (bankId: string) => t.db.getRepository(WebhookEntity).countBy({ bankId });
  const create = (app: TestApp, bankId: string, token: string | undefined, body: unknown) => {
    const req = app.http.post(base(bankId));
    return (token ? req.set(app.auth(token)) : req).send(body as object);
  };
  const get = (path: string, token?: string) => {
    const req = t.http.get(path);
    return token ? req.set(t.auth(token)) : req;
  };
  /** A bank, a manager holding the three webhook roles there, and a webhook of it. */
  async function managed(app: TestApp = t, body: object = BODY) {
    const bank = await t.seed.bank();
    const token = await t.seed.token({
      CanCreateWebhookAtOneBank: bank.id,
      CanGetWebhooksAtOneBank: bank.id,
      CanDeleteWebhookAtOneBank: bank.id,
    });
    const res = await create(app, bank.id, token, body).expect(201);
    return { bank, token, webhook: res.body as { webhook_id: string; secret: string } };
  }

  describe('POST /banks/BANK_ID/webhooks', () => {
    it('answers 201 with the webhook and its signing secret, shown this once', async () => {
      const bank = await t.seed.bank();
      const { user, token } = await t.seed.userWithToken({
        CanCreateWebhookAtOneBank: bank.id,
        CanGetWebhooksAtOneBank: bank.id,
      });
      const res = await create(t, bank.id, token, BODY).expect(201);
      expect(res.body).toEqual({
        webhook_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        bank_id: bank.id,
        url: PUBLIC_URL,
        event_types: ['kyc_status.added', 'kyc_check.upserted'],
        description: 'KYC case management',
        created_by_user_id: user.id,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      });
      const { secret, ...webhook } = res.body as Record<string, unknown>;
      const one = await get(`${base(bank.id)}/${webhook.webhook_id as string}`, token).expect(200);
      expect(one.body).toEqual(webhook);
      const list = await get(base(bank.id), token).expect(200);
      expect(list.body).toEqual({ webhooks: [webhook] });
      expect(JSON.stringify([one.body, list.body])).not.toContain(String(secret).slice(6));
      // stored encrypted: the plaintext is nowhere in the row
      const row = await t.db.getRepository(WebhookEntity).findOneByOrFail({ bankId: bank.id });
      expect(row.secret).not.toContain(String(secret).slice(6));
    });

    it('keeps a missing description empty and each event type once', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
      const res = await create(t, bank.id, token, {
        url: PUBLIC_URL,
        event_types: ['customer.created', 'customer.created'],
      }).expect(201);
      expect(res.body).toMatchObject({ event_types: ['customer.created'], description: '' });
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const bank = await t.seed.bank();
      const res = await create(t, bank.id, undefined, BODY).expect(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
      expect(await stored(bank.id)).toBe(0);
    });

    it('answers 403 OBP-20006 without the role, and with it at another bank only', async () => {
      const bank = await t.seed.bank();
      const other = await t.seed.bank();
      for (const token of [
        await t.seed.token(),
        await t.seed.token({
          CanCreateWebhookAtOneBank: other.id,
          CanGetWebhooksAtOneBank: bank.id,
        }),
      ]) {
        const res = await create(t, bank.id, token, BODY).expect(403);
        expect(res.body).toEqual(missingRole('CanCreateWebhookAtOneBank', bank.id));
      }
      expect(await stored(bank.id)).toBe(0);
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID', async () => {
      const token = await t.seed.token();
      const res = await create(t, 'no.such.bank', token, BODY).expect(404);
      expect(res.body).toEqual(bankNotFound('no.such.bank'));
    });

    it.each([
      ['no url', { event_types: ['customer.created'] }, 'url must be a string'],
      [
        'a url that is not a string',
        { url: 5, event_types: ['customer.created'] },
        'url must be a string',
      ],
      ['no event types', { url: PUBLIC_URL }, 'event_types'],
      ['no event type', { url: PUBLIC_URL, event_types: [] }, 'event_types should not be empty'],
      [
        'event types that are not a list',
        { url: PUBLIC_URL, event_types: 'customer.created' },
        'event_types',
      ],
      [
        'an event type that is not a string',
        { url: PUBLIC_URL, event_types: [7] },
        'each value in event_types must be a string',
      ],
      [
        'a description over 255 characters',
        { ...BODY, description: 'x'.repeat(256) },
        'description must be shorter than or equal to 255 characters',
      ],
    ])('answers 400 OBP-10001 for %s', async (_what, body, detail) => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
      const res = await create(t, bank.id, token, body).expect(400);
      expect(res.body.code).toBe(400);
      expect(res.body.message).toMatch(
        /^OBP-10001: Incorrect json format\. The Json body should be the PostWebhookJsonV100 \(.*\)$/,
      );
      expect(res.body.message).toContain(detail);
      expect(await stored(bank.id)).toBe(0);
    });

    it('answers 400 OBP-30363 naming an unknown event type', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
      const res = await create(t, bank.id, token, {
        url: PUBLIC_URL,
        event_types: ['customer.created', 'customer.exploded'],
      }).expect(400);
      expect(res.body.message).toMatch(
        /^OBP-30363: Unknown webhook event type\. Current event_type\(customer\.exploded\)\. Known types: customer\.created, /,
      );
      expect(await stored(bank.id)).toBe(0);
    });

    it.each([
      ['ftp://93.184.215.14/x', NOT_HTTP],
      ['not a url', NOT_HTTP],
      ['/relative/path', NOT_HTTP],
      [`https://93.184.215.14/${'x'.repeat(2048)}`, NOT_HTTP],
      ['http://169.254.169.254/latest/meta-data/', INNER],
      ['http://metadata.google.internal/computeMetadata/v1/', INNER],
      ['http://127.0.0.1:8080/hook', INNER],
      ['http://localhost/hook', INNER],
      ['http://10.0.0.1/hook', INNER],
      ['http://172.16.5.4/hook', INNER],
      ['http://192.168.1.10/hook', INNER],
      ['http://[::1]:9000/hook', INNER],
      ['http://[fe80::1]/hook', INNER],
      ['http://[fd00::1]/hook', INNER],
      ['http://0.0.0.0/hook', INNER],
      ['https://no-such-host.invalid/hook', UNRESOLVABLE],
    ])('refuses the url %#', async (url, error) => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
      const res = await create(t, bank.id, token, { ...BODY, url }).expect(400);
      expect(res.body).toEqual(error);
      expect(await stored(bank.id)).toBe(0);
    });

    it('accepts loopback, private and link-local urls when WEBHOOK_ALLOW_PRIVATE=true', async () => {
      const bank = await t.seed.bank();
      const token = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost/x',
        'http://[::1]/',
        'http://10.0.0.1/',
      ]) {
        await create(tp, bank.id, token, { ...BODY, url }).expect(201);
      }
      // still only http(s)
      const res = await create(tp, bank.id, token, { ...BODY, url: 'ftp://127.0.0.1/' }).expect(
        400,
      );
      expect(res.body).toEqual(NOT_HTTP);
      expect(await stored(bank.id)).toBe(4);
    });
  });

  describe('GET /banks/BANK_ID/webhooks', () => {
    it("lists the bank's webhooks oldest first, not other banks' nor deleted ones", async () => {
      const { bank, token, webhook } = await managed();
      const second = (
        await create(t, bank.id, token, { ...BODY, description: 'second' }).expect(201)
      ).body as { webhook_id: string };
      const third = (await create(t, bank.id, token, { ...BODY, description: 'third' }).expect(201))
        .body as { webhook_id: string };
      await managed(); // another bank's
      await t.http
        .delete(`${base(bank.id)}/${third.webhook_id}`)
        .set(t.auth(token))
        .expect(200);
      const res = await get(base(bank.id), token).expect(200);
      expect(res.body.webhooks.map((w: { webhook_id: string }) => w.webhook_id)).toEqual([
        webhook.webhook_id,
        second.webhook_id,
      ]);
    });

    it('pages with limit, offset and sort_direction', async () => {
      const { bank, token, webhook } = await managed();
      const second = (await create(t, bank.id, token, BODY).expect(201)).body as {
        webhook_id: string;
      };
      const ids = async (query: string) =>
        (await get(`${base(bank.id)}?${query}`, token).expect(200)).body.webhooks.map(
          (w: { webhook_id: string }) => w.webhook_id,
        );
      expect(await ids('limit=1')).toEqual([webhook.webhook_id]);
      expect(await ids('limit=1&offset=1')).toEqual([second.webhook_id]);
      expect(await ids('sort_direction=DESC')).toEqual([second.webhook_id, webhook.webhook_id]);
      expect(await ids('from_date=2999-01-01T00:00:00.000Z')).toEqual([]);
      expect(await ids('to_date=2999-01-01T00:00:00.000Z')).toEqual([
        webhook.webhook_id,
        second.webhook_id,
      ]);
    });

    it.each([
      [
        'limit=0',
        'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
      ],
      [
        'offset=-1',
        'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!',
      ],
      [
        'sort_direction=UP',
        'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!',
      ],
      [
        'from_date=yesterday',
        "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!",
      ],
    ])('answers 400 for %s', async (query, inner) => {
      const { bank, token } = await managed();
      const res = await get(`${base(bank.id)}?${query}`, token).expect(400);
      expect(res.body).toEqual(paging(inner));
    });

    it('answers 400 OBP-10012 above the largest page', async () => {
      const { bank, token } = await managed();
      const res = await get(`${base(bank.id)}?limit=1001`, token).expect(400);
      expect(res.body).toEqual({
        code: 400,
        message: 'OBP-10012: Invalid value. Maximum number is 1000.',
      });
    });

    it('answers 401, 403 and 404 OBP-30001', async () => {
      const { bank } = await managed();
      expect((await get(base(bank.id)).expect(401)).body).toEqual(NOT_LOGGED_IN);
      const other = await t.seed.token({ CanGetWebhooksAtOneBank: (await t.seed.bank()).id });
      expect((await get(base(bank.id), other).expect(403)).body).toEqual(
        missingRole('CanGetWebhooksAtOneBank', bank.id),
      );
      expect((await get(base('no.such.bank'), other).expect(404)).body).toEqual(
        bankNotFound('no.such.bank'),
      );
    });
  });

  describe('GET /banks/BANK_ID/webhooks/WEBHOOK_ID', () => {
    it('answers 404 OBP-30360 for an unknown id, a malformed one, or one of another bank', async () => {
      const { bank, token } = await managed();
      const { webhook: foreign } = await managed();
      for (const id of [UNKNOWN_UUID, 'not-a-uuid', foreign.webhook_id]) {
        const res = await get(`${base(bank.id)}/${id}`, token).expect(404);
        expect(res.body).toEqual(webhookNotFound(id));
      }
    });

    it('answers 401, 403 and 404 OBP-30001', async () => {
      const { bank, webhook } = await managed();
      const path = `${base(bank.id)}/${webhook.webhook_id}`;
      expect((await get(path).expect(401)).body).toEqual(NOT_LOGGED_IN);
      const other = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
      expect((await get(path, other).expect(403)).body).toEqual(
        missingRole('CanGetWebhooksAtOneBank', bank.id),
      );
      expect(
        (await get(`${base('no.such.bank')}/${webhook.webhook_id}`, other).expect(404)).body,
      ).toEqual(bankNotFound('no.such.bank'));
    });
  });

  describe('DELETE /banks/BANK_ID/webhooks/WEBHOOK_ID', () => {
    const remove = (bankId: string, id: string, token?: string) => {
      const req = t.http.delete(`${base(bankId)}/${id}`);
      return token ? req.set(t.auth(token)) : req;
    };

    it('answers 200 true; the webhook is gone and its pending deliveries failed', async () => {
      const { bank, token, webhook } = await managed();
      const delivery = await seedDelivery(webhook.webhook_id, 'pending');
      const res = await remove(bank.id, webhook.webhook_id, token).expect(200);
      expect(res.body).toBe(true);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect((await get(`${base(bank.id)}/${webhook.webhook_id}`, token).expect(404)).body).toEqual(
        webhookNotFound(webhook.webhook_id),
      );
      expect((await remove(bank.id, webhook.webhook_id, token).expect(404)).body).toEqual(
        webhookNotFound(webhook.webhook_id),
      );
      const row = await t.db
        .getRepository(WebhookDeliveryEntity)
        .findOneByOrFail({ id: delivery.id });
      expect(row).toMatchObject({ status: 'failed', nextAttemptAt: null });
    });

    it('answers 401, 403, 404 OBP-30001 and 404 OBP-30360, deleting nothing', async () => {
      const { bank, webhook } = await managed();
      expect((await remove(bank.id, webhook.webhook_id).expect(401)).body).toEqual(NOT_LOGGED_IN);
      const reader = await t.seed.token({ CanGetWebhooksAtOneBank: bank.id });
      expect((await remove(bank.id, webhook.webhook_id, reader).expect(403)).body).toEqual(
        missingRole('CanDeleteWebhookAtOneBank', bank.id),
      );
      expect((await remove('no.such.bank', webhook.webhook_id, reader).expect(404)).body).toEqual(
        bankNotFound('no.such.bank'),
      );
      const deleter = await t.seed.token({ CanDeleteWebhookAtOneBank: bank.id });
      expect((await remove(bank.id, UNKNOWN_UUID, deleter).expect(404)).body).toEqual(
        webhookNotFound(UNKNOWN_UUID),
      );
      expect(await stored(bank.id)).toBe(1);
    });
  });

  /**
   * A delivery row as the relay makes it, with its outbox event (of a type the webhooks here do not
   * subscribe to, so the relay itself makes nothing of it).
   */
  async function seedDelivery(
    webhookId: string,
    status: 'pending' | 'succeeded' | 'failed',
    customerId: string | null = UNKNOWN_UUID,
  ): Promise<WebhookDeliveryEntity> {
    const webhook = await t.db.getRepository(WebhookEntity).findOneByOrFail({ id: webhookId });
    const event = await t.db.getRepository(KycEventEntity).save({
      type: 'meeting.created',
      bankId: webhook.bankId,
      customerId,
      data: { meeting_id: 'm1' },
    });
    return t.db.getRepository(WebhookDeliveryEntity).save({
      webhookId,
      eventSeq: event.seq,
      eventId: event.eventId,
      eventType: 'meeting.created',
      streamKey: customerId ?? '',
      status,
      // not due: the workers leave it alone
      nextAttemptAt: status === 'pending' ? new Date(Date.now() + 3_600_000) : null,
      deadlineAt: new Date(Date.now() + 86_400_000),
      completedAt: status === 'pending' ? null : new Date('2026-12-01T10:00:05Z'),
      attemptCount: status === 'pending' ? 0 : 2,
    });
  }

  describe('GET /banks/BANK_ID/webhooks/WEBHOOK_ID/deliveries', () => {
    const deliveries = (bankId: string, id: string) => `${base(bankId)}/${id}/deliveries`;

    it('answers every delivery newest first, each with its attempts oldest first', async () => {
      const { bank, token, webhook } = await managed();
      expect((await get(deliveries(bank.id, webhook.webhook_id), token).expect(200)).body).toEqual({
        deliveries: [],
      });
      const first = await seedDelivery(webhook.webhook_id, 'succeeded', null);
      const attempts = t.db.getRepository(WebhookDeliveryAttemptEntity);
      await attempts.save([
        {
          deliveryId: first.id,
          attemptedAt: new Date('2026-12-01T10:00:00Z'),
          status: 'failed',
          responseCode: null,
          durationMs: 10000,
          error: 'timeout',
          nextRetryAt: new Date('2026-12-01T10:00:05Z'),
        },
        {
          deliveryId: first.id,
          attemptedAt: new Date('2026-12-01T10:00:05Z'),
          status: 'succeeded',
          responseCode: 204,
          durationMs: 12,
          error: null,
          nextRetryAt: null,
        },
      ]);
      const second = await seedDelivery(webhook.webhook_id, 'pending');
      const res = await get(deliveries(bank.id, webhook.webhook_id), token).expect(200);
      expect(res.body).toEqual({
        deliveries: [
          {
            delivery_id: second.id,
            webhook_id: webhook.webhook_id,
            event_id: second.eventId,
            event_type: 'meeting.created',
            customer_id: UNKNOWN_UUID,
            status: 'pending',
            attempt_count: 0,
            next_retry_at: expect.stringMatching(/Z$/),
            created_at: expect.stringMatching(/Z$/),
            completed_at: null,
            attempts: [],
          },
          {
            delivery_id: first.id,
            webhook_id: webhook.webhook_id,
            event_id: first.eventId,
            event_type: 'meeting.created',
            customer_id: null,
            status: 'succeeded',
            attempt_count: 2,
            next_retry_at: null,
            created_at: expect.stringMatching(/Z$/),
            completed_at: '2026-12-01T10:00:05Z',
            attempts: [
              {
                attempted_at: '2026-12-01T10:00:00Z',
                status: 'failed',
                response_code: null,
                duration_ms: 10000,
                error: 'timeout',
                next_retry_at: '2026-12-01T10:00:05Z',
              },
              {
                attempted_at: '2026-12-01T10:00:05Z',
                status: 'succeeded',
                response_code: 204,
                duration_ms: 12,
                error: null,
                next_retry_at: null,
              },
            ],
          },
        ],
      });
      const oldest = await get(
        `${deliveries(bank.id, webhook.webhook_id)}?sort_direction=ASC&limit=1`,
        token,
      ).expect(200);
      expect(oldest.body.deliveries.map((d: { delivery_id: string }) => d.delivery_id)).toEqual([
        first.id,
      ]);
    });

    it('answers 400 for a bad paging parameter', async () => {
      const { bank, token, webhook } = await managed();
      const res = await get(`${deliveries(bank.id, webhook.webhook_id)}?limit=abc`, token).expect(
        400,
      );
      expect(res.body).toEqual(
        paging(
          'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
        ),
      );
    });

    it('answers 401, 403, 404 OBP-30001 and 404 OBP-30360', async () => {
      const { bank, webhook } = await managed();
      const path = deliveries(bank.id, webhook.webhook_id);
      expect((await get(path).expect(401)).body).toEqual(NOT_LOGGED_IN);
      const other = await t.seed.token({ CanGetWebhooksAtOneBank: (await t.seed.bank()).id });
      expect((await get(path, other).expect(403)).body).toEqual(
        missingRole('CanGetWebhooksAtOneBank', bank.id),
      );
      expect(
        (await get(deliveries('no.such.bank', webhook.webhook_id), other).expect(404)).body,
      ).toEqual(bankNotFound('no.such.bank'));
      const reader = await t.seed.token({ CanGetWebhooksAtOneBank: bank.id });
      expect((await get(deliveries(bank.id, UNKNOWN_UUID), reader).expect(404)).body).toEqual(
        webhookNotFound(UNKNOWN_UUID),
      );
    });
  });

  describe('POST /banks/BANK_ID/webhooks/WEBHOOK_ID/deliveries/DELIVERY_ID/retry', () => {
    const retry = (bankId: string, webhookId: string, deliveryId: string, token?: string) => {
      const req = t.http.post(`${base(bankId)}/${webhookId}/deliveries/${deliveryId}/retry`);
      return token ? req.set(t.auth(token)) : req;
    };

    it('answers 201 with the delivery pending and due now, then attempts it again', async () => {
      const { bank, token, webhook } = await managed(tp, {
        ...BODY,
        url: `http://127.0.0.1:${await closedPort()}/hook`,
      });
      const failed = await seedDelivery(webhook.webhook_id, 'failed');
      const res = await retry(bank.id, webhook.webhook_id, failed.id, token).expect(201);
      expect(res.body).toMatchObject({
        delivery_id: failed.id,
        status: 'pending',
        next_retry_at: expect.stringMatching(/Z$/),
        completed_at: null,
      });
      expect(Date.parse(res.body.next_retry_at)).toBeLessThanOrEqual(Date.now() + 1000);
      // a worker sends it: nobody listens there, so a failed attempt (refused by the port, or by
      // the address rule on the instance of this file that does not allow private addresses)
      const repo = t.db.getRepository(WebhookDeliveryAttemptEntity);
      for (let i = 0; i < 300 && (await repo.countBy({ deliveryId: failed.id })) === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const [attempt] = await repo.findBy({ deliveryId: failed.id });
      expect(attempt).toMatchObject({ status: 'failed', responseCode: null });
      expect(['connection refused', 'address not allowed']).toContain(attempt.error);
    });

    it('answers 401, 403, 404 OBP-30001, 404 OBP-30360 and 404 OBP-30361', async () => {
      const { bank, webhook } = await managed();
      const delivery = await seedDelivery(webhook.webhook_id, 'failed');
      expect((await retry(bank.id, webhook.webhook_id, delivery.id).expect(401)).body).toEqual(
        NOT_LOGGED_IN,
      );
      const reader = await t.seed.token({ CanGetWebhooksAtOneBank: bank.id });
      expect(
        (await retry(bank.id, webhook.webhook_id, delivery.id, reader).expect(403)).body,
      ).toEqual(missingRole('CanCreateWebhookAtOneBank', bank.id));
      const manager = await t.seed.token({ CanCreateWebhookAtOneBank: bank.id });
      expect(
        (await retry('no.such.bank', webhook.webhook_id, delivery.id, manager).expect(404)).body,
      ).toEqual(bankNotFound('no.such.bank'));
      expect((await retry(bank.id, UNKNOWN_UUID, delivery.id, manager).expect(404)).body).toEqual(
        webhookNotFound(UNKNOWN_UUID),
      );
      const { webhook: other } = await managed();
      const foreign = await seedDelivery(other.webhook_id, 'failed');
      for (const id of [UNKNOWN_UUID, 'nope', foreign.id]) {
        expect((await retry(bank.id, webhook.webhook_id, id, manager).expect(404)).body).toEqual({
          code: 404,
          message: `OBP-30361: Webhook delivery not found. Please specify a valid value for DELIVERY_ID. Current DELIVERY_ID(${id})`,
        });
      }
      const row = await t.db
        .getRepository(WebhookDeliveryEntity)
        .findOneByOrFail({ id: foreign.id });
      expect(row.status).toBe('failed');
    });
  });
});
