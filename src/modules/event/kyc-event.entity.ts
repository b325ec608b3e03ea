import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * The transactional outbox (issue #15): one row per change, written in the same transaction (or the
 * same statement) as the change, so a rolled-back change emits nothing. `seq` orders events (per
 * customer and overall); webhook delivery reads from here. No foreign keys: an event outlives the
 * row it describes (`customer.deleted`, `tax_residence.deleted`).
 */
@Entity('kyc_event')
@Index('ix_kyc_event_bank_seq', ['bankId', 'seq'])
@Index('ix_kyc_event_customer_seq', ['customerId', 'seq'])
@Index('ix_kyc_event_txid_seq', ['txid', 'seq'])
export class KycEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq!: string;
  @Index('ux_kyc_event_event_id', { unique: true })
  @Column('uuid')
  @Generated('uuid')
  eventId!: string;
  /** `kyc_status.added`, `customer.created`, `tax_residence.deleted`, … */
  @Column('text') type!: string;
  /** The bank the change belongs to; '' for a system-wide change (a system entitlement). */
  @Column('text') bankId!: string;
  @Column('uuid', { nullable: true }) customerId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) occurredAt!: Date;
  /** The resource as its OBP JSON (what the endpoint answered, or the deleted row's last JSON). */
  @Column('jsonb') data!: unknown;
  /**
   * The writing transaction's id (xid8 as bigint), set by the default: the webhook relay reads the
   * outbox in (txid, seq) order below the oldest running transaction, so an event whose transaction
   * commits after a later `seq` is not skipped (webhook-relay.service.ts says why).
   */
  @Column('bigint', { default: () => 'kyc_event_txid()' }) txid!: string;
}
