import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from '../user/user.entity';

@Entity('entitlement_request')
@Index('ix_entitlement_request_user_list', ['userId', 'createdAt', 'id'])
@Index('ix_entitlement_request_list', ['createdAt', 'id'])
@Unique('uq_entitlement_request_user_role_bank', ['userId', 'roleName', 'bankId'])
export class EntitlementRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) user?: UserEntity;
  @Column('text') roleName!: string;
  @Column('text', { default: '' }) bankId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
