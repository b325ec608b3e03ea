import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from './src/database/typeorm-options';

/**
 * The data source of the TypeORM CLI (migration:generate/run/revert). It needs DATABASE_URL: the CLI
 * must never open the embedded store of a running server (one process per PGlite data dir).
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error(
    'DATABASE_URL must be set for the migration CLI (e.g. postgres://postgres@127.0.0.1:5432/obp)',
  );
}

export default new DataSource(typeormOptions({ url }));
