import { Logger } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';

/**
 * The counters in Redis, shared by every instance, with this instance's memory as the fallback:
 * while Redis is unreachable each instance still limits on its own, and no request waits for a
 * reconnect (no offline queue, a short command timeout). Errors are logged once per outage, and
 * never with REDIS_URL, which may hold a password.
 */
export class RedisFallbackStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  constructor(url: string) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 500,
      disconnectTimeout: 100,
    });
    this.redis.on('error', (err: Error) => this.degrade(err));
    this.redis.on('ready', () => {
      if (this.degraded) this.logger.log('Redis is back: rate-limit counters are shared again');
      this.degraded = false;
    });
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  /** Waits for the first connection so the first requests already share counts; never throws. */
  async connect(): Promise<void> {
    await this.redis.connect().catch((err: Error) => this.degrade(err));
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    try {
      return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (err) {
      this.degrade(err as Error);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async close(): Promise<void> {
    this.local.onApplicationShutdown();
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }

  private degrade(err: Error): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      `Redis unavailable (${err.message}): rate-limit counters are per instance until it is back`,
    );
  }
}
