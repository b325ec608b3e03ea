import 'reflect-metadata';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';
import { ensureQueue } from '../../src/modules/job-queue/job-queue.service';
import { WEBHOOK_QUEUES } from '../../src/modules/webhook/webhook-queues';
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
  // the job queue's schema and queues too (the app creates them at start-up when missing)
  const boss = new PgBoss({
    connectionString: databaseUrl(name),
    supervise: false,
    schedule: false,
    max: 1,
  });
  await boss.start();
  for (const [queue, options] of Object.entries(WEBHOOK_QUEUES)) {
    await ensureQueue(boss, queue, options);
  }
  await boss.stop({ graceful: false, close: true, wait: true });
  process.env.OBP_TEST_TEMPLATE_DB = name;
}
