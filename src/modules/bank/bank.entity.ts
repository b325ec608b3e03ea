import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('bank')
export class BankEntity {
  /** BANK_ID, chosen by the client. */
  @PrimaryColumn('text') id!: string;
  @Column('text') shortName!: string;
  @Column('text') fullName!: string;
  @Column('text') logoUrl!: string;
  @Column('text') websiteUrl!: string;
  @Column('text') swiftBic!: string;
  @Column('text') nationalIdentifier!: string;
  @Column('text') bankRoutingScheme!: string;
  @Column('text') bankRoutingAddress!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
