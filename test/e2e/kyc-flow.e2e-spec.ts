import { customerPostBody } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const V = '/obp/v3.1.0';
const ADMIN = { username: 'kyc.flow.admin', password: 'Kyc-Flow-Passw0rd!' };
const CONSUMER_KEY = 'kycflowconsumerkey01';
const BANK_ID = 'kyc.flow.bank';

const customerBody = customerPostBody({
  email: 'eveline.tripman@example.com',
  face_image: { url: 'https://example.com/eveline.png', date: '2017-09-19T00:00:00Z' },
  date_of_birth: '1980-03-04T00:00:00Z',
  dob_of_dependants: ['2010-01-01T00:00:00Z'],
  credit_limit: { currency: 'EUR', amount: '1000' },
  branch_id: 'BERLIN1',
  name_suffix: '',
});
const addressBody = {
  line_1: 'No 1 the Road',
  line_2: 'The Place',
  line_3: 'The Hill',
  city: 'Berlin',
  county: '',
  state: 'Brandenburg',
  postcode: '13359',
  country_code: 'DE',
  tags: ['home'],
  status: 'OK',
};

/**
 * The whole KYC journey on a fresh server, over HTTP only: the operator's bootstrap admin (server
 * contract) grants itself CanCreateBank ([P §12]), creates a bank, grants the bank and KYC roles,
 * onboards a customer with address and tax residence, records the KYC evidence, books a meeting,
 * and reads everything back.
 */
describe('KYC journey from an empty database', () => {
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

  it('onboards a customer, records KYC evidence and a meeting, and reads it all back', async () => {
    // 0. nothing exists yet but what the operator configured
    expect((await t.http.get(`${V}/banks`).expect(200)).body).toEqual({ banks: [] });

    // 1. the bootstrap admin logs in with the configured consumer key
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        `username=${ADMIN.username}, password=${ADMIN.password}, consumer_key=${CONSUMER_KEY}`,
      );
    expect(login.status).toBe(201);
    const auth = t.auth(login.body.token);
    const me = await t.http.get(`${V}/users/current`).set(auth).expect(200);
    const adminId: string = me.body.user_id;

    // 2. grants itself CanCreateBank, creates the bank, then grants the roles the journey needs
    const grant = (role_name: string, bank_id = BANK_ID) =>
      t.http
        .post(`${V}/users/${adminId}/entitlements`)
        .set(auth)
        .send({ bank_id, role_name })
        .expect(201);
    await grant('CanCreateBank', '');
    const bank = await t.http
      .post(`${V}/banks`)
      .set(auth)
      .send({
        id: BANK_ID,
        full_name: 'KYC Flow Bank plc',
        short_name: 'KYC Flow',
        logo_url: 'https://example.com/logo.png',
        website_url: 'https://example.com',
        swift_bic: 'KYCFDEBB',
        national_identifier: 'DE123',
        bank_routing: { scheme: 'BIC', address: 'KYCFDEBB' },
      });
    expect(bank.status).toBe(201);
    for (const role of [
      'CanCreateCustomer',
      'CanGetCustomer',
      'CanCreateCustomerAddress',
      'CanGetCustomerAddress',
      'CanCreateTaxResidence',
      'CanGetTaxResidence',
      'CanAddKycDocument',
      'CanAddKycMedia',
      'CanAddKycCheck',
      'CanAddKycStatus',
    ]) {
      await grant(role);
    }
    for (const role of [
      'CanGetAnyKycDocuments',
      'CanGetAnyKycMedia',
      'CanGetAnyKycChecks',
      'CanGetAnyKycStatuses',
    ]) {
      await grant(role, '');
    }

    // 3. onboards the customer: customer, address, tax residence
    const bankUrl = `${V}/banks/${BANK_ID}`;
    const customer = await t.http.post(`${bankUrl}/customers`).set(auth).send(customerBody);
    expect(customer.status).toBe(201);
    const customerId: string = customer.body.customer_id;
    expect(customer.body).toMatchObject({ bank_id: BANK_ID, ...customerBody });
    const customerUrl = `${bankUrl}/customers/${customerId}`;
    const address = await t.http.post(`${customerUrl}/address`).set(auth).send(addressBody);
    expect(address.status).toBe(201);
    const taxResidence = await t.http
      .post(`${customerUrl}/tax-residence`)
      .set(auth)
      .send({ domain: 'DE', tax_number: '12/345/67890' });
    expect(taxResidence.status).toBe(201);

    // 4. records the KYC evidence: the passport, its scan, the check and the resulting status
    const number = customer.body.customer_number as string;
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
      relates_to_kyc_document_id: 'passport-1',
      relates_to_kyc_check_id: 'check-1',
    };
    const check = {
      customer_number: number,
      date: '2017-09-19T11:00:00Z',
      how: 'online_meeting',
      staff_user_id: adminId,
      staff_name: 'KYC Officer',
      satisfied: true,
      comments: 'Passport matches the video call.',
    };
    const status = { customer_number: number, ok: true, date: '2017-09-19T12:00:00Z' };
    const ids = { bank_id: BANK_ID, customer_id: customerId };
    const put = async (path: string, body: object, expected: object) => {
      const res = await t.http.put(`${customerUrl}/${path}`).set(auth).send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expected);
    };
    await put('kyc_documents/passport-1', document, { ...ids, id: 'passport-1', ...document });
    await put('kyc_media/scan-1', media, { ...ids, id: 'scan-1', ...media });
    await put('kyc_check/check-1', check, { ...ids, id: 'check-1', ...check });
    await put('kyc_statuses', status, { customer_id: customerId, ...status });

    // 5. books a meeting with the customer
    const meetingBody = {
      provider_id: 'tokbox',
      purpose_id: 'onboarding',
      date: '2017-09-19T09:00:00Z',
      creator: {
        name: 'KYC Officer',
        mobile_phone: '+49 30 1234',
        email_address: 'kyc@example.com',
      },
      invitees: [
        {
          contact_details: {
            name: customerBody.legal_name,
            mobile_phone: customerBody.mobile_phone_number,
            email_address: customerBody.email,
          },
          status: 'invited',
        },
      ],
    };
    const meeting = await t.http.post(`${bankUrl}/meetings`).set(auth).send(meetingBody);
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({
      bank_id: BANK_ID,
      present: { staff_user_id: '', customer_user_id: adminId },
      when: meetingBody.date,
      invitees: meetingBody.invitees,
    });

    // 6. reads everything back
    const get = async (url: string) => (await t.http.get(url).set(auth).expect(200)).body;
    expect(await get(customerUrl)).toMatchObject(customer.body);
    expect(await get(`${customerUrl}/addresses`)).toEqual({ addresses: [address.body] });
    expect(await get(`${customerUrl}/tax-residences`)).toEqual({
      tax_residence: [taxResidence.body],
    });
    const kycUrl = `${V}/customers/${customerId}`;
    expect(await get(`${kycUrl}/kyc_documents`)).toEqual({
      documents: [{ ...ids, id: 'passport-1', ...document }],
    });
    expect(await get(`${kycUrl}/kyc_media`)).toEqual({
      medias: [{ ...ids, id: 'scan-1', ...media }],
    });
    expect(await get(`${kycUrl}/kyc_checks`)).toEqual({
      checks: [{ ...ids, id: 'check-1', ...check }],
    });
    expect(await get(`${kycUrl}/kyc_statuses`)).toEqual({
      statuses: [{ customer_id: customerId, ...status }],
    });
    expect(await get(`${bankUrl}/meetings`)).toEqual({ meetings: [meeting.body] });
    expect(await get(`${bankUrl}/meetings/${meeting.body.meeting_id}`)).toEqual(meeting.body);
  });
});
