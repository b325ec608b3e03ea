import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import ts from 'typescript';
import { KYC_EVENT_TYPES } from '../../src/modules/event/event-types';
import { UserEntity } from '../../src/modules/user/user.entity';
import { customerPostBody } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * The explorer's promise, walked in a real Chromium against the real app: a person on a fresh server
 * finds the KYC page, logs in as the bootstrap admin, requests and grants a role, adds a KYC
 * document and reads it back, without reading any documentation.
 */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '../../test-artifacts');
const ADMIN = { username: 'explorer.admin', password: 'Explorer-Adm1n!' };
const CONSUMER_KEY = 'explorerbrowsertestkey';
const BANK_ID = 'explorer.bank';

/** The "Copy as SDK call" snippet, type-checked against this repository's generated SDK (sdk/). */
function typeErrorsOfSdkCall(snippet: string): string[] {
  const file = join(ARTIFACTS, 'sdk-call.ts');
  const [importLine, ...rest] = snippet.split('\n');
  writeFileSync(
    file,
    `${importLine.replace("'./sdk/client'", "'../sdk/client'")}\nexport async function main(): Promise<unknown> {\n${rest.join('\n')}\n  return { data, error };\n}\n`,
  );
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    types: ['node'],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** `[id="OBPv2.0.0-addKycDocument"]`: operation ids hold dots, so no #id selectors. */
const byId = (id: string): string => `[id="${id}"]`;

describe('the explorer in a real browser', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let customerId: string;
  let customerNumber: string;
  let adminId: string;
  const pageErrors: string[] = [];

  const shot = (name: string): Promise<Buffer> =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });

  /** Opens an endpoint from the left menu and returns its section. */
  async function openEndpoint(operationId: string): Promise<string> {
    await page.click(`.menu a[href="#${operationId}"]`);
    const section = byId(operationId);
    await page.waitForSelector(`${section} .op-toggle[aria-expanded="true"]`);
    return section;
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        OBP_ADMIN_USERNAME: ADMIN.username,
        OBP_ADMIN_PASSWORD: ADMIN.password,
        OBP_CONSUMER_KEY: CONSUMER_KEY,
        // the webhooks panel: a receiver on loopback, retried by hand (no automatic retry meanwhile)
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_POLL_INTERVAL_MS: '500',
        WEBHOOK_RETRY_BASE_MS: '600000',
      },
    });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    // a bank and a customer linked to the admin, through the API, as an operator would make them
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        `username=${ADMIN.username}, password=${ADMIN.password}, consumer_key=${CONSUMER_KEY}`,
      )
      .expect(201);
    const auth = t.auth(login.body.token);
    const me = await t.http.get('/obp/v3.1.0/users/current').set(auth).expect(200);
    adminId = me.body.user_id;
    const grant = (role_name: string, bank_id: string) =>
      t.http
        .post(`/obp/v3.1.0/users/${me.body.user_id}/entitlements`)
        .set(auth)
        .send({ bank_id, role_name })
        .expect(201);
    await grant('CanCreateBank', '');
    await t.http
      .post('/obp/v3.1.0/banks')
      .set(auth)
      .send({
        id: BANK_ID,
        full_name: 'Explorer Test Bank',
        short_name: 'Explorer Bank',
        logo_url: 'https://example.com/logo.png',
        website_url: 'https://example.com',
        swift_bic: 'EXPLGB22',
        national_identifier: 'EXPL123',
        bank_routing: { scheme: 'BIC', address: 'EXPLGB22' },
      })
      .expect(201);
    await grant('CanCreateCustomer', BANK_ID);
    await grant('CanCreateUserCustomerLink', BANK_ID);
    const customer = await t.http
      .post(`/obp/v3.1.0/banks/${BANK_ID}/customers`)
      .set(auth)
      .send(customerPostBody({ legal_name: 'Ada Explorer' }))
      .expect(201);
    customerId = customer.body.customer_id;
    customerNumber = customer.body.customer_number;
    await t.http
      .post(`/obp/v3.1.0/banks/${BANK_ID}/user_customer_links`)
      .set(auth)
      .send({ user_id: me.body.user_id, customer_id: customerId })
      .expect(201);

    mkdirSync(ARTIFACTS, { recursive: true });
    userDataDir = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // 4xx answers the page expects (a wrong password) are logged by Chromium as "Failed to load resource"
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
        pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  it('finds the KYC page: 17 endpoints grouped by first tag, with the OBP headline', async () => {
    await page.goto(`${base}/explorer`);
    await page.waitForSelector('#headline:has-text("APIs")');
    await page.waitForSelector('#tag-select option[value="KYC"]', { state: 'attached' });
    await Promise.all([page.waitForURL(/tags=KYC/), page.selectOption('#tag-select', 'KYC')]);
    await page.waitForSelector('#headline:has-text("(17 APIs)")');
    expect(await page.textContent('#headline')).toBe('OBP v3.1.0 filtered by tag: KYC (17 APIs)');
    expect(await page.locator('section.op').count()).toBe(17);
    expect(await page.locator('.menu li').count()).toBe(17);
    expect(await page.locator('.menu-group h2').allTextContents()).toEqual(
      [...(await page.locator('.menu-group h2').allTextContents())].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
    await shot('01-kyc-page');
  });

  it('explains an endpoint: typed fields with required ones marked, glossary terms, errors with their status', async () => {
    const section = await openEndpoint('OBPv2.0.0-addKycDocument');
    const rows = await page.locator(`${section} .fields tbody tr`).evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('td'))
          .slice(0, 3)
          .map((td) => td.textContent?.trim()),
      ),
    );
    expect(rows).toContainEqual(['customer_number', 'string', 'required']);
    expect(rows).toContainEqual(['issue_date', 'string (date-time)', 'required']);
    expect(await page.textContent(`${section} .implemented-by`)).toBe(
      'Implemented in OBPv2.0.0 by addKycDocument',
    );
    expect(
      await page.textContent(`${section} .errors tr[data-code="OBP-30046"] td:nth-child(2)`),
    ).toBe('404');
    await shot('01b-endpoint');
    await page.click(`${section} .description a[data-glossary="KYC-Document"] >> nth=0`);
    await page.waitForSelector('#glossary-dialog .glossary-item:visible');
    expect(
      await page.locator('#glossary-dialog .glossary-item:visible h3').allTextContents(),
    ).toContain('KYC Document');
    await shot('01c-glossary');
    await page.click('#glossary-dialog button:has-text("Close")');
  });

  it('downloads the resource docs, Swagger 2 and OpenAPI 3 documents of this page', async () => {
    expect(await page.getAttribute('.downloads a >> nth=0', 'href')).toBe(
      '/obp/v3.1.0/resource-docs/v3.1.0/obp?tags=KYC&locale=en_GB',
    );
    expect(await page.getAttribute('.downloads a >> nth=1', 'href')).toBe(
      '/obp/v3.1.0/resource-docs/v3.1.0/swagger?tags=KYC&locale=en_GB',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.downloads button'),
    ]);
    expect(download.suggestedFilename()).toBe('openapi-v3.1.0-KYC.json');
    const spec = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    const operations = Object.values(spec.paths as Record<string, object>).flatMap((item) =>
      Object.values(item),
    );
    expect(operations).toHaveLength(17);
    expect(spec.components.schemas.PostKycDocumentJSON).toBeDefined();
  });

  it('filters by role name and by error code', async () => {
    await page.fill('#filter', 'CanAddKycDocument');
    expect(await page.locator('section.op:visible').count()).toBe(1);
    await page.fill('#filter', 'OBP-30046');
    expect(await page.locator('section.op:visible').count()).toBeGreaterThan(1);
    await page.fill('#filter', '');
    expect(await page.locator('section.op:visible').count()).toBe(17);
  });

  it("shows OBP's exact DirectLogin error, then logs the bootstrap admin in and keeps them across a reload", async () => {
    await page.click('.login-button');
    await page.fill('#login-username', ADMIN.username);
    await page.fill('#login-password', 'not-the-password');
    await page.fill('#login-consumer-key', CONSUMER_KEY);
    await page.click('#login-dialog button[type="submit"]');
    await page.waitForSelector('#login-dialog .error:visible');
    expect(await page.textContent('#login-dialog .error')).toBe(
      'OBP-20004: Invalid login credentials. Check username/password.',
    );
    await shot('02-login-error');
    await page.fill('#login-password', ADMIN.password);
    await page.click('#login-dialog button[type="submit"]');
    await page.waitForSelector('.session .username');
    expect(await page.textContent('.session .username')).toBe(ADMIN.username);
    await page.reload();
    await page.waitForSelector('.session .username');
    expect(await page.textContent('.session .username')).toBe(ADMIN.username);
  });

  it('requests a role from the endpoint (requested), then grants it (has it)', async () => {
    const section = await openEndpoint('OBPv2.0.0-addKycDocument');
    await page.fill(`${byId('OBPv2.0.0-addKycDocument-BANK_ID')}`, BANK_ID);
    const role = `${section} li.role[data-role="CanAddKycDocument"]`;
    await page.waitForSelector(`${role}[data-state="request"]`);
    expect(await page.inputValue(`${role} .role-bank`)).toBe(BANK_ID);
    await page.click(`${role} button.request-role`);
    await page.waitForSelector(`${role}[data-state="requested"]`);
    expect(await page.textContent(`${role} .state`)).toBe(
      `You have requested this Role at: ${BANK_ID} (pending)`,
    );
    await page.locator(role).scrollIntoViewIfNeeded();
    await shot('03-role-requested');
    await page.click(`${role} button.grant-role`);
    await page.waitForSelector(`${role}[data-state="has"]`);
    expect(await page.textContent(`${role} .state`)).toBe(`You have this Role at: ${BANK_ID}`);

    // the request is tracked: granted now
    await page.click('.session button:has-text("My roles")');
    await page.waitForSelector('#roles-dialog td:has-text("granted")');
    expect(await page.textContent('#roles-dialog')).toContain('CanAddKycDocument');
    await shot('03b-my-roles');
    await page.click('#roles-dialog button:has-text("Close")');
  });

  it('adds a KYC document from the page: 201, and offers it as curl and as an SDK call', async () => {
    const section = byId('OBPv2.0.0-addKycDocument');
    const customerInput = byId('OBPv2.0.0-addKycDocument-CUSTOMER_ID');
    // the customer linked to the admin is offered by the picker
    expect(await page.locator(`#choices-CUSTOMER_ID option[value="${customerId}"]`).count()).toBe(
      1,
    );
    await page.fill(customerInput, customerId);
    await page.click(`${section} button.send`);
    expect(await page.textContent(`${section} .result .error`)).toBe(
      'Fill in first: KYC_DOCUMENT_ID',
    );
    await page.fill(byId('OBPv2.0.0-addKycDocument-KYC_DOCUMENT_ID'), 'passport-1');
    expect(await page.inputValue(`${section} input.url`)).toBe(
      `/obp/v3.1.0/banks/${BANK_ID}/customers/${customerId}/kyc_documents/passport-1`,
    );
    // the body's customer_number follows the chosen customer
    const body = JSON.parse(await page.inputValue(`${section} textarea.body-input`));
    expect(body.customer_number).toBe(customerNumber);
    await page.fill(
      `${section} textarea.body-input`,
      JSON.stringify({ ...body, number: 'X1234567' }, null, 2),
    );
    await page.click(`${section} button.send`);
    await page.waitForSelector(`${section} .result .status[data-status="201"]`);
    const created = JSON.parse((await page.textContent(`${section} .response-body`)) ?? '');
    expect(created).toMatchObject({
      bank_id: BANK_ID,
      customer_id: customerId,
      id: 'passport-1',
      number: 'X1234567',
    });
    expect(await page.textContent(`${section} .full-url`)).toContain(
      `PUT ${base}/obp/v3.1.0/banks/${BANK_ID}/customers/${customerId}/kyc_documents/passport-1`,
    );
    await page.locator(`${section} .result`).scrollIntoViewIfNeeded();
    await shot('04-kyc-document-added');

    await page.click(`${section} button.copy-curl`);
    const curl = await page.textContent(`${section} .snippet`);
    expect(curl).toContain(
      `curl -X PUT '${base}/obp/v3.1.0/banks/${BANK_ID}/customers/${customerId}/kyc_documents/passport-1'`,
    );
    expect(curl).toContain("-H 'Content-Type: application/json'");
    await page.click(`${section} button.copy-sdk`);
    await page.waitForSelector(`${section} .snippet:has-text("client.PUT")`);
    const sdk = await page.textContent(`${section} .snippet`);
    expect(sdk).toContain(
      "client.PUT('/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/kyc_documents/{KYC_DOCUMENT_ID}', {",
    );
    expect(sdk).toContain(
      `path: {\n      BANK_ID: '${BANK_ID}',\n      CUSTOMER_ID: '${customerId}',`,
    );
    expect(typeErrorsOfSdkCall(sdk ?? '')).toEqual([]);
  });

  it.each([
    ['OBPv2.0.0-getKycDocuments', 'CanGetAnyKycDocuments', 'documents'],
    ['OBPv2.0.0-getKycStatuses', 'CanGetAnyKycStatuses', 'statuses'],
  ])(
    'runs %s after granting %s from the page, and reads a 200',
    async (operationId, roleName, key) => {
      const section = await openEndpoint(operationId);
      // CUSTOMER_ID carries over from the last endpoint
      expect(await page.inputValue(`${section} input.url`)).toBe(
        `/obp/v3.1.0/customers/${customerId}/kyc_${key}`,
      );
      await page.click(`${section} button.send`);
      await page.waitForSelector(`${section} .result .status[data-status="403"]`);
      expect(await page.textContent(`${section} .result .explain`)).toContain('You lack a role');
      const role = `${section} li.role[data-role="${roleName}"]`;
      await page.click(`${role} button.grant-role`);
      await page.waitForSelector(`${role}[data-state="has"]`);
      await page.click(`${section} button.send`);
      await page.waitForSelector(`${section} .result .status[data-status="200"]`);
      const read = JSON.parse((await page.textContent(`${section} .response-body`)) ?? '');
      expect(Array.isArray(read[key])).toBe(true);
      if (key === 'documents')
        expect(read.documents).toEqual([
          expect.objectContaining({ id: 'passport-1', number: 'X1234567' }),
        ]);
      await page.locator(`${section} .result`).scrollIntoViewIfNeeded();
      await shot(`05-${operationId}`);
    },
  );

  it('pages a list from "try it" (limit and sort_direction into the URL) and sends an Idempotency-Key', async () => {
    const section = await openEndpoint('OBPv2.0.0-getKycStatuses');
    const limit = byId('OBPv2.0.0-getKycStatuses-query-limit');
    await page.waitForSelector(limit);
    await page.fill(limit, '1');
    await page.selectOption(byId('OBPv2.0.0-getKycStatuses-query-sort_direction'), 'ASC');
    expect(await page.inputValue(`${section} input.url`)).toBe(
      `/obp/v3.1.0/customers/${customerId}/kyc_statuses?limit=1&sort_direction=ASC`,
    );
    await page.click(`${section} button.send`);
    await page.waitForSelector(`${section} .result .status[data-status="200"]`);
    await page.fill(limit, 'x');
    await page.click(`${section} button.send`);
    await page.waitForSelector(`${section} .result .status[data-status="400"]`);
    expect(await page.textContent(`${section} .response-body`)).toContain('OBP-10025');

    const write = await openEndpoint('OBPv2.0.0-addKycStatus');
    const key = byId('OBPv2.0.0-addKycStatus-header-Idempotency-Key');
    await page.waitForSelector(key);
    await page.fill(key, 'explorer-key-1');
    const role = `${write} li.role[data-role="CanAddKycStatus"]`;
    await page.click(`${role} button.grant-role`);
    await page.waitForSelector(`${role}[data-state="has"]`);
    await page.click(`${write} button.send`);
    await page.waitForSelector(`${write} .result .status[data-status="201"]`);
    expect(await page.textContent(`${write} .result`)).not.toContain('idempotent-replayed');
    await page.click(`${write} button.send`);
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('idempotent-replayed'),
      `${write} .result`,
    );
  });

  it("shows a customer's audit trail from the endpoint: who did and saw what, newest first", async () => {
    // the admin is given the bank's audit role over the API (as an operator would)
    const login = await t.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        `username=${ADMIN.username}, password=${ADMIN.password}, consumer_key=${CONSUMER_KEY}`,
      )
      .expect(201);
    await t.http
      .post(`/obp/v3.1.0/users/${adminId}/entitlements`)
      .set(t.auth(login.body.token))
      .send({ bank_id: BANK_ID, role_name: 'CanGetAuditEventsAtOneBank' })
      .expect(201);
    const section = await openEndpoint('OBPv2.0.0-getKycStatuses');
    await page.click(`${section} button.audit-customer`);
    await page.waitForSelector('#audit-dialog table.audit-events tbody tr');
    expect(await page.inputValue('#audit-bank')).toBe(BANK_ID);
    expect(await page.inputValue('#audit-customer')).toBe(customerId);
    const rows = await page.locator('#audit-dialog tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        at: tr.querySelector('time')?.getAttribute('datetime') ?? '',
        cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
      })),
    );
    // newest first, down to the customer's creation
    expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort().reverse());
    expect(rows.at(-1)?.cells.slice(1, 4)).toEqual([ADMIN.username, 'create', 'customer']);
    expect(rows.map((r) => r.cells.slice(1, 5))).toContainEqual([
      ADMIN.username,
      'create',
      'kyc_document passport-1',
      'customer_number, type, number, issue_date, issue_place, expiry_date',
    ]);
    expect(rows.map((r) => r.cells.slice(2, 4))).toContainEqual(['read', 'kyc_documents']);
    // never a value: the document number read and written above is nowhere in the view
    expect(await page.textContent('#audit-dialog')).not.toContain('X1234567');
    await shot('05b-audit-of-customer');

    // without the role the view shows OBP's answer, as sent
    await page.fill('#audit-bank', 'no.such.bank');
    await page.click('#audit-dialog button[type="submit"]');
    await page.waitForSelector('#audit-dialog .audit-status[data-status="404"]');
    expect(await page.textContent('#audit-dialog .audit-status')).toBe(
      'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is no.such.bank',
    );
    await page.click('#audit-dialog button:has-text("Close")');
  });

  it('shows only what the admin can call when asked', async () => {
    await page.check('#only-callable');
    const visible = await page
      .locator('section.op:visible')
      .evaluateAll((els) => els.map((e) => e.id));
    expect(visible).toEqual(
      expect.arrayContaining([
        'OBPv2.0.0-addKycDocument',
        'OBPv2.0.0-getKycDocuments',
        'OBPv2.0.0-getKycStatuses',
      ]),
    );
    expect(visible).not.toContain('OBPv3.1.0-createTaxResidence');
    await page.uncheck('#only-callable');
    expect(await page.locator('section.op:visible').count()).toBe(17);
  });

  it('manages webhooks: creates one (its secret shown once), follows its deliveries, retries one, deletes it', async () => {
    const receiver = await new WebhookReceiver().start();
    try {
      const admin = await t.db
        .getRepository(UserEntity)
        .findOneByOrFail({ username: ADMIN.username });
      await t.seed.grant(admin.id, {
        CanCreateWebhookAtOneBank: BANK_ID,
        CanGetWebhooksAtOneBank: BANK_ID,
        CanDeleteWebhookAtOneBank: BANK_ID,
      });
      await page.goto(`${base}/explorer?tags=KYC`);
      await page.click('.webhooks-button');
      await page.waitForSelector('#webhooks-dialog[open]');
      await page.fill('#webhooks-bank', BANK_ID);
      await page.click('#webhooks-load');
      await page.waitForSelector('#webhooks-list p:has-text("No webhooks")');
      expect(
        await page
          .locator('#webhook-create input[name="event_type"]')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      ).toEqual([...KYC_EVENT_TYPES]);

      // create: the secret is shown once, in the answer
      await page.fill('#webhook-url', receiver.url('/explorer'));
      await page.fill('#webhook-description', 'Case management');
      await page.check('#webhook-create input[value="kyc_status.added"]');
      await page.click('#webhook-create button[type="submit"]');
      await page.waitForSelector('#webhook-secret:visible');
      const secret = await page.textContent('.webhook-secret-value');
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      await page.waitForSelector('#webhooks-list tr[data-webhook-id]');
      expect(await page.textContent('#webhooks-list tbody')).toContain('kyc_status.added');
      await shot('06-webhook-created');
      await page.click('#webhooks-dialog .button-row button');
      await page.click('.webhooks-button');
      await page.waitForSelector('#webhooks-list tr[data-webhook-id]');
      expect(await page.locator('#webhook-secret').isHidden()).toBe(true);
      expect(await page.textContent('#webhooks-dialog')).not.toContain(secret!.slice(6));

      // an event of the bank: the receiver answers 500, the deliveries view shows the attempt
      receiver.respond = () => 500;
      await t.db.query(
        `INSERT INTO kyc_event (type, bank_id, customer_id, data) VALUES ('kyc_status.added', $1, $2, $3)`,
        [BANK_ID, customerId, JSON.stringify({ customer_id: customerId, ok: true })],
      );
      await receiver.waitFor(() => receiver.requests.length >= 1, 30_000);
      await page.click('#webhooks-list .webhook-deliveries');
      await page.waitForSelector('#webhook-deliveries tr[data-delivery-id]');
      const row = '#webhook-deliveries tr[data-delivery-id]';
      expect(await page.getAttribute(row, 'data-status')).toBe('pending');
      await page.click(`${row} summary`);
      expect(await page.textContent(`${row} .attempt`)).toMatch(
        /failed · Response 500 .* Next retry /,
      );
      await shot('07-webhook-deliveries');

      // retry by hand: delivered, the view says so
      receiver.respond = () => 200;
      await page.click(`${row} .webhook-retry`);
      await receiver.waitFor(() => receiver.requests.length >= 2, 30_000);
      for (let i = 0; i < 100; i++) {
        await page.click('#webhook-deliveries .webhook-refresh');
        await page.waitForSelector(row);
        if ((await page.getAttribute(row, 'data-status')) === 'succeeded') break;
        await page.waitForTimeout(200);
      }
      expect(await page.getAttribute(row, 'data-status')).toBe('succeeded');
      await page.click(`${row} summary`);
      expect(await page.locator(`${row} .attempt`).allTextContents()).toEqual([
        expect.stringContaining('failed · Response 500'),
        expect.stringContaining('succeeded · Response 200'),
      ]);

      // delete (after the browser's confirmation)
      page.once('dialog', (d) => void d.accept());
      await page.click('#webhooks-list .webhook-delete');
      await page.waitForSelector('#webhooks-list p:has-text("No webhooks")');
      await page.click('#webhooks-dialog .button-row button');
    } finally {
      await receiver.stop();
    }
  });

  it('keeps the deep link to an endpoint across a reload, and dark mode too', async () => {
    await page.goto(`${base}/explorer?tags=KYC#OBPv2.0.0-getKycStatuses`);
    await page.waitForSelector(
      `${byId('OBPv2.0.0-getKycStatuses')} .op-toggle[aria-expanded="true"]`,
    );
    await page.click('.theme-toggle');
    await page.reload();
    await page.waitForSelector(
      `${byId('OBPv2.0.0-getKycStatuses')} .op-toggle[aria-expanded="true"]`,
    );
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await shot('06-dark-deep-link');
    await page.click('.theme-toggle');
  });

  it('speaks Spanish with ?locale=es_ES, and fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/explorer?tags=KYC&locale=es_ES`);
    await page.waitForSelector('#headline:has-text("APIs")');
    expect(await page.textContent('#headline')).toBe(
      'OBP v3.1.0 filtrado por etiqueta: KYC (17 APIs)',
    );
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await shot('07-phone-es');
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('shows the KYC eight under v2.0.0', async () => {
    await page.goto(`${base}/explorer?version=v2.0.0&tags=KYC`);
    await page.waitForSelector('#headline:has-text("APIs")');
    expect(await page.textContent('#headline')).toBe('OBP v2.0.0 filtered by tag: KYC (8 APIs)');
  });

  it('serves plain Swagger UI at /docs: deep links, x-obp-roles, DirectLogin kept across reloads, try it out', async () => {
    const token = await page.evaluate(() => localStorage.getItem('obp-explorer-token'));
    await page.goto(`${base}/docs#/KYC/OBPv2.0.0-getKycDocuments`);
    const op = '.swagger-ui .opblock.is-open';
    await page.waitForSelector(`${op}:has-text("OBPv2.0.0-getKycDocuments")`);
    expect(await page.textContent(op)).toContain('x-obp-roles');
    expect(await page.textContent(op)).toContain('["CanGetAnyKycDocuments"]');

    await page.click('.swagger-ui button.authorize');
    const schemes = await page.locator('.swagger-ui .modal-ux h4').allTextContents();
    expect(schemes.join(' ')).toMatch(/DirectLogin/);
    expect(schemes.join(' ')).toMatch(/bearer/);
    // the bare token, as a person would paste it: the page adds "token="
    await page.fill(
      '.swagger-ui .modal-ux .auth-container:has-text("DirectLogin") input',
      token ?? '',
    );
    await page.click(
      '.swagger-ui .modal-ux .auth-container:has-text("DirectLogin") button.authorize',
    );
    await page.click('.swagger-ui .modal-ux button.btn-done');
    await page.reload();
    await page.waitForSelector(`${op}:has-text("OBPv2.0.0-getKycDocuments")`);
    expect(await page.evaluate(() => localStorage.getItem('authorized'))).toContain('DirectLogin');

    await page.click(`${op} button.try-out__btn`);
    await page.fill(`${op} tr[data-param-name="CUSTOMER_ID"] input`, customerId);
    await page.click(`${op} button.execute`);
    await page.waitForSelector(`${op} .live-responses-table tr.response .response-col_status`);
    expect(
      (
        await page.textContent(`${op} .live-responses-table tr.response .response-col_status`)
      )?.trim(),
    ).toBe('200');
    await page.locator(`${op} .live-responses-table`).scrollIntoViewIfNeeded();
    await shot('08-docs');
  });

  it('logs out: the token is forgotten and revoked', async () => {
    const token = await page.evaluate(() => localStorage.getItem('obp-explorer-token'));
    await page.goto(`${base}/explorer?tags=KYC`);
    await page.click('.session button.logout');
    await page.waitForSelector('.session .login-button');
    expect(await page.evaluate(() => localStorage.getItem('obp-explorer-token'))).toBeNull();
    const res = await t.http.get('/obp/v3.1.0/users/current').set(t.auth(token ?? ''));
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('raised no script error and no CSP violation on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
