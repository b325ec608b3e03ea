import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp, createHttpAdapter } from '../../src/configure-app';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { cloneTemplate, databaseUrl, dropDatabase } from './database';
import { Seed } from './seed';

export interface TestAppOptions {
  /** Environment variables of the server contract, as an operator would set them. */
  env?: Record<string, string>;
  /** Run on the embedded PGlite (memory:// unless DATA_DIR is given) instead of a cloned PostgreSQL. */
  embedded?: boolean;
  /** Share this database (another TestApp's `dbName`) instead of cloning one; close() leaves it. */
  database?: string;
}

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  db: DataSource;
  config: AppConfig;
  seed: Seed;
  /** The cloned PostgreSQL database (undefined on the embedded database). */
  dbName?: string;
  /** `DirectLogin: token=T` header. */
  auth(token: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * The real AppModule over HTTP (supertest) on its own fresh PostgreSQL database, cloned from the
 * migrated template; `close()` drops it. Each test file gets one, so files never share rows.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dbName = options.embedded ? undefined : (options.database ?? (await cloneTemplate()));
  const env: Record<string, string> = {
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // the seed logs in over HTTP from one address, many times a file; rate-limit.e2e turns them on
    RATE_LIMITS: 'off',
    ...(dbName ? { DATABASE_URL: databaseUrl(dbName) } : { DATA_DIR: 'memory://' }),
    ...options.env,
  };
  const config = loadAppConfig(env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication(createHttpAdapter(config), {
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  await app.init();
  await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  const http = request(app.getHttpServer());
  const db = app.get(DataSource);
  const seed = new Seed(app, http);
  return {
    app,
    http,
    db,
    config,
    seed,
    dbName,
    auth: (token) => ({ DirectLogin: `token=${token}` }),
    async close() {
      await app.close();
      if (dbName && !options.database) await dropDatabase(dbName);
    },
  };
}
