import { IsBoolean } from 'class-validator';
import { IsObpDate, toObpDate } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { KycStatusEntity } from '../kyc-status.entity';

/** Body of PUT .../kyc_statuses ([K §6.5]); widths are OBP's columns. */
export class PostKycStatusJSON {
  @ObpString(64) customer_number!: string;
  @IsBoolean() ok!: boolean;
  @IsObpDate() date!: string;
}

/** No `bank_id` and no `id`, as in OBP. */
export class KycStatusJSON {
  customer_id!: string;
  customer_number!: string;
  ok!: boolean;
  date!: string;
}

export class KycStatusesJSON {
  statuses!: KycStatusJSON[];
}

export const toKycStatusJSON = (
  row: Pick<KycStatusEntity, 'customerId' | 'customerNumber' | 'ok' | 'date'>,
): KycStatusJSON => ({
  customer_id: row.customerId,
  customer_number: row.customerNumber,
  ok: row.ok,
  date: toObpDate(row.date),
});

const post = { customer_number: '5987953', ok: true, date: '2017-09-19T00:00:00Z' };

export const kycStatusExamples = {
  post,
  status: { customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh', ...post },
} satisfies { post: PostKycStatusJSON; status: KycStatusJSON };
