import { Module } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { ConsumerRateLimitGuard, RouteRateLimitGuard } from './rate-limit.guard';
import { RateLimitService } from './rate-limit.service';
import { RedisFallbackStorage } from './rate-limit.storage';

/**
 * Abuse limits. The guards are exported for AppModule, which places them around AccessGuard (see
 * rate-limit.guard.ts for why there).
 */
@Module({
  providers: [
    {
      provide: ThrottlerStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.redisUrl ? new RedisFallbackStorage(config.redisUrl) : new ThrottlerStorageService(),
    },
    RateLimitService,
    RouteRateLimitGuard,
    ConsumerRateLimitGuard,
  ],
  exports: [RouteRateLimitGuard, ConsumerRateLimitGuard],
})
export class RateLimitModule {}
