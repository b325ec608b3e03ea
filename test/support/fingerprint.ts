import type { DataSource } from 'typeorm';

/** Tables a background worker writes whatever the requests do: the webhook relay's cursor. */
const BACKGROUND_TABLES = ['webhook_relay_cursor'];

/**
 * Every entity table's rows, hashed in ONE statement: equal before and after a request means the
 * request changed nothing. Tables of `except` are left out, and the background workers' own tables.
 */
export async function databaseFingerprint(db: DataSource, except: string[] = []): Promise<string> {
  except = [...except, ...BACKGROUND_TABLES];
  const tables = db.entityMetadatas
    .map((m) => m.tableName)
    .filter((table) => !except.includes(table))
    .sort();
  const parts = tables.map(
    (table) =>
      `SELECT '${table}' AS t, md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) AS h FROM "${table}" r`,
  );
  const [row] = await db.query<{ h: string }[]>(
    `SELECT string_agg(t || ':' || h, ' ' ORDER BY t) AS h FROM (${parts.join(' UNION ALL ')}) x`,
  );
  return row.h;
}
