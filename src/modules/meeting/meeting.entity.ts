import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BankEntity } from '../bank/bank.entity';
import { UserEntity } from '../user/user.entity';

@Entity('meeting')
// the list's order ("when" DESC, id ASC) needs a DESC column, which @Index cannot say: the
// migration creates it (AddListIndexes), TypeORM leaves it alone
@Index('ix_meeting_list', { synchronize: false })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') bankId!: string;
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' }) bank?: BankEntity;
  @Column('text') providerId!: string;
  @Column('text') purposeId!: string;
  @Column('timestamptz') when!: Date;
  /** `present.customer_user_id`: the user who created the meeting. */
  @Column('uuid') creatorUserId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) creatorUser?: UserEntity;
  @Column('text') creatorName!: string;
  @Column('text') creatorMobilePhone!: string;
  @Column('text') creatorEmailAddress!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
