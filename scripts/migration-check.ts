/**
 * `npm run migration:check`: applies every migration to a fresh PostgreSQL database and to a fresh
 * embedded PGlite, then fails (exit 1) when the entities want any change the migrations do not make.
 * PostgreSQL: DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432), a scratch database.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedDatabase } from '../src/database/embedded-database';
import { schemaDrift } from '../src/database/schema-drift';
import { typeormOptions } from '../src/database/typeorm-options';

async function check(label: string, dataSource: DataSource): Promise<boolean> {
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    const drift = await schemaDrift(dataSource);
    if (drift.length > 0) {
      process.stderr.write(
        `${label}: entities and migrations disagree; missing migration SQL:\n${drift.join(';\n')}\n`,
      );
      return false;
    }
    process.stdout.write(
      `${label}: ${applied.length} migrations applied, entities and migrations agree\n`,
    );
    return true;
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const scratch = `obp_migration_check_${process.pid}`;
  const admin = new Client({ connectionString: new URL('/postgres', server).toString() });
  await admin.connect();
  let ok = false;
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${scratch}"`);
    ok = await check(
      'PostgreSQL',
      new DataSource(typeormOptions({ url: new URL(`/${scratch}`, server).toString() })),
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
  }
  const embedded = await startEmbeddedDatabase('memory://');
  try {
    ok = (await check('PGlite', new DataSource(typeormOptions(embedded, true)))) && ok;
  } finally {
    await embedded.stop();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `migration check failed: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
