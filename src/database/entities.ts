import { CustomerAddressEntity } from '../modules/address/customer-address.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { AuthTokenEntity } from '../modules/auth/auth-token.entity';
import { ServerSecretEntity } from '../modules/auth/server-secret.entity';
import { BankEntity } from '../modules/bank/bank.entity';
import { ConsumerEntity } from '../modules/consumer/consumer.entity';
import { CustomerEntity } from '../modules/customer/customer.entity';
import { EntitlementRequestEntity } from '../modules/entitlement/entitlement-request.entity';
import { EntitlementEntity } from '../modules/entitlement/entitlement.entity';
import { KycEventEntity } from '../modules/event/kyc-event.entity';
import { IdempotencyKeyEntity } from '../modules/idempotency/idempotency-key.entity';
import { KycCheckEntity } from '../modules/kyc/kyc-check.entity';
import { KycDocumentEntity } from '../modules/kyc/kyc-document.entity';
import { KycMediaEntity } from '../modules/kyc/kyc-media.entity';
import { KycStatusEntity } from '../modules/kyc/kyc-status.entity';
import { MeetingInviteeEntity } from '../modules/meeting/meeting-invitee.entity';
import { MeetingEntity } from '../modules/meeting/meeting.entity';
import { TaxResidenceEntity } from '../modules/tax-residence/tax-residence.entity';
import { UserCustomerLinkEntity } from '../modules/user-customer-link/user-customer-link.entity';
import { UserEntity } from '../modules/user/user.entity';
import { WebhookDeliveryAttemptEntity } from '../modules/webhook/webhook-delivery-attempt.entity';
import { WebhookDeliveryEntity } from '../modules/webhook/webhook-delivery.entity';
import { WebhookRelayCursorEntity } from '../modules/webhook/webhook-relay-cursor.entity';
import { WebhookEntity } from '../modules/webhook/webhook.entity';

/** Every entity; the app, the migration CLI and the schema check all use this one list. */
export const ENTITIES = [
  UserEntity,
  ConsumerEntity,
  AuthTokenEntity,
  ServerSecretEntity,
  EntitlementEntity,
  EntitlementRequestEntity,
  BankEntity,
  CustomerEntity,
  CustomerAddressEntity,
  TaxResidenceEntity,
  UserCustomerLinkEntity,
  KycCheckEntity,
  KycDocumentEntity,
  KycMediaEntity,
  KycStatusEntity,
  MeetingEntity,
  MeetingInviteeEntity,
  KycEventEntity,
  IdempotencyKeyEntity,
  AuditEventEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
  WebhookRelayCursorEntity,
];
