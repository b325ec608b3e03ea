import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { hashPassword } from '../../common/security/password-hash';
import { toObpDate } from '../../common/wire/obp-date';
import { ConsumerEntity } from './consumer.entity';
import type { ConsumerJsonV400, ConsumerPostJSON, ConsumersJsonV400 } from './dto/consumer.dto';
import { type Paging, oldestFirst, pageFind } from '../../common/wire/paging';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 40 random lower-case alphanumerics, as OBP v4.0.0 generates keys ([P §1.7]). */
export const generateKey = (): string =>
  Array.from({ length: 40 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

const toJson = (c: ConsumerEntity, secret?: string): ConsumerJsonV400 => ({
  consumer_id: c.id,
  key: c.consumerKey,
  ...(secret === undefined ? {} : { secret }),
  app_name: c.appName,
  app_type: c.appType,
  description: c.description,
  developer_email: c.developerEmail,
  redirect_url: c.redirectUrl,
  created_by_user_id: c.createdByUserId ?? '',
  enabled: c.enabled,
  created: toObpDate(c.createdAt),
});

@Injectable()
export class ConsumerService {
  private readonly logger = new Logger('ConsumerService');

  constructor(
    @InjectRepository(ConsumerEntity) private readonly consumers: Repository<ConsumerEntity>,
    private readonly config: AppConfig,
  ) {}

  findEnabledByKey(key: string): Promise<ConsumerEntity | null> {
    return this.consumers.findOneBy({ consumerKey: key, enabled: true });
  }

  findByKey(key: string): Promise<ConsumerEntity | null> {
    return this.consumers.findOneBy({ consumerKey: key });
  }

  /**
   * Start-up ([server-contract]): OBP_CONSUMER_KEY exists and is enabled; with no key configured and
   * no consumer at all, one is generated and its key printed once.
   */
  async ensureConfigured(): Promise<void> {
    if (this.config.consumerKey) {
      await this.consumers
        .createQueryBuilder()
        .insert()
        .into(ConsumerEntity)
        .values({
          consumerKey: this.config.consumerKey,
          appName: 'OBP_CONSUMER_KEY',
          enabled: true,
          secretHash: null,
        })
        .orUpdate(['enabled'], ['consumer_key'])
        .execute();
      return;
    }
    if ((await this.consumers.count()) > 0) return;
    const key = generateKey();
    try {
      await this.consumers.insert({
        consumerKey: key,
        appName: 'Generated at first start',
        enabled: true,
        secretHash: null,
      });
      this.logger.log(
        `No consumer existed: generated consumer key ${key} (use it as consumer_key in DirectLogin)`,
      );
    } catch (err) {
      if (!isUniqueViolation(err, 'uq_consumer_key')) throw err;
    }
  }

  async create(userId: string, body: ConsumerPostJSON): Promise<ConsumerJsonV400> {
    const secret = generateKey();
    const consumer = await this.consumers.save(
      this.consumers.create({
        consumerKey: generateKey(),
        secretHash: await hashPassword(secret),
        appName: body.app_name,
        appType: body.app_type,
        description: body.description,
        developerEmail: body.developer_email,
        redirectUrl: body.redirect_url,
        enabled: body.enabled ?? true,
        createdByUserId: userId,
      }),
    );
    return toJson(consumer, secret);
  }

  /** Oldest first, then by id; ix_consumer_list serves it. */
  async list(paging: Paging): Promise<ConsumersJsonV400> {
    const rows = await this.consumers.find(pageFind(oldestFirst<ConsumerEntity>(), paging, {}));
    return { consumers: rows.map((c) => toJson(c)) };
  }
}
