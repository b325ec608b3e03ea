import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

@Entity('app_user')
@Index('ix_app_user_list', ['createdAt', 'id'])
@Index('ix_app_user_email_list', ['email', 'createdAt', 'id'])
@Unique('uq_app_user_username', ['username'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') username!: string;
  @Column('text') email!: string;
  @Column('text') firstName!: string;
  @Column('text') lastName!: string;
  /** scrypt, `scrypt$N$r$p$salt$hash` (base64). */
  @Column('text') passwordHash!: string;
  @Column('text') provider!: string;
  @Column('boolean') validated!: boolean;
  @Column('int', { default: 0 }) badLoginAttempts!: number;
  @Column('boolean', { default: false }) locked!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
