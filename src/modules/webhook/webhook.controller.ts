import { Body, Controller, Param } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { KYC_EVENT_TYPES } from '../event/event-types';
import {
  assertEventTypes,
  PostWebhookJsonV100,
  WebhookCreatedJsonV100,
  WebhookDeliveriesJsonV100,
  WebhookDeliveryJsonV100,
  webhookExamples,
  WebhookJsonV100,
  WebhooksJsonV100,
} from './dto/webhook.dto';
import { Paged, type Paging, PAGING_ERRORS, PAGING_QUERY } from './webhook-paging';
import { WebhookService } from './webhook.service';

const TAGS = ['Webhook'];

const DELIVERY =
  '**Delivery.** Each event of the bank whose type the webhook subscribes to is POSTed to its `url` as ' +
  '`{"event_id","type","occurred_at","bank_id","data":{…}}` (`data`: the resource as its OBP JSON), with ' +
  '`Content-Type: application/json` and the [Standard Webhooks](https://www.standardwebhooks.com/) headers ' +
  '`Webhook-Id` (the event id: the same on every retry, so receivers can drop duplicates), `Webhook-Timestamp` ' +
  '(Unix seconds) and `Webhook-Signature: v1,<base64 HMAC-SHA256 of "<Webhook-Id>.<Webhook-Timestamp>.<body>">` ' +
  'keyed with the secret answered at creation (the bytes after `whsec_`, base64-decoded), so the Standard ' +
  'Webhooks libraries verify it. At least once: any 2xx within 10 s is a success; anything else (a 3xx: ' +
  'redirects are not followed) is retried with exponential backoff and jitter (30 s, 1 min, 2 min, … up to 4 h) ' +
  'for 24 h, then the delivery is marked `failed`. A customer’s events reach a webhook in the order they were ' +
  'written: a delivery waits until the earlier ones about the same customer succeeded or failed. Only events ' +
  'of BANK_ID reach its webhooks, and only those that happened after the webhook was created.';

const EVENT_TYPES = `Event types: ${KYC_EVENT_TYPES.map((t) => `\`${t}\``).join(', ')}.`;

const ID_RULE =
  'A WEBHOOK_ID that is unknown, deleted, or a webhook of another bank answers 404 OBP-30360.';

const PAGING =
  '**Paging** (optional, as OBP): `limit` (1 to 1000, default 1000), `offset`, `sort_direction` ' +
  "(`ASC`/`DESC` by creation time), `from_date`, `to_date` (`yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, inclusive).";

/** Webhooks of the KYC extension standard (issue #15): served at /kyc/v1.0.0 only. */
@Controller()
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/webhooks',
    implementedIn: 'KYCv1.0.0',
    summary: 'Create Webhook',
    description:
      'Create a webhook: the events of the bank specified by BANK_ID whose `event_types` it lists are POSTed ' +
      'to `url`, signed.\n\n' +
      'Answers 201 with the webhook and its signing `secret` (`whsec_…`): **the secret is shown only in this ' +
      'answer**; keep it to verify the signatures.\n\n' +
      '**URL rules:** an absolute `http` or `https` URL of at most 2048 characters whose host is not, and does ' +
      'not resolve to, a loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast or ' +
      'reserved address, nor a metadata host name (the server checks again at every delivery); a server run ' +
      'with `WEBHOOK_ALLOW_PRIVATE=true` accepts those. Otherwise 400 OBP-30362 with the reason.\n\n' +
      `\`event_types\`: at least one; an unknown one answers 400 OBP-30363. ${EVENT_TYPES} ` +
      '`description` is optional (at most 255 characters).\n\n' +
      DELIVERY,
    tags: TAGS,
    roles: ['CanCreateWebhookAtOneBank'],
    checks: ['login', 'bank', 'role', 'body'],
    body: {
      type: PostWebhookJsonV100,
      example: webhookExamples.post,
      afterValidate: assertEventTypes,
    },
    success: { status: 201, type: WebhookCreatedJsonV100, example: webhookExamples.created },
    errors: ['InvalidWebhookEventType', 'InvalidWebhookUrl', 'UnknownError'],
  })
  createWebhook(
    @CurrentUser() me: Principal,
    @Param('BANK_ID') bankId: string,
    @Body() body: PostWebhookJsonV100,
  ): Promise<WebhookCreatedJsonV100> {
    return this.webhooks.create(bankId, me.userId, body);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/webhooks',
    implementedIn: 'KYCv1.0.0',
    summary: 'Get Webhooks',
    description:
      'The webhooks of the bank specified by BANK_ID, oldest first (then by id). Deleted ones are not listed; ' +
      'secrets never are.\n\n' +
      PAGING,
    tags: TAGS,
    roles: ['CanGetWebhooksAtOneBank'],
    checks: ['login', 'bank', 'role'],
    query: PAGING_QUERY,
    success: { status: 200, type: WebhooksJsonV100, example: webhookExamples.list },
    errors: [...PAGING_ERRORS, 'UnknownError'],
  })
  getWebhooks(
    @Param('BANK_ID') bankId: string,
    @Paged() paging: Paging,
  ): Promise<WebhooksJsonV100> {
    return this.webhooks.list(bankId, paging);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/webhooks/WEBHOOK_ID',
    implementedIn: 'KYCv1.0.0',
    summary: 'Get Webhook',
    description: `One webhook of the bank specified by BANK_ID (without its secret). ${ID_RULE}`,
    tags: TAGS,
    roles: ['CanGetWebhooksAtOneBank'],
    checks: ['login', 'bank', 'role'],
    success: { status: 200, type: WebhookJsonV100, example: webhookExamples.webhook },
    errors: ['WebhookNotFound', 'UnknownError'],
  })
  getWebhook(
    @Param('BANK_ID') bankId: string,
    @Param('WEBHOOK_ID') webhookId: string,
  ): Promise<WebhookJsonV100> {
    return this.webhooks.getOne(bankId, webhookId);
  }

  @ObpEndpoint({
    route: 'DELETE /banks/BANK_ID/webhooks/WEBHOOK_ID',
    implementedIn: 'KYCv1.0.0',
    summary: 'Delete Webhook',
    description:
      'Delete a webhook: no event is sent to it any more, and its pending deliveries are marked `failed`. ' +
      `Answers 200 with the body \`true\`, as OBP's DELETEs do. ${ID_RULE}`,
    tags: TAGS,
    roles: ['CanDeleteWebhookAtOneBank'],
    checks: ['login', 'bank', 'role'],
    success: { status: 200, example: true },
    errors: ['WebhookNotFound', 'UnknownError'],
  })
  deleteWebhook(
    @Param('BANK_ID') bankId: string,
    @Param('WEBHOOK_ID') webhookId: string,
  ): Promise<boolean> {
    return this.webhooks.delete(bankId, webhookId);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/webhooks/WEBHOOK_ID/deliveries',
    implementedIn: 'KYCv1.0.0',
    summary: 'Get Webhook Deliveries',
    description:
      'The deliveries of a webhook, newest first (then by the order they were made): one per event sent to ' +
      'it, with its `status` (`pending`, `succeeded` or `failed`), `next_retry_at` while pending, and every ' +
      'attempt (oldest first) with its status, the response code, the duration and when it is retried.\n\n' +
      `${ID_RULE}\n\n${PAGING}`,
    tags: TAGS,
    roles: ['CanGetWebhooksAtOneBank'],
    checks: ['login', 'bank', 'role'],
    query: PAGING_QUERY,
    success: { status: 200, type: WebhookDeliveriesJsonV100, example: webhookExamples.deliveries },
    errors: ['WebhookNotFound', ...PAGING_ERRORS, 'UnknownError'],
  })
  getWebhookDeliveries(
    @Param('BANK_ID') bankId: string,
    @Param('WEBHOOK_ID') webhookId: string,
    @Paged() paging: Paging,
  ): Promise<WebhookDeliveriesJsonV100> {
    return this.webhooks.listDeliveries(bankId, webhookId, paging);
  }

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/webhooks/WEBHOOK_ID/deliveries/DELIVERY_ID/retry',
    implementedIn: 'KYCv1.0.0',
    summary: 'Retry Webhook Delivery',
    description:
      'Send a delivery again, now, whatever its status (a failed one after its 24 h, or a succeeded one once ' +
      'more): it becomes `pending`, due at once, with a new 24 h of retries. It still waits for the earlier ' +
      'pending deliveries about the same customer. No body. Answers 201 with the delivery. Role: the webhook ' +
      `manager's \`CanCreateWebhookAtOneBank\`. ${ID_RULE} A DELIVERY_ID that is not one of the webhook's ` +
      'answers 404 OBP-30361.',
    tags: TAGS,
    roles: ['CanCreateWebhookAtOneBank'],
    checks: ['login', 'bank', 'role'],
    success: { status: 201, type: WebhookDeliveryJsonV100, example: webhookExamples.retried },
    errors: ['WebhookNotFound', 'WebhookDeliveryNotFound', 'UnknownError'],
  })
  retryWebhookDelivery(
    @Param('BANK_ID') bankId: string,
    @Param('WEBHOOK_ID') webhookId: string,
    @Param('DELIVERY_ID') deliveryId: string,
  ): Promise<WebhookDeliveryJsonV100> {
    return this.webhooks.retry(bankId, webhookId, deliveryId);
  }
}
