import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { ObpError } from '../../../common/errors/obp-errors';
import { ObpException } from '../../../common/errors/obp.exception';
import { toObpDate } from '../../../common/wire/obp-date';
import { isKycEventType, KYC_EVENT_TYPES } from '../../event/event-types';
import type { WebhookDeliveryAttemptEntity } from '../webhook-delivery-attempt.entity';
import type { DeliveryStatus, WebhookDeliveryEntity } from '../webhook-delivery.entity';
import type { WebhookEntity } from '../webhook.entity';

/** Body of POST /kyc/v1.0.0/banks/BANK_ID/webhooks. */
export class PostWebhookJsonV100 {
  /**
   * Where the events are POSTed: http or https, at most 2048 characters, a public address
   * (WEBHOOK_ALLOW_PRIVATE aside); checked by the service (400 OBP-30362 with the reason).
   */
  @IsString() url!: string;
  /** The event types to receive (see the endpoint's description); at least one. */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  event_types!: string[];
  /** Free text for people; empty when missing. */
  @IsOptional() @IsString() @MaxLength(255) description?: string;
}

/** Unknown event types are refused by name (after the shape is known to be right). */
export function assertEventTypes(body: PostWebhookJsonV100): void {
  const unknown = body.event_types.find((t) => !isKycEventType(t));
  if (unknown !== undefined) {
    throw new ObpException(
      ObpError.InvalidWebhookEventType,
      `Current event_type(${unknown}). Known types: ${KYC_EVENT_TYPES.join(', ')}.`,
    );
  }
}

export class WebhookJsonV100 {
  webhook_id!: string;
  bank_id!: string;
  url!: string;
  event_types!: string[];
  description!: string;
  created_by_user_id!: string;
  created_at!: string;
}

/** The answer to the creation only: the signing secret is never shown again. */
export class WebhookCreatedJsonV100 extends WebhookJsonV100 {
  /** `whsec_…` (Standard Webhooks): verify `Webhook-Signature` with it. */
  secret!: string;
}

export class WebhooksJsonV100 {
  webhooks!: WebhookJsonV100[];
}

export class WebhookDeliveryAttemptJsonV100 {
  attempted_at!: string;
  /** `succeeded` (a 2xx came back) or `failed`. */
  status!: string;
  /** The receiver's HTTP status; null when none came (timeout, refused connection). */
  response_code!: number | null;
  duration_ms!: number;
  /** Why it failed without a status (`timeout`, `connection refused`, …), or null. */
  error!: string | null;
  /** When this failure is retried; null after a success or when the delivery then failed. */
  next_retry_at!: string | null;
}

export class WebhookDeliveryJsonV100 {
  delivery_id!: string;
  webhook_id!: string;
  event_id!: string;
  event_type!: string;
  /** The customer the event is about (deliveries of one customer go out in order); null for none. */
  customer_id!: string | null;
  /** `pending`, `succeeded` or `failed` (retries exhausted, or the webhook deleted). */
  status!: string;
  attempt_count!: number;
  /** When the next attempt is due; null once succeeded or failed. */
  next_retry_at!: string | null;
  created_at!: string;
  completed_at!: string | null;
  /** Every attempt, oldest first. */
  attempts!: WebhookDeliveryAttemptJsonV100[];
}

export class WebhookDeliveriesJsonV100 {
  deliveries!: WebhookDeliveryJsonV100[];
}

export const toWebhookJsonV100 = (row: WebhookEntity): WebhookJsonV100 => ({
  webhook_id: row.id,
  bank_id: row.bankId,
  url: row.url,
  event_types: row.eventTypes,
  description: row.description,
  created_by_user_id: row.createdByUserId ?? '',
  created_at: toObpDate(row.createdAt),
});

const orNull = (d: Date | null): string | null => (d ? toObpDate(d) : null);

export const toWebhookDeliveryAttemptJsonV100 = (
  row: WebhookDeliveryAttemptEntity,
): WebhookDeliveryAttemptJsonV100 => ({
  attempted_at: toObpDate(row.attemptedAt),
  status: row.status,
  response_code: row.responseCode,
  duration_ms: row.durationMs,
  error: row.error,
  next_retry_at: orNull(row.nextRetryAt),
});

export const toWebhookDeliveryJsonV100 = (
  row: WebhookDeliveryEntity,
  attempts: WebhookDeliveryAttemptEntity[],
): WebhookDeliveryJsonV100 => ({
  delivery_id: row.id,
  webhook_id: row.webhookId,
  event_id: row.eventId,
  event_type: row.eventType,
  customer_id: row.streamKey === '' ? null : row.streamKey,
  status: row.status satisfies DeliveryStatus,
  attempt_count: row.attemptCount,
  next_retry_at: row.status === 'pending' ? orNull(row.nextAttemptAt) : null,
  created_at: toObpDate(row.createdAt),
  completed_at: orNull(row.completedAt),
  attempts: attempts.map(toWebhookDeliveryAttemptJsonV100),
});

const webhook: WebhookJsonV100 = {
  webhook_id: '0f5e8b1c-3a2d-4c3e-9b7a-2f1d5e6c7b8a',
  bank_id: 'gh.29.uk',
  url: 'https://kyc-receiver.example.com/hooks/obp',
  event_types: ['kyc_status.added', 'kyc_check.upserted'],
  description: 'KYC case management',
  created_by_user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  created_at: '2026-12-01T09:30:00Z',
};

const attemptFailed: WebhookDeliveryAttemptJsonV100 = {
  attempted_at: '2026-12-01T09:31:02Z',
  status: 'failed',
  response_code: 503,
  duration_ms: 41,
  error: null,
  next_retry_at: '2026-12-01T09:31:30Z',
};

const delivery: WebhookDeliveryJsonV100 = {
  delivery_id: '5d3f0c2e-7b1a-4e9d-8c6f-1a2b3c4d5e6f',
  webhook_id: webhook.webhook_id,
  event_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  event_type: 'kyc_status.added',
  customer_id: '7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c',
  status: 'pending',
  attempt_count: 1,
  next_retry_at: '2026-12-01T09:31:30Z',
  created_at: '2026-12-01T09:31:01Z',
  completed_at: null,
  attempts: [attemptFailed],
};

export const webhookExamples = {
  post: {
    url: webhook.url,
    event_types: webhook.event_types,
    description: webhook.description,
  },
  created: { ...webhook, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  webhook,
  list: { webhooks: [webhook] },
  deliveries: { deliveries: [delivery] },
  retried: {
    ...delivery,
    next_retry_at: '2026-12-01T09:31:10Z',
  },
} satisfies {
  post: PostWebhookJsonV100;
  created: WebhookCreatedJsonV100;
  webhook: WebhookJsonV100;
  list: WebhooksJsonV100;
  deliveries: WebhookDeliveriesJsonV100;
  retried: WebhookDeliveryJsonV100;
};
