import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { toObpDate } from '../../common/wire/obp-date';
import { AppConfig } from '../../config/app-config';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import { JobQueueService, type QueueJob } from '../job-queue/job-queue.service';
import { retryDelayMs } from './webhook-backoff';
import { WebhookSecretService } from './webhook-secret.service';
import { isAbort, type PostResult, WebhookSender } from './webhook-sender';

export const DELIVERY_QUEUE = 'webhook-delivery';

/** A stream: the deliveries of one webhook about one customer ('' for events without one). */
export interface Stream {
  webhookId: string;
  streamKey: string;
}

/**
 * The job that works a stream. Keys make pg-boss keep one waiting job per key (`short` policy):
 * the relay's key is the stream, a retry's names its attempt (an older retry waiting must not swallow
 * it), a manual retry's is new each time.
 */
export const streamJob = (
  s: Stream,
  kind: 'relay' | { retry: number } | 'manual',
  delayMs?: number,
): QueueJob => ({
  queue: DELIVERY_QUEUE,
  key:
    kind === 'relay'
      ? `${s.webhookId}:${s.streamKey}`
      : kind === 'manual'
        ? `${s.webhookId}:${s.streamKey}:manual:${randomUUID()}`
        : `${s.webhookId}:${s.streamKey}:retry:${kind.retry}`,
  data: { w: s.webhookId, s: s.streamKey },
  delayMs,
});

/**
 * Claims the head of a stream: its oldest pending delivery, when due and not being sent by another
 * instance (the lease), with what the POST needs. One statement: two instances that pick the same
 * head both lock its row, and the second sees the first's lease and claims nothing (the `status`
 * and lease conditions are re-checked on the locked row). A deleted webhook's deliveries are not sent.
 */
const CLAIM = preparedStatement(
  'obp_webhook_claim',
  `WITH head AS (
     SELECT id FROM webhook_delivery
     WHERE webhook_id = $1 AND stream_key = $2 AND status = 'pending'
     ORDER BY seq LIMIT 1)
   UPDATE webhook_delivery d SET lease_until = now() + $3::int * interval '1 millisecond'
   FROM head, webhook w, kyc_event e
   WHERE d.id = head.id AND d.status = 'pending' AND d.next_attempt_at <= now()
     AND (d.lease_until IS NULL OR d.lease_until < now())
     AND w.id = d.webhook_id AND w.deleted_at IS NULL AND e.seq = d.event_seq
   RETURNING d.id, d.attempt_count, w.url, w.secret, e.event_id, e.type, e.occurred_at, e.bank_id, e.data`,
);

const SUCCEEDED = preparedStatement(
  'obp_webhook_succeeded',
  `WITH d AS (
     UPDATE webhook_delivery SET status = 'succeeded', attempt_count = attempt_count + 1,
       next_attempt_at = NULL, lease_until = NULL, completed_at = now()
     WHERE id = $1 RETURNING id)
   INSERT INTO webhook_delivery_attempt (delivery_id, attempted_at, status, response_code, duration_ms)
   SELECT d.id, $2, 'succeeded', $3, $4 FROM d`,
);

/** A failure: retried after `$5` ms, or failed when that is past the delivery's deadline. */
const FAILED = preparedStatement(
  'obp_webhook_failed',
  `WITH d AS (
     UPDATE webhook_delivery SET attempt_count = attempt_count + 1, lease_until = NULL,
       status = CASE WHEN now() + $5::int * interval '1 millisecond' > deadline_at
                THEN 'failed' ELSE 'pending' END,
       next_attempt_at = CASE WHEN now() + $5::int * interval '1 millisecond' > deadline_at
                         THEN NULL ELSE now() + $5::int * interval '1 millisecond' END,
       completed_at = CASE WHEN now() + $5::int * interval '1 millisecond' > deadline_at
                      THEN now() END
     WHERE id = $1 RETURNING id, next_attempt_at)
   INSERT INTO webhook_delivery_attempt
     (delivery_id, attempted_at, status, response_code, duration_ms, error, next_retry_at)
   SELECT d.id, $2, 'failed', $3, $4, $6, d.next_attempt_at FROM d
   RETURNING next_retry_at`,
);

/** Shutdown in the middle of a POST: the head is free again at once (no attempt is recorded). */
const RELEASE = preparedStatement(
  'obp_webhook_release',
  `UPDATE webhook_delivery SET lease_until = NULL WHERE id = $1`,
);

interface Claimed {
  id: string;
  attempt_count: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  occurred_at: Date;
  bank_id: string;
  data: unknown;
}

/** A stream job gives up its worker after this long; a new job continues the stream. */
const JOB_BUDGET_MS = 30_000;

/**
 * Delivery (issue #15): pg-boss jobs each work one stream, head first, one POST at a time, so a
 * customer's events reach a webhook in order, and a head that fails holds the ones behind it until
 * it succeeds or fails for good. Each attempt is recorded in one statement; a retry is queued in
 * the same transaction as the failure it retries. At least once: a process that dies in the middle
 * of a POST leaves a lease that expires (timeout + 5 s), and the relay's sweep queues the stream
 * again.
 */
@Injectable()
export class WebhookDeliveryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookDelivery');
  private readonly sender: WebhookSender;
  private readonly shutdown = new AbortController();
  private wakeWorkers: () => void = () => undefined;
  readonly leaseMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queue: JobQueueService,
    private readonly secrets: WebhookSecretService,
  ) {
    this.sender = new WebhookSender(config.webhookAllowPrivate, config.webhookTimeoutMs);
    this.leaseMs = config.webhookTimeoutMs + 5000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.createQueue(DELIVERY_QUEUE, {
      // a job outlives its worker's budget only if its process died: then it is retried
      expireInSeconds: Math.ceil((JOB_BUDGET_MS + this.leaseMs) / 1000) + 30,
      retryLimit: 10,
      retryDelaySeconds: 5,
    });
    this.wakeWorkers = await this.queue.work(
      DELIVERY_QUEUE,
      {
        workers: this.config.webhookConcurrency,
        pollingIntervalMs: this.config.webhookPollIntervalMs,
      },
      (data) => this.deliverStream({ webhookId: String(data.w), streamKey: String(data.s) }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.shutdown.abort();
    await this.queue.stop();
    this.sender.close();
  }

  /** Workers of this instance look for jobs now (after the relay or a retry queued some). */
  wake(): void {
    this.wakeWorkers();
  }

  /** Queues a stream at once, by hand (POST …/retry), inside the transaction that made it due. */
  async queueManual(stream: Stream, tx: EntityManager): Promise<void> {
    await this.queue.send([streamJob(stream, 'manual')], tx);
  }

  /** Sends the stream's due deliveries in order until one must wait (or the budget is spent). */
  async deliverStream(stream: Stream): Promise<void> {
    const until = Date.now() + JOB_BUDGET_MS;
    while (!this.shutdown.signal.aborted) {
      if (Date.now() > until) {
        await this.queue.send([streamJob(stream, 'relay')]);
        return;
      }
      const [head] = await runPrepared<Claimed>(this.dataSource, CLAIM, [
        stream.webhookId,
        stream.streamKey,
        this.leaseMs,
      ]);
      if (!head) return;
      const attemptedAt = new Date();
      let result: PostResult;
      try {
        result = await this.post(stream.webhookId, head, attemptedAt);
      } catch (err) {
        if (isAbort(err)) {
          await runPrepared(this.dataSource, RELEASE, [head.id]);
          return;
        }
        throw err;
      }
      if (result.ok) {
        await runPrepared(this.dataSource, SUCCEEDED, [
          head.id,
          attemptedAt,
          result.responseCode,
          result.durationMs,
        ]);
        continue;
      }
      const failures = head.attempt_count + 1;
      const delay = retryDelayMs(failures, this.config.webhookRetryBaseMs);
      const retried = await this.dataSource.transaction(async (tx) => {
        const [row] = await runPrepared<{ next_retry_at: Date | null }>(tx, FAILED, [
          head.id,
          attemptedAt,
          result.responseCode,
          result.durationMs,
          delay,
          result.error,
        ]);
        if (!row?.next_retry_at) return false;
        await this.queue.send([streamJob(stream, { retry: failures }, delay)], tx);
        return true;
      });
      // the stream waits for its head: a later delivery must not overtake it
      if (retried) return;
    }
  }

  /** The POST of the Standard Webhooks convention: body, Webhook-Id/-Timestamp/-Signature. */
  private post(webhookId: string, head: Claimed, at: Date): Promise<PostResult> {
    const body = JSON.stringify({
      event_id: head.event_id,
      type: head.type,
      occurred_at: toObpDate(new Date(head.occurred_at)),
      bank_id: head.bank_id,
      data: head.data,
    });
    let signature: string;
    try {
      signature = this.secrets.sign(webhookId, head.secret, head.event_id, at, body);
    } catch (err) {
      // a secret that does not decrypt (a changed server key): recorded as a failed attempt
      this.logger.error(
        `webhook ${webhookId}: cannot sign: ${err instanceof Error ? err.message : String(err)}`,
      );
      return Promise.resolve({
        ok: false,
        responseCode: null,
        durationMs: 0,
        error: 'cannot sign',
      });
    }
    return this.sender.post(
      head.url,
      {
        'Webhook-Id': head.event_id,
        'Webhook-Timestamp': String(Math.floor(at.getTime() / 1000)),
        'Webhook-Signature': signature,
      },
      body,
      this.shutdown.signal,
    );
  }
}
