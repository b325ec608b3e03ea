import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply as Response } from 'fastify';
import { AppConfig, type RateLimit } from '../../config/app-config';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { RedisFallbackStorage } from './rate-limit.storage';

/** Whose requests a limit counts; the last words of OBP-10018's text name it. */
export type LimitSubject = 'anonymous access' | 'this username' | 'this Consumer';

const PERIODS: Record<number, string> = {
  1: 'per second',
  60: 'per minute',
  3600: 'per hour',
  86400: 'per day',
  604800: 'per week',
};

/**
 * OBP's 429 text (RateLimitingUtil.composeMsgAuthorizedAccess / composeMsgAnonymousAccess):
 * `OBP-10018: Too Many Requests. We only allow 5 requests per minute for this Consumer.`
 * `this username` is ours: OBP has no per-username limit.
 */
export const tooManyRequestsSuffix = (limit: RateLimit, subject: LimitSubject): string =>
  ` We only allow ${limit.limit} requests ${PERIODS[limit.ttlSeconds] ?? `per ${limit.ttlSeconds} seconds`} for ${subject}.`;

/** A tracker that keeps personal data (usernames) out of the counters' keys, in memory or Redis. */
export const hashedTracker = (value: string): string =>
  createHash('sha256').update(value).digest('base64url');

/**
 * Counts a request against a limit in the throttler's storage (@nestjs/throttler's in memory, or
 * Redis through @nest-lab/throttler-storage-redis) and refuses it past the limit with OBP's 429.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnApplicationShutdown {
  private readonly prefix: string;

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    config: AppConfig,
  ) {
    this.prefix = config.redisKeyPrefix;
  }

  async onModuleInit(): Promise<void> {
    if (this.storage instanceof RedisFallbackStorage) await this.storage.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.storage instanceof RedisFallbackStorage) await this.storage.close();
  }

  /** `name` keeps limits apart (`login-address`); `tracker` is whose count it is. */
  async hit(
    res: Response,
    name: string,
    limit: RateLimit,
    tracker: string,
    subject: LimitSubject,
  ): Promise<void> {
    const ttl = limit.ttlSeconds * 1000;
    const record = await this.storage.increment(
      `${this.prefix}${name}:${tracker}`,
      ttl,
      limit.limit,
      ttl,
      name,
    );
    if (!record.isBlocked) return;
    void res.header('Retry-After', String(Math.max(1, record.timeToBlockExpire)));
    throw new ObpException(ObpError.TooManyRequests, tooManyRequestsSuffix(limit, subject));
  }
}
