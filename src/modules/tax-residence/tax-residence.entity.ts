import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CustomerEntity } from '../customer/customer.entity';

@Entity('tax_residence')
@Index('ix_tax_residence_list', ['customerId', 'createdAt', 'id'])
@Unique('uq_tax_residence_customer_domain_number', ['customerId', 'domain', 'taxNumber'])
export class TaxResidenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') customerId!: string;
  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' }) customer?: CustomerEntity;
  @Column('text') domain!: string;
  @Column('text') taxNumber!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
