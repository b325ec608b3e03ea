import 'reflect-metadata';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';
import { databaseUrl, withAdminClient } from './database';

/** Migrates `obp_template_<pid>` once; every test file clones it (see test-app.ts). */
export default async function globalSetup(): Promise<void> {
  const name = `obp_template_${process.pid}`;
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const dataSource = new DataSource({
    ...typeormOptions({ url: databaseUrl(name) }),
    migrationsRun: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  await dataSource.destroy();
  // the job queue's own schema too (the app creates it at start-up when missing): clones have it
  const boss = new PgBoss({
    connectionString: databaseUrl(name),
    supervise: false,
    schedule: false,
    max: 1,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: true, wait: true });
  process.env.OBP_TEST_TEMPLATE_DB = name;
}
