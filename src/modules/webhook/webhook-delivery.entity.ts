import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { WebhookEntity } from './webhook.entity';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one webhook. Deliveries of a stream (a webhook and a customer, `streamKey`: the
 * customer id, '' for events without one) go out one at a time in `seq` order: the head waits for
 * its retries before the next is tried. `leaseUntil` marks the head an instance is sending.
 */
@Entity('webhook_delivery')
@Unique('uq_webhook_delivery_webhook_event', ['webhookId', 'eventSeq'])
@Index('ix_webhook_delivery_list', ['webhookId', 'createdAt', 'seq'])
@Index('ix_webhook_delivery_stream_pending', ['webhookId', 'streamKey', 'seq'], {
  where: `"status" = 'pending'`,
})
@Index('ix_webhook_delivery_due', ['nextAttemptAt'], { where: `"status" = 'pending'` })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Relay order: the order of the stream. */
  @Column('bigint') @Generated('increment') seq!: string;
  @Column('uuid') webhookId!: string;
  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' }) webhook?: WebhookEntity;
  /** kyc_event.seq (no foreign key: the outbox may be pruned before its deliveries). */
  @Column('bigint') eventSeq!: string;
  @Column('uuid') eventId!: string;
  @Column('text') eventType!: string;
  @Column('text') streamKey!: string;
  @Column('text') status!: DeliveryStatus;
  @Column('int', { default: 0 }) attemptCount!: number;
  /** When the next attempt is due (null once succeeded or failed). */
  @Column('timestamptz', { nullable: true }) nextAttemptAt!: Date | null;
  /** After this, a failed attempt marks the delivery failed instead of scheduling another. */
  @Column('timestamptz') deadlineAt!: Date;
  @Column('timestamptz', { nullable: true }) leaseUntil!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
}
