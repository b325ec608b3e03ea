import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/wire/ids';
import { AppConfig } from '../../config/app-config';
import {
  type PostWebhookJsonV100,
  toWebhookDeliveryJsonV100,
  toWebhookJsonV100,
  type WebhookCreatedJsonV100,
  type WebhookDeliveriesJsonV100,
  type WebhookDeliveryJsonV100,
  type WebhookJsonV100,
  type WebhooksJsonV100,
} from './dto/webhook.dto';
import { WebhookDeliveryAttemptEntity } from './webhook-delivery-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import type { Paging } from './webhook-paging';
import { WebhookSecretService } from './webhook-secret.service';
import { URL_PROBLEMS, webhookUrlProblem } from './webhook-url';
import { WebhookEntity } from './webhook.entity';

/** A list's date bounds, order (its own, or `sort_direction` by creation) and page. */
function page<E extends object>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  paging: Paging,
  own: 'ASC' | 'DESC',
  tie: string,
): SelectQueryBuilder<E> {
  const direction = paging.sortDirection ?? own;
  if (paging.fromDate) qb.andWhere(`${alias}.createdAt >= :from`, { from: paging.fromDate });
  if (paging.toDate) qb.andWhere(`${alias}.createdAt <= :to`, { to: paging.toDate });
  return qb
    .orderBy(`${alias}.createdAt`, direction)
    .addOrderBy(`${alias}.${tie}`, direction)
    .take(paging.limit)
    .skip(paging.offset);
}

/** The webhook endpoints' rules (issue #15); sending is webhook-delivery.service.ts. */
@Injectable()
export class WebhookService {
  constructor(
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(WebhookDeliveryEntity)
    private readonly deliveries: Repository<WebhookDeliveryEntity>,
    @InjectRepository(WebhookDeliveryAttemptEntity)
    private readonly attempts: Repository<WebhookDeliveryAttemptEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly secrets: WebhookSecretService,
    private readonly delivery: WebhookDeliveryService,
  ) {}

  /** The URL is checked (its host resolved) first; the secret is answered this once. */
  async create(
    bankId: string,
    userId: string,
    body: PostWebhookJsonV100,
  ): Promise<WebhookCreatedJsonV100> {
    const problem = await webhookUrlProblem(body.url, this.config.webhookAllowPrivate);
    if (problem) throw new ObpException(ObpError.InvalidWebhookUrl, URL_PROBLEMS[problem]);
    const id = randomUUID();
    const secret = this.secrets.generate();
    await this.webhooks.insert({
      id,
      bankId,
      url: body.url,
      eventTypes: [...new Set(body.event_types)],
      description: body.description ?? '',
      secret: this.secrets.encrypt(id, secret),
      createdByUserId: userId,
    });
    return { ...(await this.getOne(bankId, id)), secret };
  }

  /** Oldest first (then by id), or by `sort_direction`. */
  async list(bankId: string, paging: Paging): Promise<WebhooksJsonV100> {
    const qb = this.webhooks.createQueryBuilder('w').where('w.bankId = :bankId', { bankId });
    const rows = await page(qb, 'w', paging, 'ASC', 'id').getMany();
    return { webhooks: rows.map(toWebhookJsonV100) };
  }

  async getOne(bankId: string, webhookId: string): Promise<WebhookJsonV100> {
    return toWebhookJsonV100(await this.find(bankId, webhookId));
  }

  /** Soft delete: no more deliveries; the pending ones are failed (nothing will send them). */
  async delete(bankId: string, webhookId: string): Promise<boolean> {
    const webhook = await this.find(bankId, webhookId);
    await this.dataSource.transaction(async (tx) => {
      await tx.softDelete(WebhookEntity, { id: webhook.id });
      await tx.update(
        WebhookDeliveryEntity,
        { webhookId: webhook.id, status: 'pending' },
        { status: 'failed', nextAttemptAt: null, completedAt: () => 'now()' },
      );
    });
    return true;
  }

  /** Newest first (then by relay order), or by `sort_direction`; each with its attempts. */
  async listDeliveries(
    bankId: string,
    webhookId: string,
    paging: Paging,
  ): Promise<WebhookDeliveriesJsonV100> {
    const webhook = await this.find(bankId, webhookId);
    const qb = this.deliveries
      .createQueryBuilder('d')
      .where('d.webhookId = :webhookId', { webhookId: webhook.id });
    const rows = await page(qb, 'd', paging, 'DESC', 'seq').getMany();
    return { deliveries: await this.withAttempts(rows) };
  }

  /**
   * Sends the delivery again, now: due at once with a fresh retry window, whatever its status (a
   * succeeded one is sent once more). Its stream's order holds: it goes out when it is the oldest
   * pending delivery of its customer.
   */
  async retry(
    bankId: string,
    webhookId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryJsonV100> {
    const webhook = await this.find(bankId, webhookId);
    const notFound = new ObpException(
      ObpError.WebhookDeliveryNotFound,
      ` Current DELIVERY_ID(${deliveryId})`,
    );
    if (!isUuid(deliveryId)) throw notFound;
    const found = await this.dataSource.transaction(async (tx) => {
      const rows = await tx
        .createQueryBuilder()
        .update(WebhookDeliveryEntity)
        .set({
          status: 'pending',
          nextAttemptAt: () => 'now()',
          deadlineAt: () =>
            `now() + ${this.config.webhookRetryWindowSeconds} * interval '1 second'`,
          completedAt: null,
          leaseUntil: null,
        })
        .where('id = :deliveryId AND webhookId = :webhookId', {
          deliveryId,
          webhookId: webhook.id,
        })
        .returning(['streamKey'])
        .execute();
      const raw = rows.raw as { stream_key: string }[];
      if (raw.length === 0) return false;
      await this.delivery.queueManual({ webhookId: webhook.id, streamKey: raw[0].stream_key }, tx);
      return true;
    });
    if (!found) throw notFound;
    this.delivery.wake();
    const [answer] = await this.withAttempts([
      await this.deliveries.findOneByOrFail({ id: deliveryId }),
    ]);
    return answer;
  }

  /** A webhook of the bank, not deleted; otherwise 404 OBP-30360. */
  private async find(bankId: string, webhookId: string): Promise<WebhookEntity> {
    const row = isUuid(webhookId) ? await this.webhooks.findOneBy({ id: webhookId, bankId }) : null;
    if (!row) throw new ObpException(ObpError.WebhookNotFound, ` Current WEBHOOK_ID(${webhookId})`);
    return row;
  }

  private async withAttempts(rows: WebhookDeliveryEntity[]): Promise<WebhookDeliveryJsonV100[]> {
    if (rows.length === 0) return [];
    const attempts = await this.attempts.find({
      where: { deliveryId: In(rows.map((r) => r.id)) },
      order: { attemptedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) =>
      toWebhookDeliveryJsonV100(
        r,
        attempts.filter((a) => a.deliveryId === r.id),
      ),
    );
  }
}
