import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Secrets generated once and shared by every instance on the database (the JWT key). */
@Entity('server_secret')
export class ServerSecretEntity {
  @PrimaryColumn('text') name!: string;
  @Column('text') value!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
