import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';
import { typeormOptions } from './typeorm-options';

export const EMBEDDED_DATABASE = Symbol('EMBEDDED_DATABASE');

/** Stops PGlite after TypeORM has closed its pool (shutdown hooks run before this ends). */
@Injectable()
class EmbeddedDatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EMBEDDED_DATABASE) private readonly embedded: EmbeddedDatabase | null,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED_DATABASE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.databaseUrl ? null : startEmbeddedDatabase(config.dataDir),
    },
    EmbeddedDatabaseLifecycle,
  ],
  exports: [EMBEDDED_DATABASE],
})
class EmbeddedDatabaseModule {}

/** TypeORM on DATABASE_URL, or on the embedded PGlite; pending migrations run at start-up. */
@Module({
  imports: [
    EmbeddedDatabaseModule,
    TypeOrmModule.forRootAsync({
      inject: [AppConfig, EMBEDDED_DATABASE],
      useFactory: (config: AppConfig, embedded: EmbeddedDatabase | null) => ({
        ...typeormOptions(config.databaseUrl ? { url: config.databaseUrl } : embedded!, !!embedded),
        migrationsRun: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
