import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import type { AuditActor } from './audit-actor';
import type { AccessEntityType } from './audit-change';

/** One answered read of a customer's personal data. */
export interface AccessEvent {
  occurredAt: Date;
  actor: AuditActor;
  entityType: AccessEntityType;
  entityId: string;
  customerId: string;
}

/** Flushed every AUDIT_FLUSH_INTERVAL_MS, or at once when this many wait; one INSERT takes at most this many. */
const BATCH = 500;
/** While the database cannot take them: the oldest are dropped past this (and the drop is logged). */
const MAX_PENDING = 100_000;

/**
 * Many rows per statement, whatever their number: arrays unnested, so one named statement serves
 * every batch. The bank is the customer's, looked up here, not on the read path.
 */
const INSERT_BATCH = preparedStatement(
  'audit_access_batch',
  'INSERT INTO audit_event (occurred_at, user_id, consumer_id, correlation_id, action, entity_type,' +
    " entity_id, bank_id, customer_id, changed_fields) SELECT x.occurred_at, x.user_id, x.consumer_id, x.correlation_id, 'read'," +
    " x.entity_type, x.entity_id, COALESCE(c.bank_id, ''), x.customer_id, '{}'::text[]" +
    ' FROM unnest($1::timestamptz[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[])' +
    ' WITH ORDINALITY AS x(occurred_at, user_id, consumer_id, correlation_id, entity_type, entity_id, customer_id, n)' +
    ' LEFT JOIN customer c ON c.id = x.customer_id ORDER BY x.n',
);

/**
 * Access events (issue #13): a read must not wait for its audit row, so reads are buffered in the
 * process and written in batches, off the request path (one connection is enough: the embedded
 * store's pool has one). A clean shutdown loses none: the last flush runs when the HTTP server has
 * closed (every in-flight request answered) and before the database closes.
 */
@Injectable()
export class AccessEventBuffer implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private pending: AccessEvent[] = [];
  private running: Promise<void> = Promise.resolve();
  private scheduled = false;
  private timer?: NodeJS.Timeout;
  private lastErrorAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.auditFlushMs);
    this.timer.unref();
    // Fastify runs onClose once in-flight requests are answered; Nest then closes the database
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance | undefined>();
    if (typeof fastify?.addHook !== 'function') return;
    fastify.addHook('onClose', async () => {
      clearInterval(this.timer);
      await this.flush();
      if (this.pending.length > 0)
        this.logger.error(
          `${this.pending.length} access events lost: the database did not take them`,
        );
    });
  }

  /** Before the HTTP server closes: what waits goes now (in-flight reads follow in onClose). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  record(event: AccessEvent): void {
    this.pending.push(event);
    if (this.pending.length >= BATCH && !this.scheduled) void this.flush();
  }

  /** Writes everything recorded so far; resolves when it is stored (or has failed and is kept). */
  flush(): Promise<void> {
    if (this.scheduled) return this.running;
    this.scheduled = true;
    this.running = this.running.then(async () => {
      this.scheduled = false;
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, BATCH);
        if (!(await this.write(batch))) {
          this.keep(batch);
          return;
        }
      }
    });
    return this.running;
  }

  private async write(batch: AccessEvent[]): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    try {
      await runPrepared(this.dataSource, INSERT_BATCH, [
        batch.map((e) => e.occurredAt),
        batch.map((e) => e.actor.userId),
        batch.map((e) => e.actor.consumerId),
        batch.map((e) => e.actor.correlationId),
        batch.map((e) => e.entityType),
        batch.map((e) => e.entityId),
        batch.map((e) => e.customerId),
      ]);
      return true;
    } catch (err) {
      // a database that is down fails every flush: one line every 10 s is enough
      if (Date.now() - this.lastErrorAt > 10_000) {
        this.lastErrorAt = Date.now();
        this.logger.error(
          `${this.pending.length + batch.length} access events wait: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      return false;
    }
  }

  /** A failed batch goes back in front, to be tried again at the next flush. */
  private keep(batch: AccessEvent[]): void {
    this.pending = batch.concat(this.pending);
    const over = this.pending.length - MAX_PENDING;
    if (over > 0) {
      this.pending.splice(0, over);
      this.logger.error(`${over} access events dropped: the database has not taken them`);
    }
  }
}
