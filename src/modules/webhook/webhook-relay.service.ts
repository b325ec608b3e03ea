import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import { JobQueueService, type QueueJob } from '../job-queue/job-queue.service';
import { type Stream, streamJob, WebhookDeliveryService } from './webhook-delivery.service';

export const RELAY_QUEUE = 'webhook-relay';
const RELAY_KEY = 'relay';

/** Events turned into deliveries per transaction. */
const BATCH = 1000;
/** A relay job gives up its worker after this long (a backlog continues in the next job). */
const RELAY_BUDGET_MS = 5000;

/** Whoever holds the cursor row relays; the others find it locked and leave at once. */
const LOCK_CURSOR = preparedStatement(
  'obp_webhook_relay_lock',
  `SELECT last_txid, last_seq FROM webhook_relay_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED`,
);

/**
 * The committed outbox after the cursor, in (txid, seq) order, only below the oldest transaction
 * still running (pg_snapshot_xmin): every transaction under it has ended, so no event can still
 * appear before the cursor. Reading by `seq` alone would skip an event whose transaction took its
 * seq first but committed after a later one. Then, in the same statement: one delivery per event
 * and webhook of its bank subscribed to its type and created before it happened (a new webhook
 * gets no history), and the cursor moved to the last event read. Answers the events read and the
 * streams that got deliveries.
 */
const RELAY = preparedStatement(
  'obp_webhook_relay',
  `WITH ev AS (
     SELECT seq, txid, event_id, type, bank_id, customer_id, occurred_at FROM kyc_event
     WHERE (txid, seq) > ($1::bigint, $2::bigint)
       AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
     ORDER BY txid, seq LIMIT $3),
   ins AS (
     INSERT INTO webhook_delivery
       (webhook_id, event_seq, event_id, event_type, stream_key, status, next_attempt_at, deadline_at)
     SELECT w.id, ev.seq, ev.event_id, ev.type, COALESCE(ev.customer_id::text, ''), 'pending', now(),
            now() + $4::int * interval '1 second'
     FROM ev JOIN webhook w ON w.bank_id = ev.bank_id AND w.deleted_at IS NULL
       AND ev.type = ANY (w.event_types) AND w.created_at <= ev.occurred_at
     ORDER BY ev.txid, ev.seq, w.id
     ON CONFLICT ON CONSTRAINT uq_webhook_delivery_webhook_event DO NOTHING
     RETURNING webhook_id, stream_key),
   last AS (SELECT txid, seq FROM ev ORDER BY txid DESC, seq DESC LIMIT 1),
   moved AS (
     UPDATE webhook_relay_cursor c SET last_txid = last.txid, last_seq = last.seq
     FROM last WHERE c.id = 1 RETURNING 1)
   SELECT (SELECT count(*) FROM ev)::int AS events,
          COALESCE((SELECT json_agg(DISTINCT jsonb_build_object('w', webhook_id, 's', stream_key))
                    FROM ins), '[]') AS streams`,
);

/**
 * Streams whose due head nobody is sending although it has been due longer than a lease: its job
 * was lost with a process that died in the middle of it. Queued again under the relay's key, so a
 * stream already waiting is not queued twice.
 */
const STALE = preparedStatement(
  'obp_webhook_stale',
  `SELECT DISTINCT d.webhook_id, d.stream_key FROM webhook_delivery d
   JOIN webhook w ON w.id = d.webhook_id AND w.deleted_at IS NULL
   WHERE d.status = 'pending' AND d.next_attempt_at < now() - $1::int * interval '1 millisecond'
     AND (d.lease_until IS NULL OR d.lease_until < now())
   LIMIT 1000`,
);

/**
 * The relay from the outbox (kyc_event, written by the writers in their own transactions) to the
 * delivery queue. Jobs derive from committed outbox rows only, so a process killed after a write
 * commits loses nothing: the next relay, on any instance, reads it. The write path gains nothing
 * (no trigger, no NOTIFY, no extra statement): the relay is a pg-boss job every poll interval,
 * each one queuing the next (one waiting relay job at most, `short` policy), with a job every
 * minute from pg-boss's cron and one at every start as nets under that chain. Instances share the
 * work through the cursor row lock, and a delivery is unique per (webhook, event), so each event
 * reaches each webhook once whatever the number of instances.
 */
@Injectable()
export class WebhookRelayService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queue: JobQueueService,
    private readonly delivery: WebhookDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.createQueue(RELAY_QUEUE, {
      expireInSeconds: 60,
      retryLimit: 2,
      retryDelaySeconds: 1,
    });
    await this.queue.work(
      RELAY_QUEUE,
      { workers: 1, pollingIntervalMs: this.config.webhookPollIntervalMs },
      () => this.relayJob(),
    );
    await this.queue.everyMinute(RELAY_QUEUE, RELAY_KEY);
    await this.queue.send([this.nextRelay(0)]);
  }

  private nextRelay(delayMs: number): QueueJob {
    return { queue: RELAY_QUEUE, key: RELAY_KEY, delayMs };
  }

  private async relayJob(): Promise<void> {
    try {
      const until = Date.now() + RELAY_BUDGET_MS;
      let queued = false;
      for (;;) {
        const { events, streams } = await this.relayBatch();
        queued ||= streams > 0;
        if (events < BATCH || Date.now() > until) break;
      }
      queued = (await this.requeueStale()) || queued;
      if (queued) this.delivery.wake();
    } finally {
      await this.queue.send([this.nextRelay(this.config.webhookPollIntervalMs)]);
    }
  }

  /** One transaction: lock the cursor, fan the next batch out, queue its streams, move the cursor. */
  relayBatch(): Promise<{ events: number; streams: number }> {
    return this.dataSource.transaction(async (tx) => {
      const [cursor] = await runPrepared<{ last_txid: string; last_seq: string }>(
        tx,
        LOCK_CURSOR,
        [],
      );
      if (!cursor) return { events: 0, streams: 0 };
      const [row] = await runPrepared<{ events: number; streams: { w: string; s: string }[] }>(
        tx,
        RELAY,
        [cursor.last_txid, cursor.last_seq, BATCH, this.config.webhookRetryWindowSeconds],
      );
      const streams: Stream[] = row.streams.map((s) => ({ webhookId: s.w, streamKey: s.s }));
      await this.queue.send(
        streams.map((s) => streamJob(s, 'relay')),
        tx,
      );
      return { events: row.events, streams: streams.length };
    });
  }

  private async requeueStale(): Promise<boolean> {
    const rows = await runPrepared<{ webhook_id: string; stream_key: string }>(
      this.dataSource,
      STALE,
      [this.delivery.leaseMs],
    );
    await this.queue.send(
      rows.map((r) => streamJob({ webhookId: r.webhook_id, streamKey: r.stream_key }, 'relay')),
    );
    return rows.length > 0;
  }
}
