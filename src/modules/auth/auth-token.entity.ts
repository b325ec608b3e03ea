import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ConsumerEntity } from '../consumer/consumer.entity';
import { UserEntity } from '../user/user.entity';

/** One issued DirectLogin token (its JWT carries this row's id as `jti`); revocation is server-side. */
@Entity('auth_token')
@Index('ix_auth_token_user_consumer_created', ['userId', 'consumerId', 'createdAt'])
export class AuthTokenEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) user?: UserEntity;
  @Column('uuid', { nullable: true }) consumerId!: string | null;
  @ManyToOne(() => ConsumerEntity, { onDelete: 'CASCADE' }) consumer?: ConsumerEntity;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
