import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit trail (issue #13): one append-only row per change and per read of a customer's personal
 * data. Names of changed fields only, never their values. A trigger (migration AuditEvent) refuses
 * UPDATE, DELETE and TRUNCATE. No foreign keys: an event outlives what it describes.
 *
 * Every listing is newest first, `occurred_at` then `seq` (unique) as the tie-breaker, so each index
 * ends with both: the filters of GET /kyc/v1.0.0/audit-events and the bank scope are index range scans.
 */
@Entity('audit_event')
@Index('ix_audit_event_occurred', ['occurredAt', 'seq'])
@Index('ix_audit_event_customer', ['customerId', 'occurredAt', 'seq'])
@Index('ix_audit_event_bank', ['bankId', 'occurredAt', 'seq'])
@Index('ix_audit_event_entity', ['entityType', 'entityId', 'occurredAt', 'seq'])
@Index('ix_audit_event_user', ['userId', 'occurredAt', 'seq'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq!: string;
  /** The public id; random, so not indexed (nothing looks an event up by it). */
  @Column('uuid') @Generated('uuid') eventId!: string;
  /** The change's transaction time, or the moment a read was answered. */
  @Column('timestamptz', { default: () => 'now()' }) occurredAt!: Date;
  /** Who: null for an anonymous call (POST /users) or the server itself. */
  @Column('uuid', { nullable: true }) userId!: string | null;
  /** Through which consumer (the DirectLogin consumer key's consumer), when known. */
  @Column('uuid', { nullable: true }) consumerId!: string | null;
  /** `create`, `update`, `delete` or `read`. */
  @Column('text') action!: string;
  /** `customer`, `kyc_document`, …; for the read of a list: `kyc_statuses`, `addresses`, … */
  @Column('text') entityType!: string;
  /** The OBP id of the resource (for a list read and a KYC status: the customer id). */
  @Column('text') entityId!: string;
  /** The bank the resource belongs to; '' for a system-wide one (a user, a system entitlement). */
  @Column('text') bankId!: string;
  @Column('uuid', { nullable: true }) customerId!: string | null;
  /** The request's Correlation-Id. */
  @Column('text') correlationId!: string;
  /** Wire names of the fields the change set (a create: every field of the body); empty for reads. */
  @Column('text', { array: true }) changedFields!: string[];
}
