import { dropDatabase } from './database';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.OBP_TEST_TEMPLATE_DB;
  if (name) await dropDatabase(name);
}
