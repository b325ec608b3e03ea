import {
  API_VERSIONS,
  type ApiVersion,
  EXTENSION_VERSIONS,
  type ServedVersion,
} from '../../src/common/endpoint/api-versions';
import {
  ENDPOINTS,
  type EndpointDefinition,
  isExtension,
  isPlaceholder,
  urlFor,
} from '../../src/common/endpoint/endpoint-registry';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Generated from the registry: every endpoint answers under every version prefix it is served at
 * and 404 OBP-10404 under every other one, and each version's resource docs list exactly what that
 * version serves. The version ranges themselves come from OBP-API's OBPAPIx_y_z.scala route lists.
 */
const NOT_FOUND =
  'OBP-10404: 404 Not Found. The server could not find the requested URI. Please double check your URL, headers and body. Note: When you are making a POST or PUT request, the Content-Type header MUST be `application/json`. Note: OBP only supports JSON formatted bodies.';

const versioned = ENDPOINTS.filter((e) => !e.absolutePath);
const routeOf = (e: EndpointDefinition) => `${e.verb} ${e.path}`;

/** OBP's versions and our extension standards': an OBP endpoint is never under `/kyc/`, nor ours under `/obp/`. */
const ALL_VERSIONS: ServedVersion[] = [...API_VERSIONS, ...EXTENSION_VERSIONS];

/** The versions any implementation of a route is served at: another one may fill the gap. */
const servedAt = new Map<string, Set<ServedVersion>>();
for (const e of versioned) {
  const set = servedAt.get(routeOf(e)) ?? new Set<ServedVersion>();
  e.versions.forEach((v) => set.add(v));
  servedAt.set(routeOf(e), set);
}

const fill = (url: string) =>
  url
    .split('/')
    .map((s) => (isPlaceholder(s) ? (s === 'API_VERSION' ? 'v3.1.0' : 'x1') : s))
    .join('/');

interface Doc {
  operation_id: string;
  request_verb: string;
  specified_url: string;
}

/**
 * Route, operation id, first and last version prefix, as read from OBP-API (APIMethodsXYZ.scala for
 * the implementation, OBPAPIx_y_z.scala for the versions that list it); written out, so a changed
 * range in an @ObpEndpoint block fails here.
 */
const OBP_TABLE: [string, string, ApiVersion, ApiVersion][] = [
  [
    'DELETE /banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID',
    'OBPv3.1.0-deleteCustomerAddress',
    'v3.1.0',
    'v5.1.0',
  ],
  [
    'DELETE /banks/BANK_ID/customers/CUSTOMER_ID/tax_residencies/TAX_RESIDENCE_ID',
    'OBPv3.1.0-deleteTaxResidence',
    'v3.1.0',
    'v5.1.0',
  ],
  [
    'DELETE /entitlement-requests/ENTITLEMENT_REQUEST_ID',
    'OBPv3.0.0-deleteEntitlementRequest',
    'v3.0.0',
    'v7.0.0',
  ],
  ['DELETE /my/logins/direct', 'OBPv1.2.1-logout', 'v1.2.1', 'v5.1.0'],
  [
    'DELETE /users/USER_ID/entitlement/ENTITLEMENT_ID',
    'OBPv2.0.0-deleteEntitlement',
    'v2.0.0',
    'v5.1.0',
  ],
  ['GET /api/glossary', 'OBPv3.0.0-getApiGlossary', 'v3.0.0', 'v7.0.0'],
  ['GET /api/versions', 'OBPv4.0.0-getScannedApiVersions', 'v3.0.0', 'v7.0.0'],
  ['GET /banks', 'OBPv1.2.1-getBanks', 'v1.2.1', 'v2.2.0'],
  ['GET /banks', 'OBPv3.0.0-getBanks', 'v3.0.0', 'v7.0.0'],
  ['GET /banks/BANK_ID', 'OBPv1.2.1-bankById', 'v1.2.1', 'v2.2.0'],
  ['GET /banks/BANK_ID', 'OBPv3.0.0-bankById', 'v3.0.0', 'v7.0.0'],
  [
    'GET /banks/BANK_ID/customers',
    'OBPv2.1.0-getCustomersForCurrentUserAtBank',
    'v2.1.0',
    'v5.1.0',
  ],
  [
    'GET /banks/BANK_ID/customers/CUSTOMER_ID',
    'OBPv3.1.0-getCustomerByCustomerId',
    'v3.1.0',
    'v5.1.0',
  ],
  [
    'GET /banks/BANK_ID/customers/CUSTOMER_ID/addresses',
    'OBPv3.1.0-getCustomerAddresses',
    'v3.1.0',
    'v5.1.0',
  ],
  [
    'GET /banks/BANK_ID/customers/CUSTOMER_ID/tax-residences',
    'OBPv3.1.0-getTaxResidence',
    'v3.1.0',
    'v5.1.0',
  ],
  ['GET /banks/BANK_ID/meetings', 'OBPv3.1.0-getMeetings', 'v3.1.0', 'v5.1.0'],
  ['GET /banks/BANK_ID/meetings/MEETING_ID', 'OBPv3.1.0-getMeeting', 'v3.1.0', 'v5.1.0'],
  [
    'GET /banks/BANK_ID/resource-docs/API_VERSION/obp',
    'OBPv1.4.0-getBankLevelDynamicResourceDocsObp',
    'v1.4.0',
    'v7.0.0',
  ],
  [
    'GET /banks/BANK_ID/users/USER_ID/entitlements',
    'OBPv2.1.0-getEntitlementsByBankAndUser',
    'v2.1.0',
    'v5.1.0',
  ],
  ['GET /customers/CUSTOMER_ID/kyc_checks', 'OBPv2.0.0-getKycChecks', 'v2.0.0', 'v5.1.0'],
  ['GET /customers/CUSTOMER_ID/kyc_documents', 'OBPv2.0.0-getKycDocuments', 'v2.0.0', 'v5.1.0'],
  ['GET /customers/CUSTOMER_ID/kyc_media', 'OBPv2.0.0-getKycMedia', 'v2.0.0', 'v5.1.0'],
  ['GET /customers/CUSTOMER_ID/kyc_statuses', 'OBPv2.0.0-getKycStatuses', 'v2.0.0', 'v5.1.0'],
  ['GET /entitlement-requests', 'OBPv3.0.0-getAllEntitlementRequests', 'v3.0.0', 'v7.0.0'],
  ['GET /entitlements', 'OBPv2.0.0-getAllEntitlements', 'v2.0.0', 'v3.0.0'],
  ['GET /entitlements', 'OBPv3.1.0-getAllEntitlements', 'v3.1.0', 'v5.1.0'],
  ['GET /management/consumers', 'OBPv4.0.0-getConsumers', 'v4.0.0', 'v5.1.0'],
  ['GET /my/api-collections', 'OBPv4.0.0-getMyApiCollections', 'v4.0.0', 'v5.1.0'],
  [
    'GET /my/entitlement-requests',
    'OBPv3.0.0-getEntitlementRequestsForCurrentUser',
    'v3.0.0',
    'v7.0.0',
  ],
  ['GET /my/entitlements', 'OBPv3.0.0-getEntitlementsForCurrentUser', 'v3.0.0', 'v7.0.0'],
  ['GET /resource-docs/API_VERSION/obp', 'OBPv1.4.0-getResourceDocsObp', 'v1.4.0', 'v7.0.0'],
  [
    'GET /resource-docs/API_VERSION/swagger',
    'OBPv1.4.0-getResourceDocsSwagger',
    'v1.4.0',
    'v7.0.0',
  ],
  ['GET /roles', 'OBPv2.1.0-getRoles', 'v2.1.0', 'v7.0.0'],
  ['GET /root', 'OBPv3.0.0-root', 'v3.0.0', 'v3.1.0'],
  ['GET /root', 'OBPv4.0.0-getRoot', 'v4.0.0', 'v7.0.0'],
  ['GET /users', 'OBPv2.1.0-getUsers', 'v2.1.0', 'v2.2.0'],
  ['GET /users', 'OBPv3.0.0-getUsers', 'v3.0.0', 'v5.1.0'],
  ['GET /users/USERNAME/lock-status', 'OBPv3.1.0-getBadLoginStatus', 'v3.1.0', 'v5.0.0'],
  [
    'GET /users/USER_ID/entitlement-requests',
    'OBPv3.0.0-getEntitlementRequests',
    'v3.0.0',
    'v5.1.0',
  ],
  ['GET /users/USER_ID/entitlements', 'OBPv2.0.0-getEntitlements', 'v2.0.0', 'v5.1.0'],
  ['GET /users/current', 'OBPv2.0.0-getCurrentUser', 'v2.0.0', 'v2.2.0'],
  ['GET /users/current', 'OBPv3.0.0-getCurrentUser', 'v3.0.0', 'v7.0.0'],
  ['GET /users/current/customers', 'OBPv3.0.0-getCustomersForUser', 'v3.0.0', 'v7.0.0'],
  ['GET /users/email/EMAIL/terminator', 'OBPv3.0.0-getUser', 'v3.0.0', 'v5.1.0'],
  ['GET /users/user_id/USER_ID', 'OBPv3.0.0-getUserByUserId', 'v3.0.0', 'v5.1.0'],
  ['GET /users/username/USERNAME', 'OBPv3.0.0-getUserByUsername', 'v3.0.0', 'v5.0.0'],
  ['POST /banks', 'OBPv2.2.0-createBank', 'v2.2.0', 'v3.1.0'],
  ['POST /banks/BANK_ID/customers', 'OBPv3.1.0-createCustomer', 'v3.1.0', 'v5.1.0'],
  [
    'POST /banks/BANK_ID/customers/CUSTOMER_ID/address',
    'OBPv3.1.0-createCustomerAddress',
    'v3.1.0',
    'v5.1.0',
  ],
  [
    'POST /banks/BANK_ID/customers/CUSTOMER_ID/tax-residence',
    'OBPv3.1.0-createTaxResidence',
    'v3.1.0',
    'v5.1.0',
  ],
  [
    'POST /banks/BANK_ID/customers/customer-number',
    'OBPv3.1.0-getCustomerByCustomerNumber',
    'v3.1.0',
    'v5.1.0',
  ],
  ['POST /banks/BANK_ID/meetings', 'OBPv3.1.0-createMeeting', 'v3.1.0', 'v5.1.0'],
  [
    'POST /banks/BANK_ID/user_customer_links',
    'OBPv2.0.0-createUserCustomerLinks',
    'v2.0.0',
    'v5.1.0',
  ],
  ['POST /entitlement-requests', 'OBPv3.0.0-addEntitlementRequest', 'v3.0.0', 'v7.0.0'],
  ['POST /management/consumers', 'OBPv4.0.0-createConsumer', 'v4.0.0', 'v5.1.0'],
  ['POST /my/logins/direct', 'OBPv1.2.1-directLogin', 'v1.2.1', 'v5.1.0'],
  ['POST /users', 'OBPv2.0.0-createUser', 'v2.0.0', 'v5.1.0'],
  ['POST /users/USERNAME/locks', 'OBPv4.0.0-lockUser', 'v4.0.0', 'v5.0.0'],
  ['POST /users/USER_ID/entitlements', 'OBPv2.0.0-addEntitlement', 'v2.0.0', 'v5.1.0'],
  [
    'PUT /banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID',
    'OBPv3.1.0-updateCustomerAddress',
    'v3.1.0',
    'v5.1.0',
  ],
  [
    'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_check/KYC_CHECK_ID',
    'OBPv2.0.0-addKycCheck',
    'v2.0.0',
    'v5.1.0',
  ],
  [
    'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_documents/KYC_DOCUMENT_ID',
    'OBPv2.0.0-addKycDocument',
    'v2.0.0',
    'v5.1.0',
  ],
  [
    'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_media/KYC_MEDIA_ID',
    'OBPv2.0.0-addKycMedia',
    'v2.0.0',
    'v5.1.0',
  ],
  [
    'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_statuses',
    'OBPv2.0.0-addKycStatus',
    'v2.0.0',
    'v5.1.0',
  ],
  [
    'PUT /banks/BANK_ID/customers/CUSTOMER_ID/number',
    'OBPv3.1.0-updateCustomerNumber',
    'v3.1.0',
    'v5.1.0',
  ],
  ['PUT /users/USERNAME/lock-status', 'OBPv3.1.0-unlockUser', 'v3.1.0', 'v5.0.0'],
];

describe('versions: every endpoint under exactly the version prefixes OBP serves it at', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const call = (e: EndpointDefinition, version: ServedVersion) => {
    const verb = e.verb.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
    const req = t.http[verb](fill(urlFor(e, version)));
    return e.body ? req.send(e.body.example as object) : req;
  };

  it('serves each OBP implementation at the versions OBP-API lists it in', () => {
    // our extension standards' endpoints are no OBP implementation (each has its one version)
    const actual = ENDPOINTS.filter((e) => !isExtension(e)).map(
      (e) => [routeOf(e), e.operationId, e.versions[0], e.versions[e.versions.length - 1]] as const,
    );
    expect([...actual].sort()).toEqual([...OBP_TABLE].sort());
  });

  it("serves each extension endpoint at its standard's one version only", () => {
    const wrong = ENDPOINTS.filter(isExtension)
      .filter((e) => e.versions.length !== 1 || e.versions[0] !== e.implementedIn)
      .map((e) => e.operationId);
    expect(wrong).toEqual([]);
  });

  it('never serves two implementations of one route under the same version', () => {
    const clashes: string[] = [];
    for (const [i, a] of versioned.entries()) {
      for (const b of versioned.slice(i + 1)) {
        const both = a.versions.filter((v) => b.versions.includes(v));
        if (routeOf(a) === routeOf(b) && both.length > 0)
          clashes.push(`${routeOf(a)}: ${a.operationId} and ${b.operationId} at ${both.join(' ')}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('serves each endpoint from the version OBP implemented it in (or servedFrom) on', () => {
    const wrong = versioned
      .filter((e) => e.versions[0] !== (e.servedFrom ?? e.implementedIn))
      .map((e) => `${e.operationId}: ${e.versions[0]}`);
    expect(wrong).toEqual([]);
  });

  it('answers every endpoint under its versions, and 404 OBP-10404 under the others', async () => {
    const problems: string[] = [];
    let served = 0;
    let refused = 0;
    for (const e of versioned) {
      for (const version of ALL_VERSIONS) {
        const res = await call(e, version);
        const isRouteNotFound =
          res.status === 404 &&
          res.body?.code === 404 &&
          String(res.body?.message).startsWith(`${NOT_FOUND}Current Url is (`);
        if (e.versions.includes(version)) {
          served += 1;
          if (isRouteNotFound) problems.push(`${e.operationId} not served at ${version}`);
        } else if (!servedAt.get(routeOf(e))!.has(version)) {
          refused += 1;
          if (!isRouteNotFound)
            problems.push(
              `${e.operationId} answers ${res.status} at ${version}, not served there: ${JSON.stringify(res.body)}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(served).toBeGreaterThan(versioned.length);
    expect(refused).toBeGreaterThan(0);
    // one call per endpoint and version prefix: well over a thousand on a busy 2-core machine
  }, 180_000);

  it.each(ALL_VERSIONS)(
    'lists in the %s resource docs exactly what that version serves',
    async (version) => {
      const res = await t.http.get(`/obp/v5.1.0/resource-docs/${version}/obp`).expect(200);
      const listed = (res.body.resource_docs as Doc[])
        .map((d) => `${d.request_verb} ${d.specified_url} ${d.operation_id}`)
        .sort();
      const expected = ENDPOINTS.filter((e) => e.versions.includes(version))
        .map((e) => `${e.verb} ${urlFor(e, version)} ${e.operationId}`)
        .sort();
      expect(listed).toEqual(expected);
    },
  );
});
