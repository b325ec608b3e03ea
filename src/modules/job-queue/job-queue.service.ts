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
  /** How often an idle worker looks for jobs. */
  pollingIntervalMs: number;
  /** Workers of this process on the queue; each takes one job at a time. */
  workers: number;
}

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * The job queue in PostgreSQL, behind a small interface: pg-boss (10.x, the line for Node 20) in its
 * own `pgboss` schema, which it creates and migrates at start-up. Every statement it sends goes
 * through the app's own pool (pg-boss's `db` option), never a pool of its own: on the embedded
 * store there is only one connection (pglite-socket queues statements, not transactions, so a
 * second connection would mix transactions; stack-notes). pg-boss's own transactions are single
 * multi-statement queries, so they hold that connection from BEGIN to COMMIT. `send` takes the
 * caller's transaction, so a job is queued exactly when the rows it works on are committed.
 *
 * Queues use the `short` policy: a job whose queue and key already wait is dropped, so relaying
 * the same work twice queues it once, while a job for a key that is running still queues (the
 * running one may have read its rows before the new ones committed).
 */
@Injectable()
export class JobQueueService implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private stopping?: Promise<void>;
  private creating: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.boss = new PgBoss({
      db: this.sqlOf(dataSource),
      // completed jobs are kept one hour (the deliveries are the record), then dropped after a day
      archiveCompletedAfterSeconds: 3600,
      deleteAfterDays: 1,
    });
    // pg-boss emits its background failures (maintenance, a worker's fetch); never job data
    this.boss.on('error', (err: Error) => {
      if (!this.stopping) this.logger.warn(`job queue: ${err.message}`);
    });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  /**
   * Creates the queue unless it exists. pg-boss makes a partition of its job table per queue: two
   * creations at once (two queues here, or two instances starting) can deadlock on that table, so
   * this process creates one at a time and one that lost a deadlock tries again.
   */
  createQueue(name: string, options: QueueOptions): Promise<void> {
    const create = async (): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        if (await this.boss.getQueue(name)) return;
        try {
          await this.boss.createQueue(name, {
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
    };
    const created = this.creating.then(create);
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
   * Runs `handler` for the jobs of `queue`, one at a time per worker. A handler that throws fails
   * the job, which the queue retries (QueueOptions). A worker that found a job looks again at once.
   */
  async work(queue: string, options: WorkOptions, handler: JobHandler): Promise<() => void> {
    const ids: string[] = [];
    for (let i = 0; i < options.workers; i++) {
      const id: string = await this.boss.work<Record<string, unknown>>(
        queue,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalMs / 1000 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data ?? {});
          // the worker would otherwise wait a polling interval after every job
          if (jobs.length > 0) this.boss.notifyWorker(id);
        },
      );
      ids.push(id);
    }
    return () => ids.forEach((w) => this.boss.notifyWorker(w));
  }

  /** Also queues a job every minute, whatever else happens (a net under self-renewing jobs). */
  async everyMinute(queue: string, key: string): Promise<void> {
    await this.boss.schedule(queue, '* * * * *', {}, { singletonKey: key });
  }

  /** Stops the workers (waiting for running jobs) before the database closes. */
  stop(): Promise<void> {
    this.stopping ??= this.boss.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
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
