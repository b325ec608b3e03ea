import type { QueueOptions } from '../job-queue/job-queue.service';

export const RELAY_QUEUE = 'webhook-relay';
export const DELIVERY_QUEUE = 'webhook-delivery';

/** The webhook module's queues (created at start-up; the tests' template database has them). */
export const WEBHOOK_QUEUES: Record<string, QueueOptions> = {
  // a relay job that failed (the database away) or died with its process is tried again, for as
  // long as it takes: the chain of relay jobs must not end
  [RELAY_QUEUE]: { expireInSeconds: 60, retryLimit: 1_000_000, retryDelaySeconds: 1 },
  // a stream job runs 30 s at most; one still active long after died with its process (the
  // relay's sweep has queued its stream again by then); a failed one is retried a few times
  [DELIVERY_QUEUE]: { expireInSeconds: 300, retryLimit: 10, retryDelaySeconds: 5 },
};
