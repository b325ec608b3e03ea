import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { BankEntity } from '../bank/bank.entity';

@Entity('customer')
@Unique('uq_customer_bank_number', ['bankId', 'customerNumber'])
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') bankId!: string;
  @ManyToOne(() => BankEntity, { onDelete: 'CASCADE' }) bank?: BankEntity;
  @Column('text') customerNumber!: string;
  @Column('text') legalName!: string;
  @Column('text') mobilePhoneNumber!: string;
  @Column('text') email!: string;
  @Column('text') faceImageUrl!: string;
  @Column('timestamptz') faceImageDate!: Date;
  @Column('timestamptz') dateOfBirth!: Date;
  @Column('text') relationshipStatus!: string;
  @Column('int') dependants!: number;
  @Column('timestamptz', { array: true }) dobOfDependants!: Date[];
  @Column('text') creditRatingRating!: string;
  @Column('text') creditRatingSource!: string;
  @Column('text') creditLimitCurrency!: string;
  @Column('text') creditLimitAmount!: string;
  @Column('text') highestEducationAttained!: string;
  @Column('text') employmentStatus!: string;
  @Column('boolean') kycStatus!: boolean;
  @Column('timestamptz') lastOkDate!: Date;
  @Column('text') title!: string;
  @Column('text') branchId!: string;
  @Column('text') nameSuffix!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
