import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type ConnectionTarget = { url: string } | { host: string; port: number };

/**
 * The one TypeORM configuration, for PostgreSQL and for the embedded PGlite alike (ormconfig.ts and
 * the app both use it). The schema comes from migrations only; `synchronize` stays off.
 */
export function typeormOptions(target: ConnectionTarget, embedded = false): DataSourceOptions {
  return {
    type: 'postgres',
    ...('url' in target
      ? { url: target.url }
      : { host: target.host, port: target.port, username: 'postgres', database: 'postgres' }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logging: false,
    extra: embedded
      ? { max: 1, connectionTimeoutMillis: 0 }
      : { max: 10, connectionTimeoutMillis: 10000, idleTimeoutMillis: 30000 },
  };
}
