import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  Brackets,
  DataSource,
  type EntityManager,
  In,
  Repository,
  type SelectQueryBuilder,
} from 'typeorm';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/wire/ids';
import { parseObpDate } from '../../common/wire/obp-date';
import { type ListOrder, type Paging, pageQuery } from '../../common/wire/paging';
import type { AuditActor } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { EntitlementService } from '../entitlement/entitlement.service';
import { UserService } from '../user/user.service';
import {
  type CreateMeetingJsonV310,
  type MeetingJsonV310,
  type MeetingsJsonV310,
  normaliseEmail,
  toMeetingJsonV310,
} from './dto/meeting.dto';
import { MeetingInviteeEntity } from './meeting-invitee.entity';
import { MeetingEntity } from './meeting.entity';

/** Latest `when` first, then by id; ix_meeting_list serves it. */
const MEETING_ORDER: ListOrder<MeetingEntity> = {
  date: 'when',
  direction: 'DESC',
  tie: 'id',
  tieDirection: 'ASC',
};

@Injectable()
export class MeetingService {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(MeetingInviteeEntity)
    private readonly invitees: Repository<MeetingInviteeEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entitlements: EntitlementService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The meeting, its invitees, its audit event and its outbox event in one transaction; the caller
   * is `present.customer_user_id`.
   */
  async create(
    actor: AuditActor,
    bankId: string,
    creatorUserId: string,
    body: CreateMeetingJsonV310,
  ): Promise<MeetingJsonV310> {
    return this.dataSource.transaction(async (tx) => {
      const meeting = await tx.save(
        tx.create(MeetingEntity, {
          bankId,
          providerId: body.provider_id,
          purposeId: body.purpose_id,
          when: parseObpDate(body.date)!,
          creatorUserId,
          creatorName: body.creator.name,
          creatorMobilePhone: body.creator.mobile_phone,
          creatorEmailAddress: normaliseEmail(body.creator.email_address),
        }),
      );
      if (body.invitees.length > 0) {
        await tx.insert(
          MeetingInviteeEntity,
          body.invitees.map((invitee, position) => ({
            meetingId: meeting.id,
            position,
            name: invitee.contact_details.name,
            mobilePhone: invitee.contact_details.mobile_phone,
            emailAddress: normaliseEmail(invitee.contact_details.email_address),
            status: invitee.status,
          })),
        );
      }
      const [created] = await this.withInvitees(
        [await tx.findOneByOrFail(MeetingEntity, { id: meeting.id })],
        tx,
      );
      await this.audit.recordChange(tx, actor, {
        action: 'create',
        entityType: 'meeting',
        entityId: created.meeting_id,
        bankId,
        customerId: null,
        changedFields: ['provider_id', 'purpose_id', 'date', 'creator', 'invitees'],
        event: { type: 'meeting.created', data: created },
      });
      return created;
    });
  }

  /** The meetings at the bank the viewer may see, latest `when` first, then by id ([K §9] items 9, 11). */
  async list(bankId: string, viewerId: string, paging: Paging): Promise<MeetingsJsonV310> {
    const qb = await this.visibleTo(bankId, viewerId);
    const rows = await pageQuery(qb, 'm', MEETING_ORDER, paging).getMany();
    return { meetings: await this.withInvitees(rows) };
  }

  /** Unknown, at another bank, or not visible to the viewer: the same 400 OBP-30104 ([K §5.4]). */
  async getOne(bankId: string, viewerId: string, meetingId: string): Promise<MeetingJsonV310> {
    const row = isUuid(meetingId)
      ? await (
          await this.visibleTo(bankId, viewerId)
        )
          .andWhere('m.id = :meetingId', { meetingId })
          .getOne()
      : null;
    if (!row) throw new ObpException(ObpError.MeetingNotFound, ` Current MeetingId(${meetingId}) `);
    const [meeting] = await this.withInvitees([row]);
    return meeting;
  }

  /**
   * Visibility ([K §9] item 9, our rule): the creator, and users whose e-mail is among the invitees;
   * holders of our extension role CanGetMeetingsAtOneBank see every meeting at the bank.
   */
  private async visibleTo(
    bankId: string,
    viewerId: string,
  ): Promise<SelectQueryBuilder<MeetingEntity>> {
    const qb = this.meetings.createQueryBuilder('m').where('m.bankId = :bankId', { bankId });
    if (await this.entitlements.hasAnyRole(viewerId, ['CanGetMeetingsAtOneBank'], bankId))
      return qb;
    const email = normaliseEmail((await this.users.findById(viewerId))?.email ?? '');
    return qb.andWhere(
      new Brackets((or) => {
        or.where('m.creatorUserId = :viewerId', { viewerId });
        if (email !== '') {
          or.orWhere(
            'EXISTS (SELECT 1 FROM meeting_invitee i WHERE i.meeting_id = m.id AND i.email_address = :email)',
            { email },
          );
        }
      }),
    );
  }

  /** Invitees in posted order. */
  private async withInvitees(
    meetings: MeetingEntity[],
    tx: EntityManager = this.invitees.manager,
  ): Promise<MeetingJsonV310[]> {
    if (meetings.length === 0) return [];
    const invitees = await tx.find(MeetingInviteeEntity, {
      where: { meetingId: In(meetings.map((m) => m.id)) },
      order: { meetingId: 'ASC', position: 'ASC' },
    });
    return meetings.map((m) =>
      toMeetingJsonV310(
        m,
        invitees.filter((i) => i.meetingId === m.id),
      ),
    );
  }
}
