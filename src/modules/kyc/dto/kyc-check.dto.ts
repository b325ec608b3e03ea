import { IsBoolean } from 'class-validator';
import { IsObpDate, toObpDate } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { KycCheckEntity } from '../kyc-check.entity';

/** Body of PUT .../kyc_check/KYC_CHECK_ID ([K §6.2]); widths are OBP's columns. */
export class PostKycCheckJSON {
  @ObpString(50) customer_number!: string;
  @IsObpDate() date!: string;
  @ObpString(32) how!: string;
  @ObpString(64) staff_user_id!: string;
  @ObpString(64) staff_name!: string;
  @IsBoolean() satisfied!: boolean;
  @ObpString(2000) comments!: string;
}

export class KycCheckJSON {
  bank_id!: string;
  customer_id!: string;
  id!: string;
  customer_number!: string;
  date!: string;
  how!: string;
  staff_user_id!: string;
  staff_name!: string;
  satisfied!: boolean;
  comments!: string;
}

export class KycChecksJSON {
  checks!: KycCheckJSON[];
}

export const toKycCheckJSON = (row: KycCheckEntity): KycCheckJSON => ({
  bank_id: row.bankId,
  customer_id: row.customerId,
  id: row.id,
  customer_number: row.customerNumber,
  date: toObpDate(row.date),
  how: row.how,
  staff_user_id: row.staffUserId,
  staff_name: row.staffName,
  satisfied: row.satisfied,
  comments: row.comments,
});

const post = {
  customer_number: '5987953',
  date: '2017-09-19T00:00:00Z',
  how: 'online_meeting',
  staff_user_id: '67876',
  staff_name: 'Simon',
  satisfied: true,
  comments: 'String',
};

export const kycCheckExamples = {
  post,
  check: {
    bank_id: 'gh.29.uk',
    customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
    id: 'KYC_CHECK_ID',
    ...post,
  },
} satisfies { post: PostKycCheckJSON; check: KycCheckJSON };
