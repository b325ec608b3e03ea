import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one row (id 1): the last outbox event the relay turned into deliveries, (txid, seq). */
@Entity('webhook_relay_cursor')
export class WebhookRelayCursorEntity {
  @PrimaryColumn('int') id!: number;
  @Column('bigint') lastTxid!: string;
  @Column('bigint') lastSeq!: string;
}
