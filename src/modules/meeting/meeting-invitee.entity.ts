import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_invitee')
@Unique('uq_meeting_invitee_meeting_position', ['meetingId', 'position'])
export class MeetingInviteeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') meetingId!: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' }) meeting?: MeetingEntity;
  /** Posted order. */
  @Column('int') position!: number;
  @Column('text') name!: string;
  @Column('text') mobilePhone!: string;
  @Index() @Column('text') emailAddress!: string;
  @Column('text') status!: string;
}
