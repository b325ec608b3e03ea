import { IsArray, IsOptional, IsString } from 'class-validator';
import { ObpError } from '../../../common/errors/obp-errors';
import { ObpException } from '../../../common/errors/obp.exception';
import { toObpDate } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { CustomerAddressEntity } from '../customer-address.entity';

/** OBP stores the tags comma-joined in a 20-character column ([K §3]). */
const TAGS_WIDTH = 20;

/** Body of POST .../address and PUT .../addresses/CUSTOMER_ADDRESS_ID; lengths are OBP's columns. */
export class PostCustomerAddressJsonV310 {
  @ObpString(255) line_1!: string;
  @ObpString(255) line_2!: string;
  @ObpString(255) line_3!: string;
  @ObpString(255) city!: string;
  @ObpString(255) county!: string;
  @ObpString(255) state!: string;
  @ObpString(20) postcode!: string;
  @ObpString(2) country_code!: string;
  /** A missing or null list is empty, as in OBP ([K §0.2]). */
  @IsOptional() @IsArray() @IsString({ each: true }) tags?: string[];
  @ObpString(20) status!: string;
}

/** The joined tags must fit OBP's column ([K §9] item 3). */
export function assertTagsFit(body: PostCustomerAddressJsonV310): void {
  const joined = (body.tags ?? []).join(',');
  if (joined.length > TAGS_WIDTH) {
    throw new ObpException(
      ObpError.InvalidJsonBody,
      `PostCustomerAddressJsonV310 (tags joined with commas must be shorter than or equal to ${TAGS_WIDTH} characters)`,
    );
  }
}

export class CustomerAddressJsonV310 {
  customer_address_id!: string;
  customer_id!: string;
  line_1!: string;
  line_2!: string;
  line_3!: string;
  city!: string;
  county!: string;
  state!: string;
  postcode!: string;
  country_code!: string;
  tags!: string[];
  status!: string;
  insert_date!: string;
}

export class CustomerAddressesJsonV310 {
  addresses!: CustomerAddressJsonV310[];
}

export const addressColumns = (
  body: PostCustomerAddressJsonV310,
): Pick<
  CustomerAddressEntity,
  | 'line1'
  | 'line2'
  | 'line3'
  | 'city'
  | 'county'
  | 'state'
  | 'postcode'
  | 'countryCode'
  | 'tags'
  | 'status'
> => ({
  line1: body.line_1,
  line2: body.line_2,
  line3: body.line_3,
  city: body.city,
  county: body.county,
  state: body.state,
  postcode: body.postcode,
  countryCode: body.country_code,
  tags: body.tags ?? [],
  status: body.status,
});

export const toCustomerAddressJsonV310 = (a: CustomerAddressEntity): CustomerAddressJsonV310 => ({
  customer_address_id: a.id,
  customer_id: a.customerId,
  line_1: a.line1,
  line_2: a.line2,
  line_3: a.line3,
  city: a.city,
  county: a.county,
  state: a.state,
  postcode: a.postcode,
  country_code: a.countryCode,
  tags: a.tags,
  status: a.status,
  insert_date: toObpDate(a.createdAt),
});

const post = {
  line_1: 'No 1 the Road',
  line_2: 'The Place',
  line_3: 'The Hill',
  city: 'Berlin',
  county: '',
  state: 'Brandenburg',
  postcode: '13359',
  country_code: 'DE',
  tags: ['mailing', 'home'],
  status: 'OK',
};

const address = {
  customer_address_id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
  customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
  ...post,
  insert_date: '2024-10-01T10:00:00Z',
};

export const customerAddressExamples = {
  post,
  address,
  list: { addresses: [address] },
} satisfies {
  post: PostCustomerAddressJsonV310;
  address: CustomerAddressJsonV310;
  list: CustomerAddressesJsonV310;
};
