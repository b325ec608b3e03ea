import { customerPostBody } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const ADMIN = { username: 'old.prefix.admin', password: 'Old-Prefix-Passw0rd!' };
const CONSUMER_KEY = 'oldprefixconsumerkey1';
type Auth = Record<string, string>;

const KYC_ROLES = ['CanAddKycDocument', 'CanAddKycMedia', 'CanAddKycCheck', 'CanAddKycStatus'];
const KYC_READ_ROLES = [
  'CanGetAnyKycDocuments',
  'CanGetAnyKycMedia',
  'CanGetAnyKycChecks',
  'CanGetAnyKycStatuses',
];

/**
 * Real OBP clients pick one version prefix and call everything under it: Hello-OBP-DirectLogin-Python
 * (lib/obp.py, API_VERSION v2.0.0) and OBP-CLI (roles, bank and customer under v3.1.0; the
 * user-customer link and the KYC writes and reads under v4.0.0). Each journey runs as they do.
 */
describe('journeys under the old version prefixes OBP clients use', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await createTestApp({
        env: {
          OBP_ADMIN_USERNAME: ADMIN.username,
          OBP_ADMIN_PASSWORD: ADMIN.password,
          OBP_CONSUMER_KEY: CONSUMER_KEY,
        },
      })),
  );
  afterAll(() => t.close());

  /** DirectLogin as both clients send it: quoted values in an Authorization header. */
  const login = async (): Promise<Auth> => {
    const res = await t.http
      .post('/my/logins/direct')
      .set(
        'Authorization',
        `DirectLogin username="${ADMIN.username}",password="${ADMIN.password}",consumer_key="${CONSUMER_KEY}"`,
      )
      .expect(201);
    return { Authorization: `DirectLogin token="${res.body.token as string}"` };
  };

  /** Creates a bank and a customer under v3.1.0 (OBP's v2.0.0 has neither createBank nor ours). */
  const bankAndCustomer = async (
    auth: Auth,
    userId: string,
    bankId: string,
    grantUnder: string,
  ) => {
    const grant = (role_name: string, bank_id = bankId) =>
      t.http
        .post(`${grantUnder}/users/${userId}/entitlements`)
        .set(auth)
        .send({ bank_id, role_name })
        .expect(201);
    // system roles are granted once, by whichever journey runs first
    const mine = await t.http.get('/obp/v3.1.0/my/entitlements').set(auth).expect(200);
    const held = new Set((mine.body.list as { role_name: string }[]).map((e) => e.role_name));
    for (const role of ['CanCreateBank', ...KYC_READ_ROLES])
      if (!held.has(role)) await grant(role, '');
    await t.http
      .post('/obp/v3.1.0/banks')
      .set(auth)
      .send({
        id: bankId,
        full_name: `${bankId} plc`,
        short_name: bankId,
        logo_url: '',
        website_url: '',
        swift_bic: 'OLDPDEBB',
        national_identifier: '',
        bank_routing: { scheme: 'BIC', address: 'OLDPDEBB' },
      })
      .expect(201);
    for (const role of ['CanCreateCustomer', 'CanCreateUserCustomerLink', ...KYC_ROLES])
      await grant(role);
    const customer = await t.http
      .post(`/obp/v3.1.0/banks/${bankId}/customers`)
      .set(auth)
      .send(customerPostBody({ legal_name: 'Eveline Tripman' }))
      .expect(201);
    return {
      customerId: customer.body.customer_id as string,
      number: customer.body.customer_number as string,
    };
  };

  /** Links the user to the customer, writes the four kinds of KYC evidence and reads them back. */
  const kyc = async (
    v: string,
    auth: Auth,
    ids: { userId: string; bankId: string; customerId: string; number: string },
  ) => {
    const { userId, bankId, customerId, number } = ids;
    // KYC ids are unique across customers: one set per journey
    const doc = `${bankId}.passport`;
    const scan = `${bankId}.scan`;
    const chk = `${bankId}.check`;
    const link = await t.http
      .post(`${v}/banks/${bankId}/user_customer_links`)
      .set(auth)
      .send({ user_id: userId, customer_id: customerId })
      .expect(201);
    expect(link.body).toMatchObject({ user_id: userId, customer_id: customerId, is_active: true });

    const customerUrl = `${v}/banks/${bankId}/customers/${customerId}`;
    const document = {
      customer_number: number,
      type: 'passport',
      number: 'C01X00T47',
      issue_date: '2015-01-01T00:00:00Z',
      issue_place: 'Berlin',
      expiry_date: '2025-01-01T00:00:00Z',
    };
    const media = {
      customer_number: number,
      type: 'image',
      url: 'https://example.com/kyc/passport-1.png',
      date: '2017-09-19T10:00:00Z',
      relates_to_kyc_document_id: doc,
      relates_to_kyc_check_id: chk,
    };
    const check = {
      customer_number: number,
      date: '2017-09-19T11:00:00Z',
      how: 'online_meeting',
      staff_user_id: userId,
      staff_name: 'KYC Officer',
      satisfied: true,
      comments: 'Passport matches the video call.',
    };
    const status = { customer_number: number, ok: true, date: '2017-09-19T12:00:00Z' };
    const at = { bank_id: bankId, customer_id: customerId };
    for (const [path, body, expected] of [
      [`kyc_documents/${doc}`, document, { ...at, id: doc, ...document }],
      [`kyc_media/${scan}`, media, { ...at, id: scan, ...media }],
      [`kyc_check/${chk}`, check, { ...at, id: chk, ...check }],
      [`kyc_statuses`, status, { customer_id: customerId, ...status }],
    ] as const) {
      const res = await t.http.put(`${customerUrl}/${path}`).set(auth).send(body).expect(201);
      expect(res.body).toEqual(expected);
    }

    const get = async (path: string) =>
      (await t.http.get(`${v}/customers/${customerId}/${path}`).set(auth).expect(200)).body;
    expect(await get('kyc_documents')).toEqual({
      documents: [{ ...at, id: doc, ...document }],
    });
    expect(await get('kyc_media')).toEqual({ medias: [{ ...at, id: scan, ...media }] });
    expect(await get('kyc_checks')).toEqual({ checks: [{ ...at, id: chk, ...check }] });
    expect(await get('kyc_statuses')).toEqual({
      statuses: [{ customer_id: customerId, ...status }],
    });
  };

  it('runs Hello-OBP-DirectLogin-Python under /obp/v2.0.0: current user, banks, roles, KYC', async () => {
    const v = '/obp/v2.0.0';
    const auth = await login();

    // getCurrentUser: OBP's v2.0.0 UserJsonV200, no views
    const me = await t.http.get(`${v}/users/current`).set(auth).expect(200);
    expect(Object.keys(me.body)).toEqual([
      'user_id',
      'email',
      'provider_id',
      'provider',
      'username',
      'entitlements',
    ]);
    expect(me.body.username).toBe(ADMIN.username);
    const userId = me.body.user_id as string;

    // addRole / addEntitlement and getAllEntitlements under the same prefix
    await t.http
      .post(`${v}/users/${userId}/entitlements`)
      .set(auth)
      .send({ bank_id: '', role_name: 'CanGetEntitlementsForAnyUserAtAnyBank' })
      .expect(201);
    const all = await t.http.get(`${v}/entitlements`).set(auth).expect(200);
    expect(all.body.list).toContainEqual({
      entitlement_id: expect.any(String),
      role_name: 'CanGetEntitlementsForAnyUserAtAnyBank',
      bank_id: '',
    });

    const bankId = 'old.prefix.v200';
    const { customerId, number } = await bankAndCustomer(auth, userId, bankId, v);

    // getBanks reads response.json()['banks']
    const banks = await t.http.get(`${v}/banks`).set(auth).expect(200);
    expect(banks.body.banks).toContainEqual(
      expect.objectContaining({ id: bankId, bank_routing: { scheme: 'BIC', address: 'OLDPDEBB' } }),
    );

    await kyc(v, auth, { userId, bankId, customerId, number });
  });

  it('runs OBP-CLI: roles, bank and customer under /obp/v3.1.0, link and KYC under /obp/v4.0.0', async () => {
    const auth = await login();
    const me = await t.http.get('/obp/v4.0.0/users/current').set(auth).expect(200);
    const userId = me.body.user_id as string;
    const bankId = 'old.prefix.v400';
    const { customerId, number } = await bankAndCustomer(auth, userId, bankId, '/obp/v3.1.0');
    await kyc('/obp/v4.0.0', auth, { userId, bankId, customerId, number });
  });
});
