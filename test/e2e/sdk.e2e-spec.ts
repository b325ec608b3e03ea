import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type ObpClient, type ObpError, createObpClient, directLogin } from '../../sdk/client';
import { customerPostBody } from '../support/fixtures';
import { SEED_PASSWORD } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The generated SDK (sdk/, from openapi/openapi.json) driven with fetch against the real server on
 * an ephemeral port: if the document's paths, parameters or schemas drift from the wire, this file
 * no longer type-checks or its calls fail.
 */
describe('the generated TypeScript SDK', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const login = async (username: string, password = SEED_PASSWORD): Promise<string> =>
    directLogin(createObpClient(baseUrl), {
      username,
      password,
      consumerKey: await t.seed.consumerKey(),
    });

  it('is what `npm run sdk` generates from the committed openapi/openapi.json', async () => {
    // in a child node: openapi-typescript's ESM dependencies do not load in Jest's module system
    const root = join(__dirname, '..', '..');
    const dir = mkdtempSync(join(tmpdir(), 'obp-sdk-'));
    try {
      await promisify(execFile)(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', 'scripts/generate-sdk.ts', dir],
        { cwd: root },
      );
      const names = readdirSync(join(root, 'sdk')).sort();
      expect(readdirSync(dir).sort()).toEqual(names);
      for (const name of names) {
        const committed = readFileSync(join(root, 'sdk', name), 'utf8');
        expect([name, readFileSync(join(dir, name), 'utf8') === committed]).toEqual([name, true]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);

  it('logs in with DirectLogin and runs a KYC flow: current user, bank, customer, KYC check', async () => {
    const user = await t.seed.user();
    await t.seed.grant(user.id, {
      CanCreateBank: '',
      CanCreateCustomerAtAnyBank: '',
      CanGetAnyKycChecks: '',
    });
    const api: ObpClient = createObpClient(baseUrl, { token: await login(user.username) });

    const me = await api.GET('/obp/v3.1.0/users/current');
    expect(me.response.status).toBe(200);
    expect(me.data).toMatchObject({ user_id: user.id, username: user.username, email: user.email });

    const bankId = `sdk${user.id.slice(0, 8)}`;
    const bank = await api.POST('/obp/v3.1.0/banks', {
      body: {
        id: bankId,
        full_name: 'SDK Bank plc',
        short_name: 'SDK Bank',
        logo_url: 'https://example.com/logo.png',
        website_url: 'https://example.com',
        swift_bic: 'SDKBGB22',
        national_identifier: 'SDK123',
        bank_routing: { scheme: 'BIC', address: 'SDKBGB22' },
      },
    });
    expect(bank.response.status).toBe(201);
    expect(bank.data?.id).toBe(bankId);

    const banks = await api.GET('/obp/v3.1.0/banks');
    expect(banks.data?.banks.map((b) => b.id)).toContain(bankId);

    const customer = await api.POST('/obp/v3.1.0/banks/{BANK_ID}/customers', {
      params: { path: { BANK_ID: bankId } },
      body: customerPostBody(),
    });
    expect(customer.response.status).toBe(201);
    const customerId = customer.data!.customer_id;
    expect(customer.data).toMatchObject({ bank_id: bankId, legal_name: 'Eveline Tripman' });

    await t.seed.grant(user.id, { CanAddKycCheck: bankId });
    const check = await api.PUT(
      '/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/kyc_check/{KYC_CHECK_ID}',
      {
        params: { path: { BANK_ID: bankId, CUSTOMER_ID: customerId, KYC_CHECK_ID: 'sdk-check-1' } },
        body: {
          customer_number: customer.data!.customer_number,
          date: '2024-01-02T03:04:05Z',
          how: 'online_meeting',
          staff_user_id: user.id,
          staff_name: 'Simon',
          satisfied: true,
          comments: 'passport seen',
        },
      },
    );
    expect(check.response.status).toBe(201);
    expect(check.data).toMatchObject({
      id: 'sdk-check-1',
      customer_id: customerId,
      satisfied: true,
    });

    const checks = await api.GET('/obp/v3.1.0/customers/{CUSTOMER_ID}/kyc_checks', {
      params: { path: { CUSTOMER_ID: customerId } },
    });
    expect(checks.data?.checks).toEqual([check.data]);

    // paging parameters and the Idempotency-Key header are typed parameters of the operations
    const page = await api.GET('/obp/v3.1.0/customers/{CUSTOMER_ID}/kyc_checks', {
      params: {
        path: { CUSTOMER_ID: customerId },
        query: { limit: 1, offset: 0, sort_direction: 'ASC' },
      },
    });
    expect(page.data?.checks).toEqual([check.data]);
    const past = await api.GET('/obp/v3.1.0/customers/{CUSTOMER_ID}/kyc_checks', {
      params: { path: { CUSTOMER_ID: customerId }, query: { offset: 1 } },
    });
    expect(past.data?.checks).toEqual([]);
    const status = () =>
      api.PUT('/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/kyc_statuses', {
        params: {
          path: { BANK_ID: bankId, CUSTOMER_ID: customerId },
          header: { 'Idempotency-Key': 'sdk-status-1' },
        },
        body: {
          customer_number: customer.data!.customer_number,
          ok: true,
          date: '2024-01-02T03:04:05Z',
        },
      });
    await t.seed.grant(user.id, { CanAddKycStatus: bankId });
    const first = await status();
    const again = await status();
    expect([first.response.status, again.response.status]).toEqual([201, 201]);
    expect(again.response.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.data).toEqual(first.data);
  });

  it('answers OBP errors as the typed ObpError body', async () => {
    const anonymous = createObpClient(baseUrl);
    const res = await anonymous.GET('/obp/v3.1.0/customers/{CUSTOMER_ID}/kyc_checks', {
      params: { path: { CUSTOMER_ID: 'any' } },
    });
    expect(res.response.status).toBe(401);
    const error: ObpError | undefined = res.error;
    expect(error).toEqual({
      code: 401,
      message: 'OBP-20001: User not logged in. Authentication is required!',
    });
  });

  it('throws the OBP error of a refused DirectLogin', async () => {
    const user = await t.seed.user();
    await expect(login(user.username, 'wrong-Passw0rd!')).rejects.toEqual({
      code: 401,
      message: 'OBP-20004: Invalid login credentials. Check username/password.',
    });
  });

  it('sends the token as a DirectLogin header that the anonymous client does not send', async () => {
    const user = await t.seed.user();
    const token = await login(user.username);
    expect(
      (await createObpClient(baseUrl, { token }).GET('/obp/v3.1.0/users/current')).data?.user_id,
    ).toBe(user.id);
    expect((await createObpClient(baseUrl).GET('/obp/v3.1.0/users/current')).error?.code).toBe(401);
  });
});
