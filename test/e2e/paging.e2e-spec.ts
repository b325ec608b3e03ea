import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../src/common/auth/roles';
import { ENDPOINTS, type EndpointDefinition } from '../../src/common/endpoint/endpoint-registry';
import { ObpError } from '../../src/common/errors/obp-errors';
import { MAX_PAGE_SIZE } from '../../src/common/wire/paging';
import { CustomerAddressEntity } from '../../src/modules/address/customer-address.entity';
import type { BankEntity } from '../../src/modules/bank/bank.entity';
import { ConsumerEntity } from '../../src/modules/consumer/consumer.entity';
import { EntitlementRequestEntity } from '../../src/modules/entitlement/entitlement-request.entity';
import { EntitlementEntity } from '../../src/modules/entitlement/entitlement.entity';
import { KycCheckEntity } from '../../src/modules/kyc/kyc-check.entity';
import { KycDocumentEntity } from '../../src/modules/kyc/kyc-document.entity';
import { KycMediaEntity } from '../../src/modules/kyc/kyc-media.entity';
import { KycStatusEntity } from '../../src/modules/kyc/kyc-status.entity';
import { MeetingEntity } from '../../src/modules/meeting/meeting.entity';
import { TaxResidenceEntity } from '../../src/modules/tax-residence/tax-residence.entity';
import { UserCustomerLinkEntity } from '../../src/modules/user-customer-link/user-customer-link.entity';
import type { UserEntity } from '../../src/modules/user/user.entity';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

/** A list endpoint ready to call: its URL and a token that passes its checks. */
interface Fixture {
  url: string;
  token: string;
  /** Adds the i-th of three rows (a few ms apart: created and updated now, or dated by `when`). */
  add(i: number): Promise<void>;
  /** Dates around the rows: before all three and between the first and the other two. */
  dates?: { before: Date; mid: Date };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const chain = (inner: { message: string }) => ({
  code: 400,
  message: `${ObpError.InvalidFilterParameterFormat.message} <- ${inner.message}`,
});
/** OBP's paging date format (yyyy-MM-dd'T'HH:mm:ss.SSS'Z'). */
const obpMs = (d: Date) => d.toISOString();

/** The one array of a list answer (`checks`, `list`, `users`, …). */
function rowsOf(body: Json): unknown[] {
  const arrays = Object.values(body).filter(Array.isArray);
  expect(arrays).toHaveLength(1);
  return arrays[0] as unknown[];
}

const V = '/obp/v3.1.0';
const paged = ENDPOINTS.filter((e) => e.paged);
/** One name per endpoint: operationIds repeat across versions of one path only by function name. */
const nameOf = (e: EndpointDefinition) => `${e.verb} ${e.path} (${e.operationId})`;

describe('paged lists (OBP limit, offset, sort_direction, from_date, to_date)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  /** A token with the endpoint's first role (at `bank` when it is a bank role). */
  async function userFor(
    def: EndpointDefinition,
    bank: BankEntity,
  ): Promise<{ user: UserEntity; token: string }> {
    const role = def.roles?.[0];
    const roles: Partial<Record<Role, string>> = role
      ? { [role]: ROLES[role].requiresBankId ? bank.id : '' }
      : {};
    return t.seed.userWithToken(roles);
  }

  /** Per endpoint: where its rows come from. A new paged endpoint needs a row here. */
  const FIXTURES: Record<string, (def: EndpointDefinition) => Promise<Fixture>> = {
    'OBPv2.0.0-getKycChecks': async (def) => {
      const { bank, customer } = await t.seed.customer();
      const { token } = await userFor(def, bank);
      return {
        url: `${V}/customers/${customer.id}/kyc_checks`,
        token,
        add: async () => {
          await t.db.getRepository(KycCheckEntity).save({
            id: randomUUID(),
            bankId: bank.id,
            customerId: customer.id,
            customerNumber: customer.customerNumber,
            date: new Date('2017-09-19T00:00:00Z'),
            how: 'online',
            staffUserId: 's',
            staffName: 'Simon',
            satisfied: true,
            comments: '',
          });
        },
      };
    },
    'OBPv2.0.0-getKycDocuments': async (def) => {
      const { bank, customer } = await t.seed.customer();
      const { token } = await userFor(def, bank);
      return {
        url: `${V}/customers/${customer.id}/kyc_documents`,
        token,
        add: async (i) => {
          await t.db.getRepository(KycDocumentEntity).save({
            id: randomUUID(),
            bankId: bank.id,
            customerId: customer.id,
            customerNumber: customer.customerNumber,
            type: 'passport',
            number: String(i),
            issueDate: new Date('2015-01-01T00:00:00Z'),
            issuePlace: 'Berlin',
            expiryDate: new Date('2025-01-01T00:00:00Z'),
          });
        },
      };
    },
    'OBPv2.0.0-getKycMedia': async (def) => {
      const { bank, customer } = await t.seed.customer();
      const { token } = await userFor(def, bank);
      return {
        url: `${V}/customers/${customer.id}/kyc_media`,
        token,
        add: async (i) => {
          await t.db.getRepository(KycMediaEntity).save({
            id: randomUUID(),
            bankId: bank.id,
            customerId: customer.id,
            customerNumber: customer.customerNumber,
            type: 'image',
            url: `https://example.com/${i}.png`,
            date: new Date('2017-09-19T00:00:00Z'),
            relatesToKycDocumentId: '',
            relatesToKycCheckId: '',
          });
        },
      };
    },
    'OBPv2.0.0-getKycStatuses': async (def) => {
      const { bank, customer } = await t.seed.customer();
      const { token } = await userFor(def, bank);
      return {
        url: `${V}/customers/${customer.id}/kyc_statuses`,
        token,
        add: async (i) => {
          await t.db.getRepository(KycStatusEntity).save({
            bankId: bank.id,
            customerId: customer.id,
            customerNumber: customer.customerNumber,
            ok: i % 2 === 0,
            date: new Date('2017-09-19T00:00:00Z'),
          });
        },
      };
    },
    'OBPv3.1.0-getCustomerAddresses': async (def) => {
      const { bank, customer } = await t.seed.customer();
      const { token } = await userFor(def, bank);
      return {
        url: `${V}/banks/${bank.id}/customers/${customer.id}/addresses`,
        token,
        add: async (i) => {
          await t.db.getRepository(CustomerAddressEntity).save({
            customerId: customer.id,
            line1: `${i} Main Street`,
            line2: '',
            line3: '',
            city: 'Berlin',
            county: '',
            state: '',
            postcode: '10115',
            countryCode: 'DE',
            tags: [],
            status: 'current',
          });
        },
      };
    },
    'OBPv3.1.0-getTaxResidence': async (def) => {
      const { bank, customer } = await t.seed.customer();
      const { token } = await userFor(def, bank);
      return {
        url: `${V}/banks/${bank.id}/customers/${customer.id}/tax-residences`,
        token,
        add: async (i) => {
          await t.db
            .getRepository(TaxResidenceEntity)
            .save({ customerId: customer.id, domain: 'DE', taxNumber: `12/${i}` });
        },
      };
    },
    'OBPv3.1.0-getMeetings': async (def) => {
      const bank = await t.seed.bank();
      const { user, token } = await userFor(def, bank);
      return {
        url: `${V}/banks/${bank.id}/meetings`,
        token,
        // the list's date is the meeting's `when`, set by its creator
        dates: { before: new Date('2029-12-31T00:00:00Z'), mid: new Date('2030-01-01T12:00:00Z') },
        add: async (i) => {
          await t.db.getRepository(MeetingEntity).save({
            bankId: bank.id,
            providerId: 'p',
            purposeId: 'onboarding',
            when: new Date(Date.UTC(2030, 0, 1 + i)),
            creatorUserId: user.id,
            creatorName: 'Creator',
            creatorMobilePhone: '',
            creatorEmailAddress: '',
          });
        },
      };
    },
    'OBPv3.0.0-getCustomersForUser': async (def) => {
      const bank = await t.seed.bank();
      const { user, token } = await userFor(def, bank);
      return { url: `${V}/users/current/customers`, token, add: () => linkCustomer(user, bank) };
    },
    'OBPv2.1.0-getCustomersForCurrentUserAtBank': async (def) => {
      const bank = await t.seed.bank();
      const { user, token } = await userFor(def, bank);
      return {
        url: `${V}/banks/${bank.id}/customers`,
        token,
        add: () => linkCustomer(user, bank),
      };
    },
    'OBPv2.0.0-getEntitlements': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      const target = await t.seed.user();
      return {
        url: `${V}/users/${target.id}/entitlements`,
        token,
        add: (i) => entitlement(target, bank, i),
      };
    },
    'OBPv2.1.0-getEntitlementsByBankAndUser': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      const target = await t.seed.user();
      return {
        url: `${V}/banks/${bank.id}/users/${target.id}/entitlements`,
        token,
        add: (i) => entitlement(target, bank, i),
      };
    },
    'OBPv3.0.0-getEntitlementsForCurrentUser': async (def) => {
      const bank = await t.seed.bank();
      const { user, token } = await userFor(def, bank);
      return { url: `${V}/my/entitlements`, token, add: (i) => entitlement(user, bank, i) };
    },
    'OBPv2.0.0-getAllEntitlements': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      const target = await t.seed.user();
      return {
        url: '/obp/v2.0.0/entitlements',
        token,
        add: (i) => entitlement(target, bank, i),
      };
    },
    'OBPv3.1.0-getAllEntitlements': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      const target = await t.seed.user();
      return { url: `${V}/entitlements`, token, add: (i) => entitlement(target, bank, i) };
    },
    'OBPv3.0.0-getAllEntitlementRequests': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      const target = await t.seed.user();
      return { url: `${V}/entitlement-requests`, token, add: (i) => request(target, bank, i) };
    },
    'OBPv3.0.0-getEntitlementRequests': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      const target = await t.seed.user();
      return {
        url: `${V}/users/${target.id}/entitlement-requests`,
        token,
        add: (i) => request(target, bank, i),
      };
    },
    'OBPv3.0.0-getEntitlementRequestsForCurrentUser': async (def) => {
      const bank = await t.seed.bank();
      const { user, token } = await userFor(def, bank);
      return {
        url: `${V}/my/entitlement-requests`,
        token,
        add: (i) => request(user, bank, i),
      };
    },
    'OBPv3.0.0-getUser': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      const email = `${randomUUID()}@example.com`;
      return {
        url: `${V}/users/email/${email}/terminator`,
        token,
        add: async () => void (await t.seed.user({ email })),
      };
    },
    'OBPv2.1.0-getUsers': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      return { url: '/obp/v2.1.0/users', token, add: async () => void (await t.seed.user()) };
    },
    'OBPv3.0.0-getUsers': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      return { url: `${V}/users`, token, add: async () => void (await t.seed.user()) };
    },
    'OBPv4.0.0-getConsumers': async (def) => {
      const bank = await t.seed.bank();
      const { token } = await userFor(def, bank);
      return {
        url: '/obp/v4.0.0/management/consumers',
        token,
        add: async (i) => {
          await t.db.getRepository(ConsumerEntity).save({
            consumerKey: `paging-${randomUUID()}`,
            appName: `app ${i}`,
            enabled: true,
            secretHash: null,
          });
        },
      };
    },
  };

  async function linkCustomer(user: UserEntity, bank: BankEntity): Promise<void> {
    const { customer } = await t.seed.customer(bank);
    await t.db
      .getRepository(UserCustomerLinkEntity)
      .save({ userId: user.id, customerId: customer.id, bankId: bank.id });
  }
  const BANK_ROLES: Role[] = ['CanCreateCustomer', 'CanGetCustomer', 'CanAddKycCheck'];
  async function entitlement(user: UserEntity, bank: BankEntity, i: number): Promise<void> {
    await t.db
      .getRepository(EntitlementEntity)
      .save({ userId: user.id, roleName: BANK_ROLES[i], bankId: bank.id });
  }
  async function request(user: UserEntity, bank: BankEntity, i: number): Promise<void> {
    await t.db
      .getRepository(EntitlementRequestEntity)
      .save({ userId: user.id, roleName: BANK_ROLES[i], bankId: bank.id });
  }

  it('has a fixture for every paged endpoint of the registry, and every list endpoint is paged', () => {
    expect(paged.map((e) => e.operationId).sort()).toEqual(Object.keys(FIXTURES).sort());
    // lists that are not paged, and why: fixed catalogues, OBP documents, or always empty
    const notPaged = ENDPOINTS.filter(
      (e) =>
        e.verb === 'GET' &&
        !e.paged &&
        e.success.example !== null &&
        typeof e.success.example === 'object' &&
        Object.values(e.success.example).some(Array.isArray),
    ).map((e) => e.operationId);
    expect(notPaged.sort()).toEqual(
      [
        'OBPv1.2.1-getBanks', // a short catalogue, as OBP
        'OBPv3.0.0-getBanks',
        'OBPv2.1.0-getRoles', // the role catalogue
        'OBPv4.0.0-getMyApiCollections', // always empty on this server
        'OBPv1.4.0-getResourceDocsObp', // OBP's documents, filtered by tags and functions
        'OBPv1.4.0-getResourceDocsSwagger',
        'OBPv1.4.0-getBankLevelDynamicResourceDocsObp',
        'OBPv4.0.0-getScannedApiVersions',
        'OBPv3.0.0-getApiGlossary',
        // paged by the audit module's own OBP parser (default 50 newest; test/e2e/audit.e2e-spec.ts)
        'KYCv1.0.0-getAuditEvents',
        'KYCv1.0.0-getAuditEventsAtOneBank',
        // paged by the webhook module's own OBP parser (test/e2e/webhook.e2e-spec.ts)
        'KYCv1.0.0-getWebhooks',
        'KYCv1.0.0-getWebhookDeliveries',
        // one webhook, whose event_types is a field, not a list
        'KYCv1.0.0-getWebhook',
        // one resource whose fields hold arrays, not lists
        'OBPv3.0.0-bankById',
        'OBPv3.1.0-getCustomerByCustomerId',
        'OBPv3.1.0-getMeeting',
      ].sort(),
    );
  });

  describe.each(paged.map((def) => [nameOf(def), def] as const))('%s', (_name, def) => {
    let f: Fixture;
    let all: unknown[];
    let dates: { before: Date; mid: Date };
    const get = (query = '') => t.http.get(`${f.url}${query}`).set(t.auth(f.token));

    beforeAll(async () => {
      f = await FIXTURES[def.operationId](def);
      const before = new Date();
      await sleep(5);
      await f.add(0);
      await sleep(5);
      const mid = new Date();
      await sleep(5);
      await f.add(1);
      await f.add(2);
      dates = f.dates ?? { before, mid };
      const res = await get();
      expect(res.status).toBe(def.success.status);
      all = rowsOf(res.body as Json);
    });

    it('answers the whole list without parameters, and the same with the defaults spelt out', async () => {
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(all.length).toBeLessThan(MAX_PAGE_SIZE);
      const spelt = await get(`?limit=${MAX_PAGE_SIZE}&offset=0`);
      expect(spelt.body).toEqual((await get()).body);
    });

    it('pages with limit and offset (also obp_limit and obp_offset, any case)', async () => {
      expect(rowsOf((await get('?limit=2')).body)).toEqual(all.slice(0, 2));
      expect(rowsOf((await get('?offset=1')).body)).toEqual(all.slice(1));
      expect(rowsOf((await get('?limit=1&offset=1')).body)).toEqual(all.slice(1, 2));
      expect(rowsOf((await get(`?offset=${all.length}`)).body)).toEqual([]);
      expect(rowsOf((await get('?obp_limit=1&OBP_OFFSET=2')).body)).toEqual(all.slice(2, 3));
      expect(rowsOf((await get('?LIMIT=1&obp_limit=2')).body)).toEqual(all.slice(0, 1));
    });

    it('turns the stable order with sort_direction (the default one answers the list as is)', async () => {
      const asc = rowsOf((await get('?sort_direction=ASC')).body);
      const desc = rowsOf((await get('?sort_direction=desc')).body);
      expect([asc, desc]).toContainEqual(all);
      expect(asc).toEqual([...desc].reverse());
      expect(rowsOf((await get('?sort_direction=ASC&limit=1')).body)).toEqual(asc.slice(0, 1));
    });

    it('bounds the list with from_date and to_date (inclusive, OBP format)', async () => {
      const { before, mid } = dates;
      const after = rowsOf((await get(`?from_date=${obpMs(before)}`)).body);
      expect(after).toHaveLength(3);
      const older = rowsOf((await get(`?to_date=${obpMs(before)}`)).body);
      expect(older.length + after.length).toBe(all.length);
      expect(rowsOf((await get(`?from_date=${obpMs(mid)}`)).body)).toHaveLength(2);
      const first = rowsOf((await get(`?from_date=${obpMs(before)}&to_date=${obpMs(mid)}`)).body);
      expect(first).toHaveLength(1);
      expect(after).toContainEqual(first[0]);
      // the v1.x format with an offset is OBP's fallback (`+` encoded, or it reads as a space)
      const offset = encodeURIComponent(obpMs(before).replace('Z', '+0000'));
      expect(rowsOf((await get(`?from_date=${offset}`)).body)).toEqual(after);
      expect(rowsOf((await get('?from_date=2999-01-01T00:00:00.000Z')).body)).toEqual([]);
    });

    it.each([
      ['limit', 'foo', ObpError.FilterLimitError],
      ['limit', '0', ObpError.FilterLimitError],
      ['limit', '-1', ObpError.FilterLimitError],
      ['limit', '1.5', ObpError.FilterLimitError],
      ['limit', '', ObpError.FilterLimitError],
      ['limit', '99999999999', ObpError.FilterLimitError],
      ['offset', 'foo', ObpError.FilterOffersetError],
      ['offset', '-1', ObpError.FilterOffersetError],
      ['obp_offset', 'x', ObpError.FilterOffersetError],
      ['sort_direction', 'up', ObpError.FilterSortDirectionError],
      ['sort_direction', '', ObpError.FilterSortDirectionError],
      ['from_date', 'foo', ObpError.FilterDateFormatError],
      ['from_date', '2017-09-19T00:00:00Z', ObpError.FilterDateFormatError],
      ['from_date', '2017-02-30T00:00:00.000Z', ObpError.FilterDateFormatError],
      ['to_date', '2017-09-19', ObpError.FilterDateFormatError],
      ['to_date', '2017-09-19T00:00:00.000Zjunk', ObpError.FilterDateFormatError],
    ])('answers 400 for %s=%j with OBP-10016 <- its error', async (name, value, inner) => {
      const res = await get(`?${name}=${encodeURIComponent(value)}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(chain(inner));
    });

    it(`answers 400 OBP-10012 for a limit above ${MAX_PAGE_SIZE}`, async () => {
      const res = await get(`?limit=${MAX_PAGE_SIZE + 1}`);
      expect(res.body).toEqual({ code: 400, message: ObpError.MaximumLimitExceeded.message });
      expect(rowsOf((await get(`?limit=${MAX_PAGE_SIZE}`)).body)).toEqual(all);
    });

    it("checks the parameters in OBP's order (sort_direction, from_date, to_date, limit, offset)", async () => {
      const res = await get('?offset=x&limit=x&to_date=x&from_date=x&sort_direction=x');
      expect(res.body).toEqual(chain(ObpError.FilterSortDirectionError));
      expect((await get('?offset=x&limit=x&to_date=x')).body).toEqual(
        chain(ObpError.FilterDateFormatError),
      );
      expect((await get('?offset=x&limit=x')).body).toEqual(chain(ObpError.FilterLimitError));
    });

    it('checks the parameters after access: no token is still 401 OBP-20001', async () => {
      const res = await t.http.get(`${f.url}?limit=foo`);
      expect(res.status).toBe(401);
      expect(res.body.message).toContain('OBP-20001');
    });
  });
});
