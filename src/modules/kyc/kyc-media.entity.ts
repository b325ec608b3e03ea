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

@Entity('kyc_media')
// the list's order (updated_at DESC, id ASC) needs a DESC column, which @Index cannot say: the
// migration creates it (AddListIndexes), TypeORM leaves it alone
@Index('ix_kyc_media_list', { synchronize: false })
export class KycMediaEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') bankId!: string;
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' }) bank?: BankEntity;
  @Column('uuid') customerId!: string;
  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' }) customer?: CustomerEntity;
  @Column('text') customerNumber!: string;
  @Column('text') type!: string;
  @Column('text') url!: string;
  @Column('timestamptz') date!: Date;
  @Column('text') relatesToKycDocumentId!: string;
  @Column('text') relatesToKycCheckId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
