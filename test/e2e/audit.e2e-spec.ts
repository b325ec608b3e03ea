import { randomUUID } from 'node:crypto';
import { AccessEventBuffer } from '../../src/modules/audit/access-event.buffer';
import { NOT_LOGGED_IN, bankNotFound, missingRole } from '../support/obp-error-bodies';
import { createTestApp, type TestApp } from '../support/test-app';

const K = '/kyc/v1.0.0';

const BAD_LIMIT = {
  code: 400,
  message: 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
};
const BAD_OFFSET = {
  code: 400,
  message: 'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!',
};
const BAD_SORT = {
  code: 400,
  message: 'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!',
};
const BAD_DATE = {
  code: 400,
  message:
    "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!",
};

interface Row {
  event_id: string;
  occurred_at: Date;
  seq: string;
}

describe('audit events', () => {
  let t: TestApp;
  let bankA: string;
  let bankB: string;
  let customerA: string;
  let customerB: string;
  let writerId: string;
  let writer: Record<string, string>;
  let auditor: Record<string, string>;
  let taxResidenceId: string;
  /** Rows inserted straight into the table, with chosen times, for one made-up customer. */
  const timed = randomUUID();
  const TIMES = [
    '2026-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.001Z',
    '2026-01-02T12:30:00.500Z',
    '2026-01-03T00:00:00.000Z',
  ];

  /** The JSON of the rows the database holds, newest first (what the endpoint should answer). */
  async function expectedFor(where: string, params: unknown[]): Promise<object[]> {
    await t.app.get(AccessEventBuffer).flush();
    const rows = await t.db.query<(Row & Record<string, unknown>)[]>(
      `SELECT * FROM audit_event WHERE ${where} ORDER BY occurred_at DESC, seq DESC`,
      params,
    );
    return rows.map((r) => ({
      event_id: r.event_id,
      occurred_at: r.occurred_at.toISOString(),
      user_id: r.user_id,
      consumer_id: r.consumer_id,
      action: r.action,
      entity_type: r.entity_type,
      entity_id: r.entity_id,
      bank_id: r.bank_id,
      customer_id: r.customer_id,
      correlation_id: r.correlation_id,
      changed_fields: r.changed_fields,
    }));
  }

  const list = async (path: string, headers = auditor) => {
    await t.app.get(AccessEventBuffer).flush();
    return t.http.get(path).set(headers);
  };
  const ok = async (path: string, headers = auditor) => {
    const res = await list(path, headers);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await t.seed.customer();
    const b = await t.seed.customer();
    bankA = a.bank.id;
    bankB = b.bank.id;
    customerA = a.customer.id;
    customerB = b.customer.id;
    const w = await t.seed.userWithToken({
      CanCreateTaxResidence: [bankA, bankB],
      CanAddKycStatus: [bankA, bankB],
      CanGetAnyKycStatuses: '',
    });
    writerId = w.user.id;
    writer = t.auth(w.token);
    auditor = t.auth(await t.seed.token({ CanGetAuditEvents: '' }));
    const tax = await t.http
      .post(`/obp/v3.1.0/banks/${bankA}/customers/${customerA}/tax-residence`)
      .set(writer)
      .set('Correlation-Id', 'audit-e2e-1')
      .send({ domain: 'DE', tax_number: '123' })
      .expect(201);
    taxResidenceId = tax.body.tax_residence_id;
    await t.http
      .put(`/obp/v3.1.0/banks/${bankB}/customers/${customerB}/kyc_statuses`)
      .set(writer)
      .send({ customer_number: '1', ok: true, date: '2024-01-01T00:00:00Z' })
      .expect(201);
    await t.http
      .get(`/obp/v3.1.0/customers/${customerA}/kyc_statuses`)
      .set(writer)
      .set('Correlation-Id', 'audit-e2e-2')
      .expect(200);
    for (const [i, at] of TIMES.entries()) {
      await t.db.query(
        `INSERT INTO audit_event (occurred_at, user_id, action, entity_type, entity_id, bank_id, customer_id, correlation_id, changed_fields)
         VALUES ($1, NULL, $2, 'kyc_check', $3, $4, $5, $6, '{comments}')`,
        [at, i % 2 === 0 ? 'create' : 'update', `check-${i}`, bankA, timed, `timed-${i}`],
      );
    }
  });
  afterAll(() => t.close());

  describe('GET /kyc/v1.0.0/audit-events', () => {
    it("answers a customer's events newest first, the read after the change", async () => {
      const res = await ok(`${K}/audit-events?customer_id=${customerA}`);
      const [read, created] = await expectedFor('customer_id = $1', [customerA]);
      expect(res.body).toEqual({ audit_events: [read, created] });
      expect(created).toEqual({
        event_id: expect.any(String),
        occurred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        user_id: writerId,
        consumer_id: expect.any(String),
        action: 'create',
        entity_type: 'tax_residence',
        entity_id: taxResidenceId,
        bank_id: bankA,
        customer_id: customerA,
        correlation_id: 'audit-e2e-1',
        changed_fields: ['domain', 'tax_number'],
      });
      expect(read).toMatchObject({
        action: 'read',
        entity_type: 'kyc_statuses',
        entity_id: customerA,
        bank_id: bankA,
        correlation_id: 'audit-e2e-2',
        changed_fields: [],
      });
    });

    it('answers every event, at every bank, to the system role', async () => {
      const res = await ok(`${K}/audit-events?limit=1000`);
      const banks = new Set(res.body.audit_events.map((e: { bank_id: string }) => e.bank_id));
      expect(banks).toEqual(new Set([bankA, bankB]));
      expect(res.body.audit_events).toEqual(await expectedFor('true', []));
    });

    it.each([
      ['entity_type=tax_residence', "entity_type = 'tax_residence'"],
      ['action=read', "action = 'read'"],
      ['entity_id=check-2', "entity_id = 'check-2'"],
      ['ENTITY_ID=check-2', "entity_id = 'check-2'"],
      ['action=update&customer_id=TIMED', "action = 'update' AND customer_id = $1"],
      ['user_id=WRITER', 'user_id = $2'],
    ])('filters by %s', async (q, where) => {
      const path = `${K}/audit-events?${q.replace('TIMED', timed).replace('WRITER', writerId)}`;
      const res = await ok(path);
      const expected = await expectedFor(
        `${where} AND ($1::uuid IS NOT NULL) AND ($2::uuid IS NOT NULL)`,
        [timed, writerId],
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(res.body).toEqual({ audit_events: expected });
    });

    it('pages with limit and offset, newest first by default, oldest first with ASC', async () => {
      const q = `${K}/audit-events?customer_id=${timed}`;
      const ids = (body: { audit_events: { correlation_id: string }[] }) =>
        body.audit_events.map((e) => e.correlation_id);
      expect(ids((await list(q)).body)).toEqual(['timed-3', 'timed-2', 'timed-1', 'timed-0']);
      expect(ids((await list(`${q}&limit=2&offset=1`)).body)).toEqual(['timed-2', 'timed-1']);
      expect(ids((await list(`${q}&sort_direction=asc&limit=3`)).body)).toEqual([
        'timed-0',
        'timed-1',
        'timed-2',
      ]);
      // OBP's obp_ forms are read too
      expect(ids((await list(`${q}&obp_limit=1&obp_offset=3`)).body)).toEqual(['timed-0']);
      expect(ids((await list(`${q}&offset=4`)).body)).toEqual([]);
    });

    it('takes from_date and to_date inclusive, to the millisecond', async () => {
      const q = `${K}/audit-events?customer_id=${timed}`;
      const ids = async (path: string) =>
        ((await list(path)).body.audit_events as { correlation_id: string }[]).map(
          (e) => e.correlation_id,
        );
      expect(await ids(`${q}&from_date=2026-01-01T00:00:00.001Z`)).toEqual([
        'timed-3',
        'timed-2',
        'timed-1',
      ]);
      expect(await ids(`${q}&to_date=2026-01-01T00:00:00.001Z`)).toEqual(['timed-1', 'timed-0']);
      expect(
        await ids(`${q}&from_date=2026-01-02T00:00:00.000Z&to_date=2026-01-02T23:59:59.999Z`),
      ).toEqual(['timed-2']);
      // OBP's fallback form with an offset: 01:00:00.001 at +0100 is 00:00:00.001 UTC
      expect(await ids(`${q}&to_date=2026-01-01T01:00:00.001%2B0100`)).toEqual([
        'timed-1',
        'timed-0',
      ]);
    });

    it('answers [] for ids no event can have', async () => {
      for (const q of ['customer_id=not-a-uuid', 'user_id=42', 'entity_id=none', 'action=forge'])
        expect((await ok(`${K}/audit-events?${q}`)).body).toEqual({
          audit_events: [],
        });
    });

    it.each([
      ['limit=0', BAD_LIMIT],
      ['limit=ten', BAD_LIMIT],
      ['limit=1.5', BAD_LIMIT],
      ['limit=99999999999', BAD_LIMIT],
      ['offset=-1', BAD_OFFSET],
      ['offset=x', BAD_OFFSET],
      ['sort_direction=up', BAD_SORT],
      ['from_date=2026-01-01', BAD_DATE],
      ['to_date=2026-01-01T00:00:00Z', BAD_DATE],
      ['from_date=2026-02-30T00:00:00.000Z', BAD_DATE],
      // OBP reads the sort direction first, then the dates, then limit and offset
      ['limit=0&sort_direction=up', BAD_SORT],
      ['offset=-1&from_date=x', BAD_DATE],
    ])('answers 400 for %s', async (q, body) => {
      expect((await list(`${K}/audit-events?${q}`)).body).toEqual(body);
      expect((await list(`${K}/audit-events?${q}`)).status).toBe(400);
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const res = await t.http.get(`${K}/audit-events`);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 without CanGetAuditEvents, also to a holder of the bank role only', async () => {
      for (const roles of [{}, { CanGetAuditEventsAtOneBank: bankA }]) {
        const res = await list(`${K}/audit-events`, t.auth(await t.seed.token(roles)));
        expect(res.status).toBe(403);
        expect(res.body).toEqual(missingRole('CanGetAuditEvents'));
      }
    });

    it('is served only under the KYC standard: 404 OBP-10404 under /obp/v3.1.0', async () => {
      const res = await list('/obp/v3.1.0/audit-events');
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
    });
  });

  describe('GET /kyc/v1.0.0/banks/BANK_ID/audit-events', () => {
    it("answers only the bank's events to CanGetAuditEventsAtOneBank there", async () => {
      const staff = t.auth(await t.seed.token({ CanGetAuditEventsAtOneBank: bankB }));
      const res = await ok(`${K}/banks/${bankB}/audit-events`, staff);
      const expected = await expectedFor('bank_id = $1', [bankB]);
      expect(expected.map((e) => (e as { entity_type: string }).entity_type)).toEqual([
        'kyc_status',
      ]);
      expect(res.body).toEqual({ audit_events: expected });
      // the filters apply within the bank: bank A's customer is not found at bank B
      expect(
        (await list(`${K}/banks/${bankB}/audit-events?customer_id=${customerA}`, staff)).body,
      ).toEqual({ audit_events: [] });
    });

    it('answers the system role too, with filters and paging', async () => {
      const res = await ok(
        `${K}/banks/${bankA}/audit-events?customer_id=${timed}&limit=1&sort_direction=ASC`,
      );
      expect(
        res.body.audit_events.map((e: { correlation_id: string }) => e.correlation_id),
      ).toEqual(['timed-0']);
    });

    it('answers 401 OBP-20001 without a token', async () => {
      const res = await t.http.get(`${K}/banks/${bankA}/audit-events`);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 OBP-20006 when the bank role is held at another bank only', async () => {
      const res = await list(
        `${K}/banks/${bankA}/audit-events`,
        t.auth(await t.seed.token({ CanGetAuditEventsAtOneBank: bankB })),
      );
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        code: 403,
        message: `OBP-20006: User is missing one or more roles: CanGetAuditEventsAtOneBank or CanGetAuditEvents for BankId(${bankA}).`,
      });
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID', async () => {
      const res = await list(`${K}/banks/no.such.bank/audit-events`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(bankNotFound('no.such.bank'));
    });

    it('answers 400 for a bad paging value', async () => {
      const res = await list(`${K}/banks/${bankA}/audit-events?limit=-3`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(BAD_LIMIT);
    });
  });

  it('writes no event for reading the audit trail itself, nor for a refused audit read', async () => {
    const before = (await expectedFor('true', [])).length;
    await ok(`${K}/audit-events`);
    expect((await list(`${K}/audit-events?limit=0`)).status).toBe(400);
    expect((await expectedFor('true', [])).length).toBe(before);
  });

  it('records the entitlements POST /banks grants its creator, with their outbox events', async () => {
    const creator = await t.seed.userWithToken({ CanCreateBank: '' });
    const id = `audbank.${Date.now() % 1e6}`;
    await t.http
      .post('/obp/v3.1.0/banks')
      .set(t.auth(creator.token))
      .set('Correlation-Id', 'audit-e2e-bank')
      .send({
        id,
        full_name: 'Audit Bank',
        short_name: 'Audit',
        logo_url: 'https://example.com/logo.png',
        website_url: 'https://example.com',
        swift_bic: 'AUDTGB22',
        national_identifier: 'AUD1',
        bank_routing: { scheme: 'BIC', address: 'AUDTGB22' },
      })
      .expect(201);
    const rows = await t.db.query<
      { entity_type: string; entity_id: string; user_id: string; bank_id: string }[]
    >(
      "SELECT entity_type, entity_id, user_id, bank_id FROM audit_event WHERE correlation_id = 'audit-e2e-bank' ORDER BY seq",
    );
    const granted = await t.db.query<{ id: string; role_name: string }[]>(
      'SELECT id, role_name FROM entitlement WHERE user_id = $1 AND bank_id = $2 ORDER BY role_name',
      [creator.user.id, id],
    );
    expect(granted.map((g) => g.role_name)).toEqual([
      'CanCreateEntitlementAtOneBank',
      'CanReadDynamicResourceDocsAtOneBank',
    ]);
    expect(rows).toEqual(
      expect.arrayContaining(
        granted.map((g) => ({
          entity_type: 'entitlement',
          entity_id: g.id,
          user_id: creator.user.id,
          bank_id: id,
        })),
      ),
    );
    expect(rows).toHaveLength(2);
    const events = await t.db.query<{ data: unknown }[]>(
      "SELECT data FROM kyc_event WHERE type = 'entitlement.created' AND bank_id = $1",
      [id],
    );
    expect(events.map((e) => e.data)).toEqual(
      expect.arrayContaining(
        granted.map((g) => ({ entitlement_id: g.id, role_name: g.role_name, bank_id: id })),
      ),
    );
  });
});

describe('audit events of the server itself', () => {
  it('records the bootstrap admin and its grant at start-up as changes by no user', async () => {
    const t = await createTestApp({
      env: { OBP_ADMIN_USERNAME: 'audit.boot.admin', OBP_ADMIN_PASSWORD: 'Audit-B00t-Passw0rd!' },
    });
    try {
      const rows = await t.db.query<Record<string, unknown>[]>(
        "SELECT user_id, consumer_id, action, entity_type, bank_id, customer_id, changed_fields FROM audit_event WHERE correlation_id = 'server-start-up' ORDER BY seq",
      );
      const base = { user_id: null, consumer_id: null, bank_id: '', customer_id: null };
      expect(rows).toEqual([
        {
          ...base,
          action: 'create',
          entity_type: 'user',
          changed_fields: ['email', 'username', 'password', 'first_name', 'last_name'],
        },
        {
          ...base,
          action: 'create',
          entity_type: 'entitlement',
          changed_fields: ['bank_id', 'role_name'],
        },
      ]);
    } finally {
      await t.close();
    }
  });
});
