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

/** (user, role, bank); system roles have bankId '' as in OBP. */
@Entity('entitlement')
@Index('ix_entitlement_user_list', ['userId', 'createdAt', 'id'])
@Index('ix_entitlement_list', ['createdAt', 'id'])
@Unique('uq_entitlement_user_role_bank', ['userId', 'roleName', 'bankId'])
export class EntitlementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) user?: UserEntity;
  @Column('text') roleName!: string;
  @Column('text', { default: '' }) bankId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
