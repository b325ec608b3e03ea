import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { Role } from '../../src/common/auth/roles';
import { hashPassword } from '../../src/common/security/password-hash';
import { BankEntity } from '../../src/modules/bank/bank.entity';
import { ConsumerEntity } from '../../src/modules/consumer/consumer.entity';
import { CustomerEntity } from '../../src/modules/customer/customer.entity';
import { EntitlementEntity } from '../../src/modules/entitlement/entitlement.entity';
import { UserEntity } from '../../src/modules/user/user.entity';

export const SEED_PASSWORD = 'Seed-Passw0rd!';
let seedHash: Promise<string> | undefined;

const unique = (prefix: string): string =>
  `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** Rows for tests, written straight to the test's database; tokens come from real DirectLogins. */
export class Seed {
  private readonly db: DataSource;
  private consumer?: Promise<ConsumerEntity>;

  constructor(
    app: INestApplication,
    private readonly http: TestAgent,
  ) {
    this.db = app.get(DataSource);
  }

  /** An enabled consumer key for DirectLogin. */
  async consumerKey(): Promise<string> {
    this.consumer ??= this.db.getRepository(ConsumerEntity).save({
      consumerKey: unique('seedkey'),
      appName: 'seed',
      enabled: true,
      secretHash: null,
    });
    return (await this.consumer).consumerKey;
  }

  /** A validated user with password SEED_PASSWORD. */
  async user(overrides: Partial<UserEntity> = {}): Promise<UserEntity> {
    seedHash ??= hashPassword(SEED_PASSWORD);
    const username = overrides.username ?? unique('user');
    return this.db.getRepository(UserEntity).save({
      username,
      email: `${username}@example.com`,
      firstName: 'Seed',
      lastName: 'User',
      passwordHash: await seedHash,
      provider: 'http://127.0.0.1:8080',
      validated: true,
      ...overrides,
    });
  }

  /** Entitlements straight in the table: `{ CanGetCustomer: bankId, CanGetAnyUser: '' }`. */
  async grant(userId: string, roles: Partial<Record<Role, string | string[]>>): Promise<void> {
    const rows = Object.entries(roles).flatMap(([roleName, banks]) =>
      (Array.isArray(banks) ? banks : [banks ?? '']).map((bankId) => ({
        userId,
        roleName,
        bankId,
      })),
    );
    if (rows.length > 0) await this.db.getRepository(EntitlementEntity).insert(rows);
  }

  /** DirectLogin over HTTP; returns the token. */
  async login(username: string, password = SEED_PASSWORD): Promise<string> {
    const res = await this.http
      .post('/my/logins/direct')
      .set(
        'DirectLogin',
        `username=${username}, password=${password}, consumer_key=${await this.consumerKey()}`,
      );
    if (res.status !== 201)
      throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { token: string }).token;
  }

  /** A new user holding `roles` (bank id, or '' for system roles), logged in. */
  async token(roles: Partial<Record<Role, string | string[]>> = {}): Promise<string> {
    return (await this.userWithToken(roles)).token;
  }

  async userWithToken(
    roles: Partial<Record<Role, string | string[]>> = {},
  ): Promise<{ user: UserEntity; token: string }> {
    const user = await this.user();
    await this.grant(user.id, roles);
    return { user, token: await this.login(user.username) };
  }

  async bank(overrides: Partial<BankEntity> = {}): Promise<BankEntity> {
    return this.db.getRepository(BankEntity).save({
      id: unique('bank.'),
      shortName: 'Seed bank',
      fullName: 'Seed Bank plc',
      logoUrl: 'https://example.com/logo.png',
      websiteUrl: 'https://example.com',
      swiftBic: 'SEEDGB22',
      nationalIdentifier: 'SEED123',
      bankRoutingScheme: 'BIC',
      bankRoutingAddress: 'SEEDGB22',
      ...overrides,
    });
  }

  /** A customer at `bank` (a new bank when omitted). */
  async customer(
    bank?: BankEntity,
    overrides: Partial<CustomerEntity> = {},
  ): Promise<{ bank: BankEntity; customer: CustomerEntity }> {
    const b = bank ?? (await this.bank());
    const customer = await this.db.getRepository(CustomerEntity).save({
      bankId: b.id,
      customerNumber: String(Math.floor(Math.random() * 2 ** 31)),
      legalName: 'Eveline Tripman',
      mobilePhoneNumber: '+44 07972 444 876',
      email: 'eveline@example.com',
      faceImageUrl: 'www.openbankproject',
      faceImageDate: new Date('2017-09-19T00:00:00Z'),
      dateOfBirth: new Date('1980-01-01T00:00:00Z'),
      relationshipStatus: 'single',
      dependants: 1,
      dobOfDependants: [new Date('2010-01-01T00:00:00Z')],
      creditRatingRating: 'OBP',
      creditRatingSource: 'OBP',
      creditLimitCurrency: 'EUR',
      creditLimitAmount: '0',
      highestEducationAttained: 'Master',
      employmentStatus: 'worker',
      kycStatus: false,
      lastOkDate: new Date('2023-10-01T00:00:00Z'),
      title: 'Dr.',
      branchId: 'DERBY6',
      nameSuffix: 'Sr',
      ...overrides,
    });
    return { bank: b, customer };
  }
}

/** The CustomerJsonV310 of a customer made by `Seed.customer(bank)` without overrides. */
export const seededCustomerJson = (bank: BankEntity, customer: CustomerEntity) => ({
  bank_id: bank.id,
  customer_id: customer.id,
  customer_number: customer.customerNumber,
  legal_name: 'Eveline Tripman',
  mobile_phone_number: '+44 07972 444 876',
  email: 'eveline@example.com',
  face_image: { url: 'www.openbankproject', date: '2017-09-19T00:00:00Z' },
  date_of_birth: '1980-01-01T00:00:00Z',
  relationship_status: 'single',
  dependants: 1,
  dob_of_dependants: ['2010-01-01T00:00:00Z'],
  credit_rating: { rating: 'OBP', source: 'OBP' },
  credit_limit: { currency: 'EUR', amount: '0' },
  highest_education_attained: 'Master',
  employment_status: 'worker',
  kyc_status: false,
  last_ok_date: '2023-10-01T00:00:00Z',
  title: 'Dr.',
  branch_id: 'DERBY6',
  name_suffix: 'Sr',
});
