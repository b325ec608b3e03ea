import { ConsumerEntity } from '../../src/modules/consumer/consumer.entity';
import { AccessEventBuffer } from '../../src/modules/audit/access-event.buffer';
import { customerPostBody } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The audit trail and the outbox over a whole KYC flow (issue #13 "Done when", issue #15 point 1):
 * the exact events each request writes, in audit_event and kyc_event, the outbox data equal to the
 * HTTP answer, nothing for a refused or rolled-back request, an append-only table, and no personal
 * value in any audit event. Every request carries its own Correlation-Id, which names its events.
 */

const V = '/obp/v3.1.0';

/** Values only a person's data holds: none may appear in an audit event. */
const PERSONAL = {
  legalName: 'Zelda Quixote-Audit',
  email: 'zelda.audit@example.org',
  phone: '+49 170 5550123',
  birth: '1977-07-07T00:00:00Z',
  faceUrl: 'https://example.org/zelda-face.png',
  line1: 'Auditweg 77',
  city: 'Auditburg',
  newCity: 'Neu-Auditburg',
  postcode: '99887',
  taxNumber: 'TAX-AUD-4411',
  documentNumber: 'PASS-AUD-9988',
  issuePlace: 'Auditstadt',
  staffName: 'Staffy Auditor',
  comments: 'Seen in person at the AUD branch',
  newComments: 'Seen twice at the AUD branch',
  mediaUrl: 'https://example.org/aud/scan-9988.png',
  creatorName: 'Creator Auditperson',
  creatorEmail: 'creator.audit@example.org',
  creatorPhone: '+49 170 5550999',
  inviteeName: 'Invitee Auditperson',
  firstName: 'Signup-Firstname-Aud',
  lastName: 'Signup-Lastname-Aud',
  password: 'Aud1t-Passw0rd-Long!',
  signupEmail: 'signup.audit@example.org',
  newNumber: 'NUM-AUD-5544',
};

const ALL_ROLES = [
  'CanCreateCustomer',
  'CanUpdateCustomerNumber',
  'CanCreateCustomerAddress',
  'CanDeleteCustomerAddress',
  'CanCreateTaxResidence',
  'CanDeleteTaxResidence',
  'CanAddKycCheck',
  'CanAddKycDocument',
  'CanAddKycMedia',
  'CanAddKycStatus',
  'CanCreateUserCustomerLink',
  'CanGetCustomer',
  'CanGetCustomerAddress',
  'CanGetTaxResidence',
] as const;
const SYSTEM_ROLES = [
  'CanGetAnyKycChecks',
  'CanGetAnyKycDocuments',
  'CanGetAnyKycMedia',
  'CanGetAnyKycStatuses',
  'CanLockUser',
  'CanUnlockUser',
  'CanCreateEntitlementAtAnyBank',
  'CanDeleteEntitlementAtAnyBank',
] as const;

interface AuditRow {
  seq: string;
  event_id: string;
  occurred_at: Date;
  user_id: string | null;
  consumer_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  bank_id: string;
  customer_id: string | null;
  correlation_id: string;
  changed_fields: string[];
}

interface OutboxRow {
  type: string;
  bank_id: string;
  customer_id: string | null;
  data: unknown;
}

describe('the audit trail and the outbox of a KYC flow', () => {
  let t: TestApp;
  let bankId: string;
  let adminId: string;
  let consumerId: string;
  let auth: Record<string, string>;
  const answers = new Map<string, unknown>();

  const audit = async (): Promise<AuditRow[]> => {
    await t.app.get(AccessEventBuffer).flush();
    return t.db.query<AuditRow[]>('SELECT * FROM audit_event ORDER BY seq');
  };
  /** The outbox, oldest first. */
  const outbox = (): Promise<OutboxRow[]> =>
    t.db.query<OutboxRow[]>('SELECT type, bank_id, customer_id, data FROM kyc_event ORDER BY seq');

  /** A request with its own Correlation-Id; the answer is kept under that id. */
  async function send(
    id: string,
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    body?: object,
    status?: number,
    headers: Record<string, string> = auth,
  ): Promise<unknown> {
    let req = t.http[method](`${V}${path}`).set(headers).set('Correlation-Id', id);
    if (body !== undefined) req = req.send(body);
    const res = await req;
    if (status !== undefined) expect({ id, status: res.status }).toEqual({ id, status });
    answers.set(id, res.body);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    bankId = (await t.seed.bank()).id;
    const admin = await t.seed.user();
    adminId = admin.id;
    await t.seed.grant(adminId, {
      ...Object.fromEntries(ALL_ROLES.map((r) => [r, bankId])),
      ...Object.fromEntries(SYSTEM_ROLES.map((r) => [r, ''])),
    });
    auth = t.auth(await t.seed.login(admin.username));
    const key = await t.seed.consumerKey();
    consumerId = (await t.db.getRepository(ConsumerEntity).findOneByOrFail({ consumerKey: key }))
      .id;
  });
  afterAll(() => t.close());

  const customerBody = customerPostBody({
    legal_name: PERSONAL.legalName,
    email: PERSONAL.email,
    mobile_phone_number: PERSONAL.phone,
    date_of_birth: PERSONAL.birth,
    face_image: { url: PERSONAL.faceUrl, date: '2017-09-19T00:00:00Z' },
  });
  const addressBody = {
    line_1: PERSONAL.line1,
    line_2: 'Hinterhaus',
    line_3: '',
    city: PERSONAL.city,
    county: '',
    state: 'Brandenburg',
    postcode: PERSONAL.postcode,
    country_code: 'DE',
    tags: ['home'],
    status: 'OK',
  };
  const checkBody = {
    customer_number: 'filled in below',
    date: '2024-05-06T07:08:09Z',
    how: 'in_branch',
    staff_user_id: 'staff-aud-1',
    staff_name: PERSONAL.staffName,
    satisfied: true,
    comments: PERSONAL.comments,
  };

  let customerId: string;
  let customerNumber: string;

  it('writes exactly one change event per change, with its outbox event holding the answer', async () => {
    const customer = (await send(
      'c01',
      'post',
      `/banks/${bankId}/customers`,
      customerBody,
      201,
    )) as {
      customer_id: string;
      customer_number: string;
    };
    customerId = customer.customer_id;
    const C = `/banks/${bankId}/customers/${customerId}`;
    await send('c02', 'put', `${C}/number`, { customer_number: PERSONAL.newNumber }, 200);
    customerNumber = PERSONAL.newNumber;
    const address = (await send('c03', 'post', `${C}/address`, addressBody, 201)) as {
      customer_address_id: string;
    };
    const addressId = address.customer_address_id;
    await send(
      'c04',
      'put',
      `${C}/addresses/${addressId}`,
      { ...addressBody, city: PERSONAL.newCity, tags: ['home', 'mailing'] },
      200,
    );
    const tax = (await send(
      'c05',
      'post',
      `${C}/tax-residence`,
      { domain: 'DE', tax_number: PERSONAL.taxNumber },
      201,
    )) as { tax_residence_id: string };
    await send('c06', 'delete', `${C}/tax_residencies/${tax.tax_residence_id}`, undefined, 200);
    await send(
      'c07',
      'put',
      `${C}/kyc_check/check-aud-1`,
      { ...checkBody, customer_number: customerNumber },
      201,
    );
    await send(
      'c08',
      'put',
      `${C}/kyc_check/check-aud-1`,
      { ...checkBody, customer_number: customerNumber, comments: PERSONAL.newComments },
      201,
    );
    await send(
      'c09',
      'put',
      `${C}/kyc_documents/doc-aud-1`,
      {
        customer_number: customerNumber,
        type: 'passport',
        number: PERSONAL.documentNumber,
        issue_date: '2015-01-01T00:00:00Z',
        issue_place: PERSONAL.issuePlace,
        expiry_date: '2030-01-01T00:00:00Z',
      },
      201,
    );
    await send(
      'c10',
      'put',
      `${C}/kyc_media/media-aud-1`,
      {
        customer_number: customerNumber,
        type: 'image',
        url: PERSONAL.mediaUrl,
        date: '2024-05-06T07:08:09Z',
        relates_to_kyc_document_id: 'doc-aud-1',
        relates_to_kyc_check_id: 'check-aud-1',
      },
      201,
    );
    await send(
      'c11',
      'put',
      `${C}/kyc_statuses`,
      { customer_number: customerNumber, ok: true, date: '2024-05-07T00:00:00Z' },
      201,
    );
    const contact = (name: string) => ({
      name,
      mobile_phone: PERSONAL.creatorPhone,
      email_address: PERSONAL.creatorEmail,
    });
    const meeting = (await send(
      'c12',
      'post',
      `/banks/${bankId}/meetings`,
      {
        provider_id: 'tokbox',
        purpose_id: 'onboarding',
        date: '2024-06-01T10:00:00Z',
        creator: contact(PERSONAL.creatorName),
        invitees: [{ contact_details: contact(PERSONAL.inviteeName), status: 'invited' }],
      },
      201,
    )) as { meeting_id: string };
    const link = (await send(
      'c13',
      'post',
      `/banks/${bankId}/user_customer_links`,
      { user_id: adminId, customer_id: customerId },
      201,
    )) as { user_customer_link_id: string };
    const signupName = `signup.aud.${Date.now()}`;
    const signup = (await send(
      'c14',
      'post',
      '/users',
      {
        email: PERSONAL.signupEmail,
        username: signupName,
        password: PERSONAL.password,
        first_name: PERSONAL.firstName,
        last_name: PERSONAL.lastName,
      },
      201,
      {},
    )) as { user_id: string };
    const entitlement = (await send(
      'c15',
      'post',
      `/users/${signup.user_id}/entitlements`,
      { bank_id: bankId, role_name: 'CanGetCustomer' },
      201,
    )) as { entitlement_id: string };
    await send(
      'c16',
      'delete',
      `/users/${signup.user_id}/entitlement/${entitlement.entitlement_id}`,
      undefined,
      204,
    );
    await t.http
      .post(`/obp/v4.0.0/users/${signupName}/locks`)
      .set(auth)
      .set('Correlation-Id', 'c17')
      .expect(200);
    await send('c18', 'put', `/users/${signupName}/lock-status`, undefined, 200);
    await send('c19', 'delete', `${C}/addresses/${addressId}`, undefined, 200);

    const who = { user_id: adminId, consumer_id: consumerId };
    const atCustomer = { bank_id: bankId, customer_id: customerId };
    const change = (
      correlation_id: string,
      action: string,
      entity_type: string,
      entity_id: string,
      changed_fields: string[],
      scope: { bank_id: string; customer_id: string | null } = atCustomer,
      actor: { user_id: string | null; consumer_id: string | null } = who,
    ) => ({ correlation_id, action, entity_type, entity_id, changed_fields, ...scope, ...actor });
    const addressFields = [
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
    ];
    const checkFields = [
      'customer_number',
      'date',
      'how',
      'staff_user_id',
      'staff_name',
      'satisfied',
      'comments',
    ];
    const atBank = { bank_id: bankId, customer_id: null };
    const system = { bank_id: '', customer_id: null };
    const expected = [
      change('c01', 'create', 'customer', customerId, Object.keys(customerBody)),
      change('c02', 'update', 'customer', customerId, ['customer_number']),
      change('c03', 'create', 'address', addressId, addressFields),
      change('c04', 'update', 'address', addressId, ['city', 'tags']),
      change('c05', 'create', 'tax_residence', tax.tax_residence_id, ['domain', 'tax_number']),
      change('c06', 'delete', 'tax_residence', tax.tax_residence_id, []),
      change('c07', 'create', 'kyc_check', 'check-aud-1', checkFields),
      change('c08', 'update', 'kyc_check', 'check-aud-1', ['comments']),
      change('c09', 'create', 'kyc_document', 'doc-aud-1', [
        'customer_number',
        'type',
        'number',
        'issue_date',
        'issue_place',
        'expiry_date',
      ]),
      change('c10', 'create', 'kyc_media', 'media-aud-1', [
        'customer_number',
        'type',
        'url',
        'date',
        'relates_to_kyc_document_id',
        'relates_to_kyc_check_id',
      ]),
      change('c11', 'create', 'kyc_status', customerId, ['customer_number', 'ok', 'date']),
      change(
        'c12',
        'create',
        'meeting',
        meeting.meeting_id,
        ['provider_id', 'purpose_id', 'date', 'creator', 'invitees'],
        atBank,
      ),
      change('c13', 'create', 'user_customer_link', link.user_customer_link_id, [
        'user_id',
        'customer_id',
      ]),
      change(
        'c14',
        'create',
        'user',
        signup.user_id,
        ['email', 'username', 'password', 'first_name', 'last_name'],
        system,
        { user_id: null, consumer_id: null },
      ),
      change(
        'c15',
        'create',
        'entitlement',
        entitlement.entitlement_id,
        ['bank_id', 'role_name'],
        atBank,
      ),
      change('c16', 'delete', 'entitlement', entitlement.entitlement_id, [], atBank),
      change('c17', 'update', 'user', signup.user_id, ['locked'], system),
      change(
        'c18',
        'update',
        'user',
        signup.user_id,
        ['locked', 'bad_attempts_since_last_success_or_reset'],
        system,
      ),
      change('c19', 'delete', 'address', addressId, []),
    ];
    const rows = await audit();
    expect(
      rows.map(
        ({ seq: _s, event_id: _e, occurred_at: _o, ...rest }) => rest as Record<string, unknown>,
      ),
    ).toEqual(expected);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(rows.length);

    // the outbox: one row per change it covers (users have none), `data` = the HTTP answer
    const answer = (id: string) => answers.get(id);
    const event = (
      type: string,
      data: unknown,
      scope: { bank_id: string; customer_id: string | null } = atCustomer,
    ) => ({ type, data, ...scope });
    expect(await outbox()).toEqual([
      event('customer.created', answer('c01')),
      event('customer.number_updated', answer('c02')),
      event('address.created', answer('c03')),
      event('address.updated', answer('c04')),
      event('tax_residence.created', answer('c05')),
      event('tax_residence.deleted', answer('c05')),
      event('kyc_check.upserted', answer('c07')),
      event('kyc_check.upserted', answer('c08')),
      event('kyc_document.upserted', answer('c09')),
      event('kyc_media.upserted', answer('c10')),
      event('kyc_status.added', answer('c11')),
      event('meeting.created', answer('c12'), atBank),
      event('user_customer_link.created', answer('c13')),
      event('entitlement.created', answer('c15'), atBank),
      event('entitlement.deleted', answer('c15'), atBank),
      event('address.deleted', answer('c04')),
    ]);
  });

  it('writes one access event per answered read of personal data, none per row', async () => {
    const C = `/banks/${bankId}/customers/${customerId}`;
    await send('r01', 'get', C, undefined, 200);
    await send(
      'r02',
      'post',
      `/banks/${bankId}/customers/customer-number`,
      { customer_number: customerNumber },
      200,
    );
    await send('r03', 'get', `${C}/addresses`, undefined, 200);
    await send('r04', 'get', `${C}/tax-residences`, undefined, 200);
    await send('r05', 'get', `/customers/${customerId}/kyc_checks`, undefined, 200);
    await send('r06', 'get', `/customers/${customerId}/kyc_documents`, undefined, 200);
    await send('r07', 'get', `/customers/${customerId}/kyc_media`, undefined, 200);
    await send('r08', 'get', `/customers/${customerId}/kyc_statuses`, undefined, 200);
    await send('r09', 'get', '/users/current/customers', undefined, 200);
    await send('r10', 'get', `/banks/${bankId}/customers`, undefined, 200);
    // reads of no personal data write none
    await send('r11', 'get', `/banks/${bankId}`, undefined, 200);
    await send('r12', 'get', '/users/current', undefined, 200);
    const reads = (await audit()).filter((r) => r.correlation_id.startsWith('r'));
    const read = (correlation_id: string, entity_type: string) => ({
      correlation_id,
      action: 'read',
      entity_type,
      entity_id: customerId,
      customer_id: customerId,
      bank_id: bankId,
      user_id: adminId,
      consumer_id: consumerId,
      changed_fields: [],
    });
    expect(reads.map(({ seq: _s, event_id: _e, occurred_at: _o, ...rest }) => rest)).toEqual([
      read('r01', 'customer'),
      read('r02', 'customer'),
      read('r03', 'addresses'),
      read('r04', 'tax_residences'),
      read('r05', 'kyc_checks'),
      read('r06', 'kyc_documents'),
      read('r07', 'kyc_medias'),
      read('r08', 'kyc_statuses'),
      read('r09', 'customer'),
      read('r10', 'customer'),
    ]);
  });

  it('writes nothing for a refused request: 400, 403, 404, 409', async () => {
    const before = (await audit()).length;
    const outboxBefore = (await outbox()).length;
    const C = `/banks/${bankId}/customers/${customerId}`;
    const other = (await t.seed.customer()).customer;
    const noRoles = t.auth(await t.seed.token());
    await send('x01', 'post', `/banks/${bankId}/customers`, { legal_name: 'x' }, 400);
    await send('x02', 'put', `${C}/kyc_check/check-x`, checkBody, 403, noRoles);
    await send('x03', 'get', `/customers/${other.id}/kyc_checks`, undefined, 200);
    await send(
      'x04',
      'get',
      `/customers/00000000-0000-4000-8000-000000000000/kyc_checks`,
      undefined,
      404,
    );
    await send('x05', 'get', `/customers/${customerId}/kyc_checks`, undefined, 403, noRoles);
    await send('x06', 'post', `${C}/tax-residence`, { domain: 'DE', tax_number: 'DUP-1' }, 201);
    await send('x07', 'post', `${C}/tax-residence`, { domain: 'DE', tax_number: 'DUP-1' }, 400);
    // the id belongs to this customer: another customer's PUT of it is refused (409)
    await send(
      'x08',
      'put',
      `/banks/${other.bankId}/customers/${other.id}/kyc_check/check-aud-1`,
      { ...checkBody, customer_number: other.customerNumber },
      409,
      t.auth(await t.seed.token({ CanAddKycCheck: other.bankId })),
    );
    await send(
      'x09',
      'delete',
      `${C}/addresses/00000000-0000-4000-8000-000000000000`,
      undefined,
      400,
    );
    await send(
      'x10',
      'post',
      `/banks/${bankId}/user_customer_links`,
      { user_id: adminId, customer_id: customerId },
      400,
    );
    const after = (await audit()).slice(before);
    // only the two that succeeded: the read of another customer's list, the first tax residence
    expect(
      after
        .map((r) => [r.correlation_id, r.action, r.entity_type])
        .sort((a, b) => a[0].localeCompare(b[0])),
    ).toEqual([
      ['x03', 'read', 'kyc_checks'],
      ['x06', 'create', 'tax_residence'],
    ]);
    expect((await outbox()).length).toBe(outboxBefore + 1);
  });

  it('emits nothing, audit nor outbox, for a change rolled back after its statements ran', async () => {
    // the outbox insert fails for these values only: the change's own insert has run by then
    await t.db.query(`CREATE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.data::text LIKE '%ROLLBACK-ME%' THEN RAISE EXCEPTION 'rolled back by the test'; END IF;
      RETURN NEW; END $$`);
    await t.db.query(
      'CREATE TRIGGER test_fail_outbox BEFORE INSERT ON kyc_event FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()',
    );
    try {
      const before = (await audit()).length;
      const outboxBefore = (await outbox()).length;
      const C = `/banks/${bankId}/customers/${customerId}`;
      // a transaction (address), one statement (KYC status), one upsert statement (KYC document)
      await send('z01', 'post', `${C}/address`, { ...addressBody, line_1: 'ROLLBACK-ME' }, 500);
      await send(
        'z02',
        'put',
        `${C}/kyc_statuses`,
        { customer_number: 'ROLLBACK-ME', ok: false, date: '2024-05-08T00:00:00Z' },
        500,
      );
      await send(
        'z03',
        'put',
        `${C}/kyc_documents/doc-aud-1`,
        {
          customer_number: customerNumber,
          type: 'passport',
          number: 'ROLLBACK-ME',
          issue_date: '2015-01-01T00:00:00Z',
          issue_place: PERSONAL.issuePlace,
          expiry_date: '2030-01-01T00:00:00Z',
        },
        500,
      );
      expect((await audit()).length).toBe(before);
      expect((await outbox()).length).toBe(outboxBefore);
      const [counts] = await t.db.query<{ a: string; s: string; d: string }[]>(
        `SELECT (SELECT count(*) FROM customer_address WHERE line1 = 'ROLLBACK-ME') AS a,
                (SELECT count(*) FROM kyc_status WHERE customer_number = 'ROLLBACK-ME') AS s,
                (SELECT count(*) FROM kyc_document WHERE number = 'ROLLBACK-ME') AS d`,
      );
      expect(counts).toEqual({ a: '0', s: '0', d: '0' });
    } finally {
      await t.db.query('DROP TRIGGER test_fail_outbox ON kyc_event');
      await t.db.query('DROP FUNCTION test_fail_outbox()');
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table, whoever asks', async () => {
    const rows = await audit();
    expect(rows.length).toBeGreaterThan(0);
    await expect(t.db.query("UPDATE audit_event SET action = 'forged'")).rejects.toThrow(
      'audit_event is append-only: UPDATE is refused',
    );
    await expect(t.db.query('DELETE FROM audit_event')).rejects.toThrow(
      'audit_event is append-only: DELETE is refused',
    );
    await expect(t.db.query('TRUNCATE audit_event')).rejects.toThrow(
      'audit_event is append-only: TRUNCATE is refused',
    );
    expect(await audit()).toEqual(rows);
  });

  it('holds no personal value in any audit event (the outbox holds the resources)', async () => {
    const trail = JSON.stringify(await audit());
    for (const value of Object.values(PERSONAL))
      expect({ value, found: trail.includes(value) }).toEqual({ value, found: false });
    const events = JSON.stringify(await outbox());
    expect(events).toContain(PERSONAL.legalName);
    expect(events).toContain(PERSONAL.documentNumber);
  });
});
