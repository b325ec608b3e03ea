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

@Entity('kyc_document')
// the list's order (updated_at DESC, id ASC) needs a DESC column, which @Index cannot say: the
// migration creates it (AddListIndexes), TypeORM leaves it alone
@Index('ix_kyc_document_list', { synchronize: false })
export class KycDocumentEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') bankId!: string;
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' }) bank?: BankEntity;
  @Column('uuid') customerId!: string;
  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' }) customer?: CustomerEntity;
  @Column('text') customerNumber!: string;
  @Column('text') type!: string;
  @Column('text') number!: string;
  @Column('timestamptz') issueDate!: Date;
  @Column('text') issuePlace!: string;
  @Column('timestamptz') expiryDate!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
