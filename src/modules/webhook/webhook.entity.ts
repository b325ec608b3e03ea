import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BankEntity } from '../bank/bank.entity';
import { UserEntity } from '../user/user.entity';

/**
 * A bank's webhook subscription (issue #15): the events of `eventTypes` at `bankId` are POSTed to
 * `url`, signed with `secret`. Deleting sets `deletedAt` (the deliveries stay readable in the
 * database, and no new ones are made).
 */
@Entity('webhook')
@Index('ix_webhook_bank_created', ['bankId', 'createdAt', 'id'])
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') bankId!: string;
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' }) bank?: BankEntity;
  @Column('text') url!: string;
  @Column('text', { array: true }) eventTypes!: string[];
  @Column('text') description!: string;
  /** The signing secret, encrypted (webhook-secret.service.ts); never logged, answered once. */
  @Column('text') secret!: string;
  @Index() @Column('uuid', { nullable: true }) createdByUserId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' }) createdByUser?: UserEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt!: Date | null;
}
