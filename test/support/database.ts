import { Client } from 'pg';

/** The test PostgreSQL (trust auth), without a database name. */
export const PG_BASE_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

export const databaseUrl = (name: string): string => `${PG_BASE_URL}/${name}`;

export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const templateName = (): string => {
  const name = process.env.OBP_TEST_TEMPLATE_DB;
  if (!name)
    throw new Error('OBP_TEST_TEMPLATE_DB is not set: run the tests through jest (globalSetup)');
  return name;
};

/** A fresh database cloned from the migrated template (fast: no migrations run). */
export async function cloneTemplate(): Promise<string> {
  const name = `obp_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdminClient(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
        return;
      } catch (err) {
        // another worker may be cloning the template at this instant
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
