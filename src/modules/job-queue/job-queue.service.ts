import {
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { runnerOf } from '../../database/prepared-statement';

/** A job to queue: at most one waiting job per `queue` and `key` (pg-boss's `short` policy). */
export interface QueueJob {
  queue: string;
  key: string;
  data?: object;
  /** Not before this many milliseconds from now (the database's clock). */
  delayMs?: number;
}

export interface QueueOptions {
  /** A job still active after this (its process died) is failed and retried by the queue. */
  expireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
}

export interface WorkOptions {
  /** How often this process asks for jobs while it has none. */
  pollingIntervalMs: number;
  /** Jobs of the queue this process runs at the same time. */
  concurrency: number;
}

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

interface Consumer {
  queue: string;
  options: WorkOptions;
  handler: JobHandler;
  running: Set<Promise<void>>;
  wake: () => void;
  done: Promise<void>;
}

/**
 * Creates a `short`-policy queue unless it exists. pg-boss makes a partition of its job table per
 * queue: two creations at once (two instances starting) can deadlock on that table, so one that
 * lost tries again. Also used by the tests' template database.
 */
export async function ensureQueue(
  boss: PgBoss,
  name: string,
  options: QueueOptions,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, {
        name,
        policy: 'short',
        expireInSeconds: options.expireInSeconds,
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
      });
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
}

/** How long a stop waits for running jobs before the database closes under them. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * The job queue in PostgreSQL, behind a small interface: pg-boss (10.x, the line for Node 20) in its
 * own `pgboss` schema, which it creates and migrates at start-up, and maintains (expired jobs are
 * retried, old ones archived). Every statement it sends goes through the app's own pool (pg-boss's
 * `db` option), never a pool of its own: on the embedded store there is only one connection
 * (pglite-socket queues statements, not transactions, so a second connection would mix
 * transactions; stack-notes). pg-boss's own transactions are single multi-statement queries, so
 * they hold that connection from BEGIN to COMMIT. `send` takes the caller's transaction, so a job
 * is queued exactly when the rows it works on are committed.
 *
 * Queues use the `short` policy: a job whose queue and key already wait is dropped, so relaying
 * the same work twice queues it once, while a job for a key that is running still queues (the
 * running one may have read its rows before the new ones committed).
 *
 * Jobs are taken with pg-boss's `fetch` and settled with its `complete`/`fail`, awaited here, not
 * with its `work()`: pg-boss 10's worker settles jobs without awaiting, so a database that drops
 * its connections (a restart, a failover) turns into unhandled rejections, which end a Node 20
 * process (database-faults.e2e-spec.ts found it). A job whose settling fails stays active until
 * pg-boss's maintenance expires it and retries it; the handlers are idempotent.
 */
@Injectable()
export class JobQueueService implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private readonly consumers: Consumer[] = [];
  private stopped = false;
  private stopping?: Promise<void>;
  private creating: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.boss = new PgBoss({
      db: this.sqlOf(dataSource),
      // no cron (its worker settles jobs unawaited, see above); expired jobs retried every minute
      schedule: false,
      maintenanceIntervalSeconds: 60,
      // completed jobs are kept one hour (the deliveries are the record), then dropped after a day
      archiveCompletedAfterSeconds: 3600,
      deleteAfterDays: 1,
    });
    // pg-boss emits its background failures (maintenance); never job data
    this.boss.on('error', (err: Error) => {
      if (!this.stopped) this.logger.warn(`job queue: ${err.message}`);
    });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  /** Creates the queue unless it exists (one at a time in this process, see ensureQueue). */
  createQueue(name: string, options: QueueOptions): Promise<void> {
    const created = this.creating.then(() => ensureQueue(this.boss, name, options));
    this.creating = created.catch(() => undefined);
    return created;
  }

  /** Queues `jobs` in one statement, inside `tx` when given (committed with it). */
  async send(jobs: QueueJob[], tx?: EntityManager): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(
      jobs.map((j) => ({
        name: j.queue,
        singletonKey: j.key,
        data: j.data ?? {},
        startAfter: j.delayMs ? `${(j.delayMs / 1000).toFixed(3)} seconds` : undefined,
      })),
      { db: this.sqlOf(tx ?? this.dataSource) },
    );
  }

  /**
   * Runs `handler` for the jobs of `queue`, up to `concurrency` at once; asks for more as soon as
   * one ends, and every polling interval while idle (one query). A handler that throws fails its
   * job, which pg-boss retries (QueueOptions). Answers a function that makes it ask now.
   */
  work(queue: string, options: WorkOptions, handler: JobHandler): () => void {
    const consumer: Consumer = {
      queue,
      options,
      handler,
      running: new Set(),
      wake: () => undefined,
      done: Promise.resolve(),
    };
    consumer.done = this.consume(consumer);
    this.consumers.push(consumer);
    return () => consumer.wake();
  }

  private async consume(c: Consumer): Promise<void> {
    while (!this.stopped) {
      const free = c.options.concurrency - c.running.size;
      let taken = 0;
      if (free > 0) {
        try {
          // pg-boss's fetch answers [] when the database cannot be reached
          const jobs = await this.boss.fetch<Record<string, unknown>>(c.queue, { batchSize: free });
          taken = jobs.length;
          for (const job of jobs) {
            const run = this.run(c, job).finally(() => {
              c.running.delete(run);
              c.wake();
            });
            c.running.add(run);
          }
        } catch (err) {
          this.logger.warn(`job queue: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      if (taken > 0 && taken === free) continue;
      // idle (or full): until the interval passes, a job ends, or someone queued work
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, c.options.pollingIntervalMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        c.wake = done;
      });
    }
  }

  private async run(c: Consumer, job: PgBoss.Job<Record<string, unknown>>): Promise<void> {
    try {
      await c.handler(job.data ?? {});
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn(`job queue: a ${c.queue} job failed: ${message}`);
      await this.boss.fail(c.queue, job.id, { message }).catch(() => undefined);
      return;
    }
    await this.boss.complete(c.queue, job.id).catch(() => undefined);
  }

  /** Stops taking jobs, waits (a while) for the running ones, then stops pg-boss's maintenance. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      for (const c of this.consumers) c.wake();
      const running = Promise.all(this.consumers.flatMap((c) => [c.done, ...c.running]));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((r) => (timer = setTimeout(r, STOP_TIMEOUT_MS)))]);
      clearTimeout(timer);
      await this.boss.stop({ graceful: false, wait: true, close: false });
    })();
    return this.stopping;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private sqlOf(target: DataSource | EntityManager): PgBoss.Db {
    return {
      executeSql: async (text: string, values?: unknown[]) => {
        const result = await runnerOf(target).query<Record<string, unknown>>(text, values);
        // a multi-statement text (pg-boss's locked migrations) answers one result per statement
        return Array.isArray(result) ? (result as { rows: unknown[] }[]).at(-1)! : result;
      },
    };
  }
}
