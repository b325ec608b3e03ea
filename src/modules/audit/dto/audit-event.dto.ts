import type { AuditEventEntity } from '../audit-event.entity';

/** One event of the audit trail (KYCv1.0.0): who did or saw what, never a value. */
export class AuditEventJson {
  event_id!: string;
  /** UTC with milliseconds, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (the format of from_date / to_date). */
  occurred_at!: string;
  /** null: anonymous (POST /users) or the server itself. */
  user_id!: string | null;
  consumer_id!: string | null;
  /** create, update, delete or read. */
  action!: string;
  entity_type!: string;
  entity_id!: string;
  /** '' for a system-wide change. */
  bank_id!: string;
  customer_id!: string | null;
  correlation_id!: string;
  changed_fields!: string[];
}

export class AuditEventsJson {
  audit_events!: AuditEventJson[];
}

export const toAuditEventJson = (e: AuditEventEntity): AuditEventJson => ({
  event_id: e.eventId,
  occurred_at: e.occurredAt.toISOString(),
  user_id: e.userId,
  consumer_id: e.consumerId,
  action: e.action,
  entity_type: e.entityType,
  entity_id: e.entityId,
  bank_id: e.bankId,
  customer_id: e.customerId,
  correlation_id: e.correlationId,
  changed_fields: e.changedFields,
});

const event: AuditEventJson = {
  event_id: '3f0d1c9e-5b8a-4c1e-9a57-0c4f1d2e8b61',
  occurred_at: '2026-12-01T10:15:30.123Z',
  user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  consumer_id: '2b1c7f9e-0a4d-4a43-9d7e-8a1f0c3b6e52',
  action: 'create',
  entity_type: 'kyc_document',
  entity_id: 'passport-1',
  bank_id: 'gh.29.uk',
  customer_id: '7a4c1e2f-6d02-40e3-a129-0b2bf89de8aa',
  correlation_id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  changed_fields: ['customer_number', 'type', 'number', 'issue_date', 'issue_place', 'expiry_date'],
};

export const auditEventExamples = {
  list: {
    audit_events: [
      {
        ...event,
        event_id: '8e7d6c5b-4a39-4827-9615-0f4e3d2c1b0a',
        occurred_at: '2026-12-01T10:16:02.481Z',
        action: 'read',
        entity_type: 'kyc_documents',
        entity_id: event.customer_id!,
        correlation_id: 'c0ffee00-1111-4222-8333-944455566677',
        changed_fields: [],
      },
      event,
    ],
  },
} satisfies { list: AuditEventsJson };
