import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('consumer')
@Index('ix_consumer_list', ['createdAt', 'id'])
@Unique('uq_consumer_key', ['consumerKey'])
export class ConsumerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') consumerKey!: string;
  /** scrypt hash of the secret; the secret itself is shown once, at creation. */
  @Column('text', { nullable: true }) secretHash!: string | null;
  @Column('text') appName!: string;
  @Column('text', { default: '' }) appType!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('text', { default: '' }) developerEmail!: string;
  @Column('text', { default: '' }) redirectUrl!: string;
  @Column('boolean') enabled!: boolean;
  @Column('uuid', { nullable: true }) createdByUserId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
