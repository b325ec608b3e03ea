import { Global, Module } from '@nestjs/common';
import { AppConfig, loadAppConfig } from './app-config';

/** Provides AppConfig everywhere; tests override it with `overrideProvider(AppConfig)`. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadAppConfig() }],
  exports: [AppConfig],
})
export class ConfigModule {}
