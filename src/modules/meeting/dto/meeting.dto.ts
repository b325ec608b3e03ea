import { Transform, Type } from 'class-transformer';
import { IsArray, IsObject, Matches, ValidateNested } from 'class-validator';
import { ObpError } from '../../../common/errors/obp-errors';
import { ObpException } from '../../../common/errors/obp.exception';
import { IsObpDate, toObpDate } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { MeetingInviteeEntity } from '../meeting-invitee.entity';
import type { MeetingEntity } from '../meeting.entity';

/** createMeeting's OBP-10001 text names the v2.0.0 class (sic, [K §8] K12). */
export const CREATE_MEETING_JSON_NAME = 'CreateMeetingJson';

/** OBP's column widths ([K §5.1]); the creator's phone column is narrower (32). */
export const CREATOR_PHONE_MAX_LENGTH = 32;

/** "MUST be url friendly (no spaces)", which OBP documents but does not check ([K §9] item 10). */
const NO_WHITESPACE = /^\S*$/;

export class ContactDetailsJson {
  @ObpString(255) name!: string;
  @ObpString(255) mobile_phone!: string;
  @ObpString(100) email_address!: string;
}

export class InviteeJson {
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDetailsJson)
  contact_details!: ContactDetailsJson;
  @ObpString(255) status!: string;
}

/** Body of POST /banks/BANK_ID/meetings ([K §5.2]). */
export class CreateMeetingJsonV310 {
  @Matches(NO_WHITESPACE, { message: '$property must not contain whitespace' })
  @ObpString(64)
  provider_id!: string;

  @Matches(NO_WHITESPACE, { message: '$property must not contain whitespace' })
  @ObpString(64)
  purpose_id!: string;

  @IsObpDate() date!: string;

  @IsObject() @ValidateNested() @Type(() => ContactDetailsJson) creator!: ContactDetailsJson;

  /** Missing or `null` reads as `[]`, as lift-json does ([K §0.2]). */
  @Transform(({ value }: { value: unknown }) => value ?? [])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InviteeJson)
  invitees: InviteeJson[] = [];
}

/** The creator's phone column is 32 wide while the class is shared with invitees (255). */
export function assertCreatorPhone(body: CreateMeetingJsonV310): void {
  if ([...body.creator.mobile_phone].length > CREATOR_PHONE_MAX_LENGTH) {
    throw new ObpException(
      ObpError.InvalidJsonBody,
      `${CREATE_MEETING_JSON_NAME} (creator.mobile_phone must be shorter than or equal to ${CREATOR_PHONE_MAX_LENGTH} characters)`,
    );
  }
}

export class MeetingPresentJson {
  staff_user_id!: string;
  customer_user_id!: string;
}

export class MeetingKeysJson {
  session_id!: string;
  staff_token!: string;
  customer_token!: string;
}

export class MeetingJsonV310 {
  meeting_id!: string;
  provider_id!: string;
  purpose_id!: string;
  bank_id!: string;
  present!: MeetingPresentJson;
  keys!: MeetingKeysJson;
  when!: string;
  creator!: ContactDetailsJson;
  invitees!: InviteeJson[];
}

export class MeetingsJsonV310 {
  meetings!: MeetingJsonV310[];
}

/** OBP stores e-mails trimmed and lower-cased (Lift's MappedEmail, [K §5.1]). */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** `staff_user_id` and the TokBox `keys` are never set by OBP ([K §5.1]): always "". */
export const toMeetingJsonV310 = (
  m: MeetingEntity,
  invitees: MeetingInviteeEntity[],
): MeetingJsonV310 => ({
  meeting_id: m.id,
  provider_id: m.providerId,
  purpose_id: m.purposeId,
  bank_id: m.bankId,
  present: { staff_user_id: '', customer_user_id: m.creatorUserId },
  keys: { session_id: '', staff_token: '', customer_token: '' },
  when: toObpDate(m.when),
  creator: {
    name: m.creatorName,
    mobile_phone: m.creatorMobilePhone,
    email_address: m.creatorEmailAddress,
  },
  invitees: invitees.map((i) => ({
    contact_details: { name: i.name, mobile_phone: i.mobilePhone, email_address: i.emailAddress },
    status: i.status,
  })),
});

const contact = {
  name: 'Simon ',
  mobile_phone: '+44 07972 444 876',
  email_address: 'felixsmith@example.com',
};
const create = {
  provider_id: 'tokbox',
  purpose_id: 'onboarding',
  date: '2017-09-19T00:00:00Z',
  creator: contact,
  invitees: [{ contact_details: contact, status: 'String, eg: Good' }],
};

export const meetingExamples = {
  create,
  meeting: {
    meeting_id: '5a3e2b8c-1d4f-4e1a-9a55-2f0f3c2b9d11',
    provider_id: create.provider_id,
    purpose_id: create.purpose_id,
    bank_id: 'gh.29.uk',
    present: { staff_user_id: '', customer_user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' },
    keys: { session_id: '', staff_token: '', customer_token: '' },
    when: create.date,
    creator: contact,
    invitees: create.invitees,
  },
} satisfies { create: CreateMeetingJsonV310; meeting: MeetingJsonV310 };
