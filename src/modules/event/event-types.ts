/**
 * The event types of the outbox (issue #15) and of webhook subscriptions: `<entity>.<action>`, one per
 * kind of change the audit trail records as a change. The resource is the endpoint's OBP JSON.
 */
export const KYC_EVENT_TYPES = [
  'customer.created',
  'customer.number_updated',
  'address.created',
  'address.updated',
  'address.deleted',
  'tax_residence.created',
  'tax_residence.deleted',
  'kyc_check.upserted',
  'kyc_document.upserted',
  'kyc_media.upserted',
  'kyc_media.content_uploaded',
  'kyc_media.content_deleted',
  'kyc_status.added',
  'meeting.created',
  'user_customer_link.created',
  'entitlement.created',
  'entitlement.deleted',
] as const;

export type KycEventType = (typeof KYC_EVENT_TYPES)[number];

export const isKycEventType = (t: string): t is KycEventType =>
  (KYC_EVENT_TYPES as readonly string[]).includes(t);
