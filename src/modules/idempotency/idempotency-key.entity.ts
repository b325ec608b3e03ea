import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` of one caller: claimed (no response yet) while its first request runs, then
 * the stored answer every repeat replays until `expiresAt`.
 */
@Entity('idempotency_key')
@Index('ix_idempotency_key_expires', ['expiresAt'])
export class IdempotencyKeyEntity {
  /** '' when the caller's token names no consumer. */
  @PrimaryColumn('text') consumerId!: string;
  @PrimaryColumn('text') userId!: string;
  @PrimaryColumn('text') key!: string;
  /** sha256 of the method, the URL and the body bytes of the first request. */
  @Column('bytea') fingerprint!: Buffer;
  /** Null while the first request runs. */
  @Column('int', { nullable: true }) responseStatus!: number | null;
  /** The answer's headers that a replay repeats (Content-Type, Location). */
  @Column('jsonb', { nullable: true }) responseHeaders!: Record<string, string> | null;
  @Column('bytea', { nullable: true }) responseBody!: Buffer | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz') expiresAt!: Date;
}
