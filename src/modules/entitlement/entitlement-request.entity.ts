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
@Unique('uq_entitlement_request_user_role_bank', ['userId', 'roleName', 'bankId'])
export class EntitlementRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column('uuid') userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) user?: UserEntity;
  @Column('text') roleName!: string;
  @Column('text', { default: '' }) bankId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
