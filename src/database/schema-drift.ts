import type { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to make the database match the entities (what `migration:generate`
 * would write). Empty when the migrations and the entities agree.
 */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query.trim());
}
