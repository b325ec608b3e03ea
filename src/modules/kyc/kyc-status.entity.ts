import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BankEntity } from '../bank/bank.entity';
import { CustomerEntity } from '../customer/customer.entity';

/** A timeline ([K §9] item 7): every PUT appends a row; `seq` breaks ties in insertion order. */
@Entity('kyc_status')
@Index('ix_kyc_status_list', ['customerId', 'createdAt', 'seq'])
export class KycStatusEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq!: string;
  @Column('text') bankId!: string;
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' }) bank?: BankEntity;
  @Column('uuid') customerId!: string;
  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' }) customer?: CustomerEntity;
  @Column('text') customerNumber!: string;
  @Column('boolean') ok!: boolean;
  @Column('timestamptz') date!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
