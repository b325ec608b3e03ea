import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { BankEntity } from '../bank/bank.entity';
import { CustomerEntity } from '../customer/customer.entity';

/** KYC_CHECK_ID is chosen by the client; the primary key makes concurrent PUTs of one id one row. */
@Entity('kyc_check')
// the list's order (updated_at DESC, id ASC) needs a DESC column, which @Index cannot say: the
// migration creates it (AddListIndexes), TypeORM leaves it alone
@Index('ix_kyc_check_list', { synchronize: false })
export class KycCheckEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') bankId!: string;
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' }) bank?: BankEntity;
  @Column('uuid') customerId!: string;
  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' }) customer?: CustomerEntity;
  @Column('text') customerNumber!: string;
  @Column('timestamptz') date!: Date;
  @Column('text') how!: string;
  @Column('text') staffUserId!: string;
  @Column('text') staffName!: string;
  @Column('boolean') satisfied!: boolean;
  @Column('text') comments!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
