import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CustomerEntity } from '../customer/customer.entity';

@Entity('customer_address')
@Index('ix_customer_address_list', ['customerId', 'createdAt', 'id'])
export class CustomerAddressEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') customerId!: string;
  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' }) customer?: CustomerEntity;
  @Column('text') line1!: string;
  @Column('text') line2!: string;
  @Column('text') line3!: string;
  @Column('text') city!: string;
  @Column('text') county!: string;
  @Column('text') state!: string;
  @Column('text') postcode!: string;
  @Column('text') countryCode!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') status!: string;
  /** `insert_date` on the wire. */
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
