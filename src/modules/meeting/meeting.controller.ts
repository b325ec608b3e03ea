import { Body, Controller, Param } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  CREATE_MEETING_JSON_NAME,
  CreateMeetingJsonV310,
  MeetingJsonV310,
  MeetingsJsonV310,
  assertCreatorPhone,
  meetingExamples,
} from './dto/meeting.dto';
import { MeetingService } from './meeting.service';

const TAGS = ['Customer-Meeting', 'Customer', 'KYC'];

const VISIBILITY =
  '**Visibility** (our rule; OBP shows every meeting of the bank to any logged-in user): ' +
  'a meeting is visible to the user who created it (`present.customer_user_id`) and to users whose e-mail ' +
  'address is among the invitees (compared trimmed and lower-cased). Holders of our extension role ' +
  '`CanGetMeetingsAtOneBank` at BANK_ID (not an OBP role; no role is needed to call the endpoint) see every ' +
  'meeting at the bank.';

@Controller()
export class MeetingController {
  constructor(private readonly meetings: MeetingService) {}

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/meetings',
    implementedIn: 'v3.1.0',
    summary: 'Create Meeting (video conference/call)',
    description:
      'Create Meeting: Initiate a video conference/call with the bank.\n\n' +
      'The Meetings resource contains meta data about video/other conference sessions.\n\n' +
      'provider_id determines the provider of the meeting / video chat service. MUST be url friendly (no spaces).\n\n' +
      'purpose_id explains the purpose of the chat. onboarding | mortgage | complaint etc. MUST be url friendly (no spaces).\n\n' +
      'Login is required. The caller becomes `present.customer_user_id`; `present.staff_user_id` and the ' +
      '`keys` are always empty strings. The request field `date` is returned as `when`.\n\n' +
      '**Body rules** (ours where OBP is loose): `provider_id` and `purpose_id` may not contain whitespace ' +
      'and are at most 64 characters; `date` is strictly `yyyy-MM-ddTHH:mm:ssZ` (UTC, no milliseconds, real ' +
      'calendar dates); `invitees` may be missing or `null` (read as `[]`); every contact field and invitee ' +
      "`status` is a required string (empty strings allowed, `null` refused); the creator's `mobile_phone` is " +
      'at most 32 characters, other names, phones and statuses 255, e-mail addresses 100. E-mail addresses are ' +
      'stored trimmed and lower-cased, as OBP does; they are not validated. Invitees keep the posted order. ' +
      "A bad body answers 400 with OBP's text, which names `CreateMeetingJson`.\n\n" +
      VISIBILITY,
    tags: TAGS,
    checks: ['login', 'bank', 'body'],
    body: {
      type: CreateMeetingJsonV310,
      example: meetingExamples.create,
      jsonName: CREATE_MEETING_JSON_NAME,
      afterValidate: assertCreatorPhone,
    },
    success: { status: 201, type: MeetingJsonV310, example: meetingExamples.meeting },
    errors: ['UnknownError'],
  })
  createMeeting(
    @Actor() actor: AuditActor,
    @CurrentUser() me: Principal,
    @Param('BANK_ID') bankId: string,
    @Body() body: CreateMeetingJsonV310,
  ): Promise<MeetingJsonV310> {
    return this.meetings.create(actor, bankId, me.userId, body);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/meetings',
    implementedIn: 'v3.1.0',
    summary: 'Get Meetings',
    description:
      'Meetings contain meta data about, and are used to facilitate, video conferences / chats etc.\n\n' +
      'The actual conference/chats are handled by external services.\n\n' +
      'Login is required. Order: latest `when` first, then by `meeting_id` (OBP leaves ties to the database). ' +
      'None visible: `{"meetings":[]}`.\n\n' +
      VISIBILITY,
    tags: TAGS,
    checks: ['login', 'bank'],
    paged: true,
    success: {
      status: 200,
      type: MeetingsJsonV310,
      example: { meetings: [meetingExamples.meeting] },
    },
    errors: ['UnknownError'],
  })
  getMeetings(
    @CurrentUser() me: Principal,
    @Param('BANK_ID') bankId: string,
    @Paged() paging: Paging,
  ): Promise<MeetingsJsonV310> {
    return this.meetings.list(bankId, me.userId, paging);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/meetings/MEETING_ID',
    implementedIn: 'v3.1.0',
    summary: 'Get Meeting',
    description:
      'Get Meeting specified by BANK_ID / MEETING_ID.\n\n' +
      'Meetings contain meta data about, and are used to facilitate, video conferences / chats etc.\n\n' +
      'The actual conference/chats are handled by external services.\n\n' +
      'Login is required. A meeting that does not exist, is at another bank, or is not visible to the caller ' +
      "answers **400** (OBP's status, not 404) `OBP-30104: Meeting not found. Current MeetingId(<MEETING_ID>) `.\n\n" +
      VISIBILITY,
    tags: TAGS,
    checks: ['login', 'bank'],
    success: { status: 200, type: MeetingJsonV310, example: meetingExamples.meeting },
    errors: ['MeetingNotFound', 'UnknownError'],
  })
  getMeeting(
    @CurrentUser() me: Principal,
    @Param('BANK_ID') bankId: string,
    @Param('MEETING_ID') meetingId: string,
  ): Promise<MeetingJsonV310> {
    return this.meetings.getOne(bankId, me.userId, meetingId);
  }
}
