import { fullyQualified } from '../../src/common/endpoint/api-versions';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENDPOINTS } from '../../src/common/endpoint/endpoint-registry';
import { obpDocRules } from '../../src/common/endpoint/openapi-metadata';
import { ObpError } from '../../src/common/errors/obp-errors';
import { canonicalOperation } from '../../src/modules/resource-doc/openapi';
import { createTestApp, type TestApp } from '../support/test-app';

// a JSON document, navigated freely by the assertions
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ROOT = join(__dirname, '..', '..');
const VERBS = ['get', 'put', 'post', 'delete', 'patch'];

const operationsOf = (doc: Json): { path: string; verb: string; op: Json }[] =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([verb]) => VERBS.includes(verb))
      .map(([verb, op]) => ({ path, verb, op: op as Json })),
  );

/** `redocly lint` (recommended rules) on the document; resolves to its totals and problems. */
async function redoclyLint(
  doc: Json,
): Promise<{ totals: { errors: number; warnings: number }; problems: Json[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const cli = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const stdout = await new Promise<string>((resolve) => {
      // exit code 1 means "errors found": the totals say which
      execFile(
        process.execPath,
        [cli, 'lint', file, '--format=json'],
        { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
        (_e, out) => resolve(out),
      );
    });
    return JSON.parse(stdout.slice(stdout.indexOf('{'))) as never;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('GET /openapi.json', () => {
  let t: TestApp;
  let doc: Json;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/openapi.json').expect(200)).body as Json;
  });
  afterAll(() => t.close());

  it('is the committed openapi/openapi.json, byte for byte (run `npm run api:sync` after an API change)', () => {
    const committed = readFileSync(join(ROOT, 'openapi', 'openapi.json'), 'utf8');
    expect(`${JSON.stringify(doc, null, 2)}\n`).toBe(committed);
  });

  it('lints with 0 errors under the Redocly recommended rules', async () => {
    const { totals, problems } = await redoclyLint(doc);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(totals.errors).toBe(0);
  }, 120000);

  it('is checked by a linter that does fail on a broken document', async () => {
    const broken = structuredClone(doc);
    const [first] = operationsOf(broken);
    delete first.op.responses;
    delete first.op.summary;
    expect((await redoclyLint(broken)).totals.errors).toBeGreaterThan(0);
  }, 120000);

  it('is OpenAPI 3 with the DirectLogin and bearer security schemes', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes).toEqual({
      DirectLogin: {
        type: 'apiKey',
        in: 'header',
        name: 'DirectLogin',
        description: 'The token from POST /my/logins/direct, sent as `token=<JWT>`.',
      },
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The DirectLogin token as a bearer token.',
      },
    });
  });

  it('documents every OBP endpoint exactly once, at its canonical path, with its OBP operation id', () => {
    const operations = operationsOf(doc);
    expect(operations).toHaveLength(ENDPOINTS.length);
    for (const def of ENDPOINTS) {
      const { path, verb } = canonicalOperation(def);
      expect(`${verb} ${path} ${doc.paths[path]?.[verb]?.operationId}`).toBe(
        `${verb} ${path} ${def.operationId}`,
      );
      expect(def.operationId).toBe(`${fullyQualified(def.implementedIn)}-${def.functionName}`);
    }
    const ids = operations.map((o) => o.op.operationId as string);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses OBP's operation ids and the v3.1.0 path for the KYC endpoints", () => {
    const kyc =
      doc.paths['/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/kyc_check/{KYC_CHECK_ID}'];
    expect(kyc.put.operationId).toBe('OBPv2.0.0-addKycCheck');
    expect(doc.paths['/obp/v3.1.0/customers/{CUSTOMER_ID}/kyc_checks'].get.operationId).toBe(
      'OBPv2.0.0-getKycChecks',
    );
    expect(
      doc.paths['/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/tax-residence'].post
        .operationId,
    ).toBe('OBPv3.1.0-createTaxResidence');
    expect(doc.paths['/my/logins/direct'].post.operationId).toBe('OBPv1.2.1-directLogin');
    expect(doc.paths['/obp/v4.0.0/root'].get.operationId).toBe('OBPv4.0.0-getRoot');
  });

  it('names the alias version prefixes in the description instead of repeating the path', () => {
    const paths = Object.keys(doc.paths);
    // v3.1.0 where served, else the first version (an implementation OBP replaced before v3.1.0)
    expect(paths.filter((p) => p.startsWith('/obp/v2.0.0/')).sort()).toEqual([
      '/obp/v2.0.0/entitlements',
      '/obp/v2.0.0/users/current',
    ]);
    expect(doc.paths['/obp/v2.0.0/users/current'].get.operationId).toBe('OBPv2.0.0-getCurrentUser');
    expect(doc.paths['/obp/v3.1.0/users/current'].get.operationId).toBe('OBPv3.0.0-getCurrentUser');
    expect(
      paths.filter(
        (p) =>
          p !== '/my/logins/direct' &&
          // an extension standard's endpoints have one version, their own (/kyc/v1.0.0)
          !p.startsWith('/kyc/v1.0.0/') &&
          !['v1.2.1', 'v2.0.0', 'v2.1.0', 'v3.1.0', 'v4.0.0'].includes(p.split('/')[2]),
      ),
    ).toEqual([]);
    const put =
      doc.paths['/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/kyc_check/{KYC_CHECK_ID}'].put;
    expect(put.description).toContain(
      'the same endpoint is also served under `/obp/v2.0.0`, `/obp/v2.1.0`, `/obp/v2.2.0`, `/obp/v3.0.0`, `/obp/v4.0.0`, `/obp/v5.0.0`, `/obp/v5.1.0`.',
    );
  });

  it('leaves out the routes that are not OBP endpoints', () => {
    const paths = Object.keys(doc.paths);
    for (const other of ['/health', '/metrics', '/openapi', '/explorer', '/docs']) {
      expect(paths.filter((p) => p.startsWith(other))).toEqual([]);
    }
  });

  it('secures exactly the endpoints that require a login, with DirectLogin or bearer', () => {
    for (const def of ENDPOINTS) {
      const { path, verb } = canonicalOperation(def);
      const security = doc.paths[path][verb].security;
      expect([def.operationId, security]).toEqual([
        def.operationId,
        def.checks.includes('login') ? [{ DirectLogin: [] }, { bearer: [] }] : [],
      ]);
    }
  });

  it('documents every error an endpoint can answer, under its status, as an ObpError example', () => {
    expect(doc.components.schemas.ObpError).toEqual({
      type: 'object',
      properties: {
        code: { type: 'integer', example: 400, description: 'The HTTP status, repeated.' },
        message: {
          type: 'string',
          example: 'OBP-50000: Unknown Error.',
          description: 'OBP error code and text.',
        },
      },
      required: ['code', 'message'],
    });
    for (const def of ENDPOINTS) {
      const { path, verb } = canonicalOperation(def);
      const responses = doc.paths[path][verb].responses as Json;
      for (const name of obpDocRules(def).errors) {
        const documented = Object.entries(responses).find(
          ([, r]) => r.content?.['application/json']?.examples?.[name],
        );
        expect([def.operationId, name, documented?.[0]]).toEqual([
          def.operationId,
          name,
          expect.stringMatching(/^[45]\d\d$/),
        ]);
        const [status, response] = documented!;
        expect(response.content['application/json'].schema).toEqual({
          $ref: '#/components/schemas/ObpError',
        });
        expect(response.content['application/json'].examples[name].value).toEqual({
          code: Number(status),
          message: ObpError[name].message,
        });
      }
    }
  });

  it('documents addKycCheck with its body, its 201 response, its errors and its role', () => {
    const put =
      doc.paths['/obp/v3.1.0/banks/{BANK_ID}/customers/{CUSTOMER_ID}/kyc_check/{KYC_CHECK_ID}'].put;
    expect(put.tags).toEqual(['KYC', 'Customer']);
    expect(put.summary).toBe('Add KYC Check');
    expect(put['x-obp-roles']).toEqual(['CanAddKycCheck']);
    expect(put.description).toContain('**Required roles** (any of): `CanAddKycCheck` (at BANK_ID)');
    expect(put.parameters.map((p: Json) => [p.in, p.name, p.required])).toEqual([
      ['path', 'BANK_ID', true],
      ['path', 'CUSTOMER_ID', true],
      ['path', 'KYC_CHECK_ID', true],
      ['header', 'Idempotency-Key', false],
    ]);
    expect(put.requestBody).toEqual({
      required: true,
      description: 'PostKycCheckJSON object',
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/PostKycCheckJSON' },
          examples: {
            PostKycCheckJSON: {
              summary: 'PostKycCheckJSON',
              value: {
                customer_number: '5987953',
                date: '2017-09-19T00:00:00Z',
                how: 'online_meeting',
                staff_user_id: '67876',
                staff_name: 'Simon',
                satisfied: true,
                comments: 'String',
              },
            },
          },
        },
      },
    });
    expect(Object.keys(put.responses)).toEqual(['201', '400', '401', '403', '404', '409', '422']);
    expect(put.responses['201'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/KycCheckJSON',
    });
    expect(put.responses['201'].content['application/json'].example).toMatchObject({
      id: 'KYC_CHECK_ID',
      satisfied: true,
    });
    expect(Object.keys(put.responses['403'].content['application/json'].examples)).toEqual([
      'UserHasMissingRoles',
    ]);
    expect(Object.keys(put.responses['404'].content['application/json'].examples)).toEqual([
      'BankNotFound',
      'CustomerNotFoundByCustomerId',
    ]);
    // the Idempotency-Key answers of every POST and PUT (the document's keys are sorted)
    expect(Object.keys(put.responses['409'].content['application/json'].examples)).toEqual([
      'IdempotencyKeyInProgress',
      'KycIdUsedByAnotherCustomer',
    ]);
    expect(Object.keys(put.responses['422'].content['application/json'].examples)).toEqual([
      'IdempotencyKeyReused',
    ]);
  });

  it('documents the paging parameters, typed, on every paged list', () => {
    const get = doc.paths['/obp/v3.1.0/customers/{CUSTOMER_ID}/kyc_checks'].get;
    expect(get.parameters.filter((p: Json) => p.in === 'query')).toEqual([
      expect.objectContaining({
        name: 'limit',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 1000, example: 50 },
      }),
      expect.objectContaining({
        name: 'offset',
        schema: { type: 'integer', minimum: 0, example: 0 },
      }),
      expect.objectContaining({
        name: 'sort_direction',
        schema: { type: 'string', enum: ['ASC', 'DESC'] },
      }),
      expect.objectContaining({
        name: 'from_date',
        schema: expect.objectContaining({ format: 'date-time' }),
      }),
      expect.objectContaining({
        name: 'to_date',
        schema: expect.objectContaining({ format: 'date-time' }),
      }),
    ]);
    expect(Object.keys(get.responses['400'].content['application/json'].examples)).toEqual(
      expect.arrayContaining(['FilterLimitError', 'FilterOffersetError', 'MaximumLimitExceeded']),
    );
    for (const e of ENDPOINTS.filter((d) => d.paged)) {
      const { path, verb } = canonicalOperation(e);
      const op = doc.paths[path][verb];
      expect(op.parameters.filter((p: Json) => p.in === 'query').map((p: Json) => p.name)).toEqual(
        expect.arrayContaining(['limit', 'offset', 'sort_direction', 'from_date', 'to_date']),
      );
    }
  });

  it('describes the bodies with the snake_case wire names, in wire order, dates as date-time', () => {
    const schema = doc.components.schemas.PostKycCheckJSON;
    expect(Object.keys(schema.properties)).toEqual([
      'customer_number',
      'date',
      'how',
      'staff_user_id',
      'staff_name',
      'satisfied',
      'comments',
    ]);
    expect(schema.properties.date).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.required).toEqual([
      'customer_number',
      'date',
      'how',
      'staff_user_id',
      'staff_name',
      'satisfied',
      'comments',
    ]);
  });

  it('gives every success response with a body an example', () => {
    for (const { op } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses as Json)) {
        if (!status.startsWith('2') || !response.content) continue;
        expect([
          op.operationId,
          response.content['application/json'].example !== undefined,
        ]).toEqual([op.operationId, true]);
      }
    }
  });

  it('has its keys sorted, except schema properties and examples (wire order)', () => {
    expect(Object.keys(doc)).toEqual([...Object.keys(doc)].sort());
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual([...paths].sort());
    expect(Object.keys(doc.components.schemas)).toEqual(Object.keys(doc.components.schemas).sort());
  });
});
