import { schemaDrift } from '../../src/database/schema-drift';
import { createTestApp, type TestApp } from '../support/test-app';

/** Entities and migrations agree: TypeORM wants no change on the migrated database. */
describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('needs no migration beyond those committed', async () => {
    expect(await schemaDrift(t.db)).toEqual([]);
  });

  it('has no pending migrations', async () => {
    expect(await t.db.showMigrations()).toBe(false);
  });

  it('enforces customer_number uniqueness per bank in the database', async () => {
    const { bank, customer } = await t.seed.customer();
    await expect(
      t.seed.customer(bank, { customerNumber: customer.customerNumber }),
    ).rejects.toThrow(/uq_customer_bank_number/);
    const other = await t.seed.bank();
    await expect(
      t.seed.customer(other, { customerNumber: customer.customerNumber }),
    ).resolves.toBeDefined();
  });
});
