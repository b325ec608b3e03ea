import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** One POST of a delivery to its webhook's URL and what came back. */
@Entity('webhook_delivery_attempt')
@Index('ix_webhook_delivery_attempt_delivery', ['deliveryId', 'attemptedAt', 'id'])
export class WebhookDeliveryAttemptEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') deliveryId!: string;
  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' }) delivery?: WebhookDeliveryEntity;
  @Column('timestamptz') attemptedAt!: Date;
  @Column('text') status!: 'succeeded' | 'failed';
  /** The receiver's HTTP status; null when none came (timeout, refused connection, bad address). */
  @Column('int', { nullable: true }) responseCode!: number | null;
  @Column('int') durationMs!: number;
  /** Why an attempt without a 2xx failed, in a few words (never the receiver's body). */
  @Column('text', { nullable: true }) error!: string | null;
  /** When this failure is retried; null after a success, or when the delivery then failed. */
  @Column('timestamptz', { nullable: true }) nextRetryAt!: Date | null;
}
