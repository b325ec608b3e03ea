import { execFile } from 'node:child_process';
import { API_VERSIONS } from '../../src/common/endpoint/api-versions';
import { ENDPOINTS } from '../../src/common/endpoint/endpoint-registry';
import { GLOSSARY } from '../../src/modules/resource-doc/glossary';
import { markdownToHtml } from '../../src/modules/resource-doc/markdown';
import type { ResourceDocJson } from '../../src/modules/resource-doc/dto/resource-doc.dto';
import { createTestApp, type TestApp } from '../support/test-app';

/** The 17 APIs of the seed page "OBP v3.1.0 filtered by tag: KYC" ([P §8.1]). */
const SEED_PAGE = [
  'POST /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/tax-residence OBPv3.1.0-createTaxResidence',
  'GET /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/tax-residences OBPv3.1.0-getTaxResidence',
  'DELETE /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/tax_residencies/TAX_RESIDENCE_ID OBPv3.1.0-deleteTaxResidence',
  'GET /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/addresses OBPv3.1.0-getCustomerAddresses',
  'DELETE /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID OBPv3.1.0-deleteCustomerAddress',
  'POST /obp/v3.1.0/banks/BANK_ID/customers/customer-number OBPv3.1.0-getCustomerByCustomerNumber',
  'POST /obp/v3.1.0/banks/BANK_ID/meetings OBPv3.1.0-createMeeting',
  'GET /obp/v3.1.0/banks/BANK_ID/meetings OBPv3.1.0-getMeetings',
  'GET /obp/v3.1.0/banks/BANK_ID/meetings/MEETING_ID OBPv3.1.0-getMeeting',
  'PUT /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/kyc_check/KYC_CHECK_ID OBPv2.0.0-addKycCheck',
  'PUT /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/kyc_documents/KYC_DOCUMENT_ID OBPv2.0.0-addKycDocument',
  'PUT /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/kyc_media/KYC_MEDIA_ID OBPv2.0.0-addKycMedia',
  'PUT /obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/kyc_statuses OBPv2.0.0-addKycStatus',
  'GET /obp/v3.1.0/customers/CUSTOMER_ID/kyc_checks OBPv2.0.0-getKycChecks',
  'GET /obp/v3.1.0/customers/CUSTOMER_ID/kyc_documents OBPv2.0.0-getKycDocuments',
  'GET /obp/v3.1.0/customers/CUSTOMER_ID/kyc_media OBPv2.0.0-getKycMedia',
  'GET /obp/v3.1.0/customers/CUSTOMER_ID/kyc_statuses OBPv2.0.0-getKycStatuses',
];

/** [P §10.3], in OBP's order. */
const DOC_FIELDS = [
  'operation_id',
  'implemented_by',
  'request_verb',
  'request_url',
  'summary',
  'description',
  'description_markdown',
  'example_request_body',
  'success_response_body',
  'error_response_bodies',
  'tags',
  'typed_request_body',
  'typed_success_response_body',
  'roles',
  'is_featured',
  'special_instructions',
  'specified_url',
  'connector_methods',
];

// a JSON document, navigated freely by the assertions
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const OBP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const NOT_LOGGED_IN = 'OBP-20001: User not logged in. Authentication is required!';
const MISSING_ROLES = 'OBP-20006: User is missing one or more roles: ';

interface Docs {
  meta?: { response_date: string; count: number };
  resource_docs: ResourceDocJson[];
}

const line = (d: ResourceDocJson): string =>
  `${d.request_verb} ${d.specified_url} ${d.operation_id}`;

/** Every tag opened is closed, in order: the fragment is well formed (RD-01 wraps it in a <div>). */
function isWellFormed(html: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0 && !/[<>]/.test(html.replace(/<\/?[a-z0-9]+[^>]*>/g, ''));
}

/**
 * swagger-parser's validation ([P §10.4] SwaggerDocsTest), in a child node: its ESM dependencies load
 * under plain Node 20.19+ but not in Jest's module system. Resolves to 'ok' or the errors.
 */
function validateSwagger(doc: unknown): Promise<string> {
  const code =
    "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',async()=>{" +
    "try{await require('@apidevtools/swagger-parser').validate(JSON.parse(s));process.stdout.write('ok')}" +
    'catch(e){process.stdout.write(String(e.message))}})';
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', code],
      { maxBuffer: 64 * 1024 * 1024 },
      (err, stdout) => (err ? reject(new Error(err.message)) : resolve(stdout)),
    );
    child.stdin!.end(JSON.stringify(doc));
  });
}

describe('resource docs, Swagger, API versions and glossary', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const docs = async (url: string): Promise<Docs> =>
    (await t.http.get(url).expect(200)).body as Docs;
  const docOf = async (
    fn: string,
    url = '/obp/v3.1.0/resource-docs/v3.1.0/obp',
  ): Promise<ResourceDocJson> => {
    const list = await docs(`${url}${url.includes('?') ? '&' : '?'}functions=${fn}`);
    expect(list.resource_docs).toHaveLength(1);
    return list.resource_docs[0];
  };

  describe('GET /obp/vX/resource-docs/API_VERSION/obp', () => {
    it('lists exactly the 17 APIs of the seed page for v3.1.0 filtered by tag KYC', async () => {
      const body = await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp?tags=KYC');
      expect(body.resource_docs.map(line).sort()).toEqual([...SEED_PAGE].sort());
      for (const doc of body.resource_docs) expect(doc.tags).toContain('KYC');
    });

    it('documents addKycCheck as OBP does: implemented in v2.0.0, specified under v3.1.0, with its role', async () => {
      const doc = await docOf('addKycCheck');
      expect(Object.keys(doc)).toEqual(DOC_FIELDS);
      expect(doc).toMatchObject({
        operation_id: 'OBPv2.0.0-addKycCheck',
        implemented_by: { version: 'OBPv2.0.0', function: 'addKycCheck' },
        request_verb: 'PUT',
        request_url: '/obp/v2.0.0/banks/BANK_ID/customers/CUSTOMER_ID/kyc_check/KYC_CHECK_ID',
        summary: 'Add KYC Check',
        tags: ['KYC', 'Customer'],
        roles: [{ role: 'CanAddKycCheck', requires_bank_id: true }],
        is_featured: false,
        special_instructions: '',
        specified_url: '/obp/v3.1.0/banks/BANK_ID/customers/CUSTOMER_ID/kyc_check/KYC_CHECK_ID',
        connector_methods: [],
      });
      expect(doc.error_response_bodies).toEqual(
        expect.arrayContaining([NOT_LOGGED_IN, MISSING_ROLES]),
      );
      expect(doc.example_request_body).toMatchObject({
        date: '2017-09-19T00:00:00Z',
        satisfied: true,
      });
      expect(doc.success_response_body).toMatchObject({ satisfied: true });
      expect(doc.description).toBe(markdownToHtml(doc.description_markdown));
      expect(doc.description_markdown).toContain('Authentication is Mandatory');
      expect(doc.description_markdown).toContain(
        '**URL Parameters:**\n\n* [BANK_ID](/glossary#Bank.bank_id): gh.29.uk\n' +
          '* [CUSTOMER_ID](/glossary#Customer.customer_id): 7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh\n' +
          '* [KYC_CHECK_ID](/glossary#KYC-Check): 9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
      );
      // OBP lists request fields for POST only; the response fields show every field, mandatory ones in bold
      expect(doc.description_markdown).not.toContain('**JSON request body fields:**');
      expect(doc.description_markdown).toContain('**JSON response body fields:**');
      expect(doc.description_markdown).toContain(
        '* **[bank_id](/glossary#Bank.bank_id)**: gh.29.uk',
      );
    });

    it('types the bodies from the OpenAPI component schemas, dates as string/date-time', async () => {
      const doc = await docOf('addKycCheck');
      expect(doc.typed_request_body).toMatchObject({
        type: 'object',
        properties: {
          customer_number: { type: 'string' },
          date: { type: 'string', format: 'date-time' },
          satisfied: { type: 'boolean' },
        },
        required: expect.arrayContaining(['customer_number', 'date', 'satisfied']),
      });
      expect(doc.typed_success_response_body).toMatchObject({
        type: 'object',
        properties: { bank_id: { type: 'string' }, date: { type: 'string', format: 'date-time' } },
      });
      const list = await docOf('getKycChecks');
      expect(list.typed_success_response_body).toMatchObject({
        type: 'object',
        properties: {
          checks: {
            type: 'array',
            items: { type: 'object', properties: { date: { format: 'date-time' } } },
          },
        },
      });
      expect(list.typed_request_body).toEqual({});
    });

    it('lists the JSON request body fields of a POST, mandatory ones in bold', async () => {
      const doc = await docOf('createTaxResidence');
      expect(doc.description_markdown).toContain(
        '**JSON request body fields:**\n\n* **[domain](/glossary#Tax-Residence)**: ',
      );
    });

    it('appends "Authentication is Mandatory" to a login endpoint without roles, and drops OBP-20006', async () => {
      const doc = await docOf('getCurrentUser');
      expect(
        doc.description_markdown.startsWith(
          `Get the logged in user, with their entitlements.\n\nAuthentication is Mandatory`,
        ),
      ).toBe(true);
      expect(doc.error_response_bodies).toContain(NOT_LOGGED_IN);
      expect(doc.error_response_bodies).not.toContain(MISSING_ROLES);
      expect(doc).not.toHaveProperty('roles');
      expect(doc).not.toHaveProperty('example_request_body');
    });

    it('keeps an "Authentication is Optional" description and lists no OBP-20001 for an anonymous endpoint', async () => {
      const doc = await docOf('getBanks');
      expect(doc.description_markdown).toBe(
        'Get banks on this API instance. Authentication is Optional.\n\n**JSON response body fields:**\n\n' +
          doc.description_markdown.split('**JSON response body fields:**\n\n')[1],
      );
      expect(doc.error_response_bodies).toEqual(['OBP-50000: Unknown Error.']);
    });

    it('answers its own doc in full', async () => {
      const doc = await docOf('getApiGlossary');
      const markdown =
        'Get the glossary of the API: the terms the field lists of the resource docs link to (`/glossary#Bank.bank_id`), ' +
        'in markdown and HTML.\n\nAuthentication is Optional\n\n**JSON response body fields:**\n\n' +
        '* **glossary_items**\n* **title**: Bank.bank_id\n* **description**\n' +
        '* **markdown**: An identifier that uniquely identifies the bank.\n' +
        '* **html**: <p>An identifier that uniquely identifies the bank.</p>';
      expect(doc).toEqual({
        operation_id: 'OBPv3.0.0-getApiGlossary',
        implemented_by: { version: 'OBPv3.0.0', function: 'getApiGlossary' },
        request_verb: 'GET',
        request_url: '/obp/v3.0.0/api/glossary',
        summary: 'Get Glossary of the API',
        description: markdownToHtml(markdown),
        description_markdown: markdown,
        success_response_body: {
          glossary_items: [
            {
              title: 'Bank.bank_id',
              description: {
                markdown: 'An identifier that uniquely identifies the bank.',
                html: '<p>An identifier that uniquely identifies the bank.</p>',
              },
            },
          ],
        },
        error_response_bodies: ['OBP-50000: Unknown Error.'],
        tags: ['Documentation'],
        typed_request_body: {},
        typed_success_response_body: {
          type: 'object',
          properties: {
            glossary_items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  title: { type: 'string' },
                  description: {
                    type: 'object',
                    properties: { markdown: { type: 'string' }, html: { type: 'string' } },
                    required: ['markdown', 'html'],
                  },
                },
                required: ['title', 'description'],
              },
            },
          },
          required: ['glossary_items'],
        },
        is_featured: false,
        special_instructions: '',
        specified_url: '/obp/v3.1.0/api/glossary',
        connector_methods: [],
      });
    });

    it('renders every description as a well-formed HTML fragment of its markdown', async () => {
      const body = await docs('/obp/v4.0.0/resource-docs/v3.1.0/obp');
      expect(body.resource_docs.length).toBeGreaterThan(40);
      for (const doc of body.resource_docs) {
        expect(doc.description).toBe(markdownToHtml(doc.description_markdown));
        expect(isWellFormed(doc.description)).toBe(true);
        expect(doc.summary).not.toMatch(/\.\s*$/);
      }
    });

    it('answers without meta under the v3.1.0 prefix and with meta under v4.0.0 and later', async () => {
      const v310 = await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp');
      expect(Object.keys(v310)).toEqual(['resource_docs']);
      for (const prefix of ['v4.0.0', 'v5.1.0', 'v7.0.0']) {
        const body = await docs(`/obp/${prefix}/resource-docs/v3.1.0/obp`);
        expect(Object.keys(body)).toEqual(['meta', 'resource_docs']);
        expect(body.meta!.response_date).toMatch(OBP_DATE);
        expect(body.meta!.count).toBe(body.resource_docs.length);
        expect(body.resource_docs).toEqual(v310.resource_docs);
      }
    });

    it.each(API_VERSIONS.filter((v) => v >= 'v1.4.0'))(
      'is served under the %s prefix',
      async (prefix) => {
        const body = await docs(`/obp/${prefix}/resource-docs/v3.1.0/obp?tags=KYC`);
        expect(body.resource_docs).toHaveLength(17);
      },
    );

    it('answers 404 OBP-10404 under a prefix older than v1.4.0', async () => {
      const res = await t.http.get('/obp/v1.3.0/resource-docs/v3.1.0/obp').expect(404);
      expect(res.body.message).toMatch(/^OBP-10404: /);
    });

    it('accepts API_VERSION written OBPv3.1.0', async () => {
      expect(await docs('/obp/v3.1.0/resource-docs/OBPv3.1.0/obp')).toEqual(
        await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp'),
      );
    });

    it('lists only the docs served under API_VERSION, with specified_url under it', async () => {
      const body = await docs('/obp/v3.1.0/resource-docs/v2.0.0/obp');
      const functions = body.resource_docs.map((d) => d.implemented_by.function);
      expect(functions).toEqual(
        expect.arrayContaining([
          'addKycCheck',
          'getKycChecks',
          'createUser',
          'getResourceDocsObp',
          'directLogin',
        ]),
      );
      expect(functions).not.toContain('createTaxResidence');
      expect(functions).not.toContain('getEntitlementsForCurrentUser');
      // v2.0.0 serves OBP's v2.0.0 getCurrentUser, not v3.0.0's
      expect(
        body.resource_docs.filter((d) => d.implemented_by.function === 'getCurrentUser'),
      ).toEqual([expect.objectContaining({ operation_id: 'OBPv2.0.0-getCurrentUser' })]);
      for (const doc of body.resource_docs) {
        expect(doc.specified_url).toMatch(/^(\/obp\/v2\.0\.0\/|\/my\/logins\/direct$)/);
        expect(
          API_VERSIONS.indexOf(doc.implemented_by.version.slice(3) as never),
        ).toBeLessThanOrEqual(API_VERSIONS.indexOf('v2.0.0'));
      }
    });

    it('sorts the docs by specified_url, then verb', async () => {
      const urls = (await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp')).resource_docs.map(
        (d) => `${d.specified_url} ${d.request_verb}`,
      );
      expect(urls).toEqual([...urls].sort());
    });

    it('filters by tags: any of them, exact and case-sensitive; an empty value does not filter', async () => {
      const all = await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp');
      const some = await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp?tags=KYC,Bank');
      expect(some.resource_docs.map(line)).toEqual(
        all.resource_docs
          .filter((d) => d.tags.includes('KYC') || d.tags.includes('Bank'))
          .map(line),
      );
      expect(some.resource_docs.some((d) => !d.tags.includes('KYC'))).toBe(true);
      expect((await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp?tags=kyc')).resource_docs).toEqual(
        [],
      );
      expect((await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp?tags=')).resource_docs).toEqual(
        all.resource_docs,
      );
    });

    it('filters by functions', async () => {
      const body = await docs(
        '/obp/v3.1.0/resource-docs/v3.1.0/obp?functions=createCustomerAddress,getCustomerAddresses',
      );
      expect(body.resource_docs.map((d) => d.operation_id).sort()).toEqual([
        'OBPv3.1.0-createCustomerAddress',
        'OBPv3.1.0-getCustomerAddresses',
      ]);
    });

    it('answers an empty list for content=dynamic and every doc for content=static', async () => {
      const all = await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp');
      expect(
        (await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp?content=dynamic')).resource_docs,
      ).toEqual([]);
      expect(
        (await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp?content=static')).resource_docs,
      ).toEqual(all.resource_docs);
      expect(
        (await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp?content=all')).resource_docs,
      ).toEqual(all.resource_docs);
    });

    it('translates the generated labels for locale=es_ES (and its alias language)', async () => {
      const doc = await docOf('addKycCheck', '/obp/v3.1.0/resource-docs/v3.1.0/obp?locale=es_ES');
      expect(doc.description_markdown).toContain('**Parámetros de la URL:**');
      expect(doc.description_markdown).toContain('**Campos del cuerpo JSON de la respuesta:**');
      const viaLanguage = await docOf(
        'addKycCheck',
        '/obp/v3.1.0/resource-docs/v3.1.0/obp?language=es_ES',
      );
      expect(viaLanguage).toEqual(doc);
      const english = await docOf(
        'addKycCheck',
        '/obp/v3.1.0/resource-docs/v3.1.0/obp?locale=en_GB',
      );
      expect(english.description_markdown).toContain('**URL Parameters:**');
    });

    it('answers 400 OBP-10041 for an unsupported locale', async () => {
      const res = await t.http.get('/obp/v3.1.0/resource-docs/v3.1.0/obp?locale=fr_FR').expect(400);
      expect(res.body).toEqual({
        code: 400,
        message:
          'OBP-10041: This locale is not supported. Only the following can be used: en_GB , es_ES. Current Locale is fr_FR',
      });
    });

    it.each(['v9.9.9', '3.1.0', 'OBP', 'obpv3.1.0'])(
      'answers 400 OBP-00027 for API_VERSION %s',
      async (version) => {
        const res = await t.http.get(`/obp/v3.1.0/resource-docs/${version}/obp`).expect(400);
        expect(res.body).toEqual({
          code: 400,
          message: `OBP-00027: Invalid API Version string. We could not find the version specified. ${version}`,
        });
      },
    );

    it('says "Authentication is Mandatory" and lists OBP-20001 exactly where the guard requires a login', async () => {
      for (const version of ['v2.0.0', 'v3.1.0', 'v4.0.0']) {
        for (const doc of (await docs(`/obp/v3.1.0/resource-docs/${version}/obp`)).resource_docs) {
          const def = ENDPOINTS.find((e) => e.operationId === doc.operation_id)!;
          const login = def.checks.includes('login');
          expect([
            doc.operation_id,
            doc.description_markdown
              .split(/\n\n\*\*(URL Parameters|JSON)/)[0]
              .includes('Authentication is Mandatory'),
          ]).toEqual([doc.operation_id, login]);
          expect([doc.operation_id, doc.error_response_bodies.includes(NOT_LOGGED_IN)]).toEqual([
            doc.operation_id,
            login,
          ]);
        }
      }
    });

    it('links only to glossary items that exist', async () => {
      const titles = new Set(GLOSSARY.map((g) => g.title.replace(/ /g, '-')));
      const body = await docs('/obp/v3.1.0/resource-docs/v3.1.0/obp');
      for (const doc of body.resource_docs) {
        for (const [, anchor] of doc.description_markdown.matchAll(/\]\(\/glossary#([^)]+)\)/g)) {
          expect(titles).toContain(anchor);
        }
      }
    });
  });

  describe('GET /obp/vX/banks/BANK_ID/resource-docs/API_VERSION/obp', () => {
    it('answers an empty list: this server has no dynamic endpoints', async () => {
      const bank = await t.seed.bank();
      expect(await docs(`/obp/v3.1.0/banks/${bank.id}/resource-docs/v3.1.0/obp`)).toEqual({
        resource_docs: [],
      });
      const v4 = await docs(`/obp/v4.0.0/banks/${bank.id}/resource-docs/OBPv3.1.0/obp`);
      expect(v4).toEqual({
        meta: { response_date: expect.stringMatching(OBP_DATE), count: 0 },
        resource_docs: [],
      });
    });

    it('answers 404 OBP-30001 for an unknown BANK_ID', async () => {
      const res = await t.http
        .get('/obp/v3.1.0/banks/no-such-bank/resource-docs/v3.1.0/obp')
        .expect(404);
      expect(res.body).toEqual({
        code: 404,
        message:
          'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is no-such-bank',
      });
    });

    it('answers 400 OBP-00027 for a bad API_VERSION', async () => {
      const bank = await t.seed.bank();
      const res = await t.http.get(`/obp/v3.1.0/banks/${bank.id}/resource-docs/v0/obp`).expect(400);
      expect(res.body.message).toBe(
        'OBP-00027: Invalid API Version string. We could not find the version specified. v0',
      );
    });
  });

  describe('GET /obp/vX/resource-docs/API_VERSION/swagger', () => {
    const swagger = async (url: string): Promise<Json> => (await t.http.get(url).expect(200)).body;

    it.each([
      ['v4.0.0', 'v3.1.0', ''],
      ['v3.1.0', 'v3.1.0', '?tags=KYC'],
      ['v3.1.0', 'OBPv2.0.0', ''],
      ['v5.1.0', 'v5.1.0', ''],
      ['v1.4.0', 'v1.2.1', ''],
    ])('is valid Swagger 2.0 under %s for %s%s', async (prefix, version, query) => {
      const doc = await swagger(`/obp/${prefix}/resource-docs/${version}/swagger${query}`);
      expect(await validateSwagger(doc)).toBe('ok');
    });

    it('is checked by a validator that does fail on an invalid document', async () => {
      const doc = await swagger('/obp/v3.1.0/resource-docs/v3.1.0/swagger?functions=getKycChecks');
      doc.paths['/obp/v3.1.0/customers/{CUSTOMER_ID}/kyc_checks'].get.parameters = [];
      expect(await validateSwagger(doc)).toMatch(/CUSTOMER_ID/);
    });

    it('describes addKycCheck as OBP does (SW-03)', async () => {
      const doc = await swagger('/obp/v3.1.0/resource-docs/v3.1.0/swagger?tags=KYC');
      expect(doc.swagger).toBe('2.0');
      expect(doc.info).toEqual({
        title: 'Open Bank Project API',
        description: `An Open Source API for Banks. (c) TESOBE GmbH. 2011 - ${new Date().getUTCFullYear()}. Licensed under the AGPL and commercial licences.`,
        contact: {
          name: 'TESOBE GmbH. / Open Bank Project',
          url: 'https://openbankproject.com',
          email: 'contact@tesobe.com',
        },
        version: 'v3.1.0',
      });
      expect(doc).toMatchObject({
        host: '127.0.0.1:8080',
        basePath: '/',
        schemes: ['http', 'https'],
      });
      expect(doc.securityDefinitions.directLogin).toEqual({
        type: 'apiKey',
        description: 'https://github.com/OpenBankProject/OBP-API/wiki/Direct-Login',
        in: 'header',
        name: 'Authorization',
      });
      expect(doc).not.toHaveProperty('tags');
      const operations = Object.values(doc.paths as Record<string, object>).flatMap((item) =>
        Object.values(item),
      );
      expect(operations).toHaveLength(17);
      const put =
        doc.paths['/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/kyc_check/{KYC_CHECK_ID}']
          .put;
      expect(put).toMatchObject({
        tags: ['KYC', 'Customer'],
        summary: 'Add KYC Check',
        operationId: 'OBPv2.0.0-addKycCheck',
        security: [{ directLogin: [], gatewayLogin: [] }],
      });
      expect(put.description).not.toContain('\n');
      expect(put.parameters).toEqual([
        {
          in: 'body',
          name: 'body',
          description: 'PostKycCheckJSON object that needs to be added.',
          required: true,
          schema: { $ref: '#/definitions/PostKycCheckJSON' },
        },
        { in: 'path', name: 'BANK_ID', description: 'The bank id', required: true, type: 'string' },
        {
          in: 'path',
          name: 'CUSTOMER_ID',
          description: 'The customer id',
          required: true,
          type: 'string',
        },
        {
          in: 'path',
          name: 'KYC_CHECK_ID',
          description: 'The kyc check id',
          required: true,
          type: 'string',
        },
      ]);
      expect(Object.keys(put.responses)).toEqual(['200', '400']);
      expect(put.responses['200']).toEqual({
        description: 'Success',
        schema: { $ref: '#/definitions/KycCheckJSON' },
      });
      expect(put.responses['400'].description).toBe('Error');
      const errorRef = (put.responses['400'].schema.$ref as string).replace('#/definitions/', '');
      expect(doc.definitions[errorRef]).toEqual({
        properties: { message: { type: 'string', example: NOT_LOGGED_IN } },
      });
      expect(doc.definitions.PostKycCheckJSON).toMatchObject({
        type: 'object',
        properties: {
          date: { type: 'string', format: 'date-time' },
          satisfied: { type: 'boolean' },
        },
      });
    });

    it('keys success by verb as OBP: 201 for POST, 204 for DELETE, 200 otherwise', async () => {
      const doc = await swagger('/obp/v3.1.0/resource-docs/v3.1.0/swagger?tags=KYC');
      const tax = '/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}';
      expect(Object.keys(doc.paths[`${tax}/tax-residence`].post.responses)).toEqual(['201', '400']);
      expect(
        Object.keys(doc.paths[`${tax}/tax_residencies/{TAX_RESIDENCE_ID}`].delete.responses),
      ).toEqual(['204', '400']);
      expect(Object.keys(doc.paths[`${tax}/tax-residences`].get.responses)).toEqual(['200', '400']);
    });

    it('keeps only the definitions it references', async () => {
      const doc = await swagger('/obp/v3.1.0/resource-docs/v3.1.0/swagger?functions=getKycChecks');
      expect(Object.keys(doc.definitions).sort()).toEqual([
        'ErrorUserNotLoggedIn',
        'KycCheckJSON',
        'KycChecksJSON',
      ]);
    });

    it('marks anonymous operations with no security', async () => {
      const doc = await swagger('/obp/v3.1.0/resource-docs/v3.1.0/swagger?functions=getBanks');
      expect(doc.paths['/obp/v3.1.0/banks'].get.security).toEqual([]);
    });

    it('answers 400 OBP-00027 for a bad API_VERSION and 400 OBP-10041 for a bad locale', async () => {
      expect(
        (await t.http.get('/obp/v3.1.0/resource-docs/v3/swagger').expect(400)).body.message,
      ).toBe('OBP-00027: Invalid API Version string. We could not find the version specified. v3');
      expect(
        (await t.http.get('/obp/v3.1.0/resource-docs/v3.1.0/swagger?language=de').expect(400)).body
          .message,
      ).toMatch(/^OBP-10041: .*Current Locale is de$/);
    });
  });

  describe('GET /obp/vX/api/versions', () => {
    it.each(['v3.0.0', 'v3.1.0', 'v5.1.0', 'v7.0.0'])(
      'lists the versions in both spellings under %s',
      async (prefix) => {
        const res = await t.http.get(`/obp/${prefix}/api/versions`).expect(200);
        expect(res.body.scanned_api_versions).toHaveLength(API_VERSIONS.length + 1);
        expect(res.body.scanned_api_versions).toContainEqual({
          urlPrefix: 'obp',
          apiStandard: 'obp',
          apiShortVersion: 'v3.1.0',
          API_VERSION: 'v3.1.0',
          fullyQualifiedVersion: 'OBPv3.1.0',
          url_prefix: 'obp',
          api_standard: 'obp',
          api_short_version: 'v3.1.0',
          fully_qualified_version: 'OBPv3.1.0',
          is_active: true,
        });
        // our extension standard, as OBP lists Berlin Group beside its own
        expect(res.body.scanned_api_versions.at(-1)).toEqual({
          urlPrefix: 'kyc',
          apiStandard: 'KYC',
          apiShortVersion: 'v1.0.0',
          API_VERSION: 'v1.0.0',
          fullyQualifiedVersion: 'KYCv1.0.0',
          url_prefix: 'kyc',
          api_standard: 'KYC',
          api_short_version: 'v1.0.0',
          fully_qualified_version: 'KYCv1.0.0',
          is_active: true,
        });
      },
    );

    it.each(['KYCv1.0.0', 'kycv1.0.0'])(
      'serves the extension standard %s as its own resource docs, none of them OBP endpoints',
      async (v) => {
        const res = await t.http.get(`/obp/v3.1.0/resource-docs/${v}/obp`).expect(200);
        for (const doc of res.body.resource_docs as {
          specified_url: string;
          implemented_by: { version: string };
        }[]) {
          expect(doc.specified_url).toMatch(/^\/kyc\/v1\.0\.0\//);
          expect(doc.implemented_by.version).toBe('KYCv1.0.0');
        }
        const obp = await t.http.get('/obp/v3.1.0/resource-docs/v3.1.0/obp').expect(200);
        for (const doc of obp.body.resource_docs as { specified_url: string }[]) {
          expect(doc.specified_url).not.toMatch(/^\/kyc\//);
        }
      },
    );

    it('answers 404 OBP-10404 under v2.2.0', async () => {
      expect((await t.http.get('/obp/v2.2.0/api/versions').expect(404)).body.message).toMatch(
        /^OBP-10404: /,
      );
    });
  });

  describe('GET /obp/vX/api/glossary', () => {
    it.each(['v3.0.0', 'v5.1.0', 'v7.0.0'])(
      'answers the glossary items in markdown and HTML under %s',
      async (prefix) => {
        const res = await t.http.get(`/obp/${prefix}/api/glossary`).expect(200);
        expect(res.body.glossary_items).toHaveLength(GLOSSARY.length);
        expect(res.body.glossary_items[0]).toEqual({
          title: 'Bank.bank_id',
          description: {
            markdown: GLOSSARY[0].markdown,
            html: markdownToHtml(GLOSSARY[0].markdown),
          },
        });
        const titles = res.body.glossary_items.map((i: { title: string }) => i.title);
        expect(titles).toEqual(
          expect.arrayContaining([
            'Customer.customer_id',
            'KYC',
            'KYC Check',
            'KYC Document',
            'KYC Media',
            'KYC Status',
          ]),
        );
      },
    );
  });
});
