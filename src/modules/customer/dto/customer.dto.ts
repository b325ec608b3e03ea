import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsObject, ValidateNested } from 'class-validator';
import { ObpError } from '../../../common/errors/obp-errors';
import { ObpException } from '../../../common/errors/obp.exception';
import { IsObpDate, parseObpDate, toObpDate, toObpDay } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { CustomerEntity } from '../customer.entity';

// Lengths are the widths of OBP's MappedCustomer columns ([K §9] item 3).

export class CustomerFaceImageJson {
  @ObpString(2000) url!: string;
  @IsObpDate() date!: string;
}

export class CustomerCreditRatingJSON {
  @ObpString(100) rating!: string;
  @ObpString(100) source!: string;
}

export class AmountOfMoneyJsonV121 {
  @ObpString(100) currency!: string;
  @ObpString(100) amount!: string;
}

/** Body of POST /banks/BANK_ID/customers ([P §5.1]); every field is required. */
export class PostCustomerJsonV310 {
  @ObpString(255) legal_name!: string;
  @ObpString(50) mobile_phone_number!: string;
  @ObpString(200) email!: string;
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerFaceImageJson)
  face_image!: CustomerFaceImageJson;
  @IsObpDate() date_of_birth!: string;
  @ObpString(16) relationship_status!: string;
  @IsInt() dependants!: number;
  @IsArray() @IsObpDate({ each: true }) dob_of_dependants!: string[];
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerCreditRatingJSON)
  credit_rating!: CustomerCreditRatingJSON;
  @IsObject()
  @ValidateNested()
  @Type(() => AmountOfMoneyJsonV121)
  credit_limit!: AmountOfMoneyJsonV121;
  @ObpString(32) highest_education_attained!: string;
  @ObpString(32) employment_status!: string;
  @IsBoolean() kyc_status!: boolean;
  @IsObpDate() last_ok_date!: string;
  @ObpString(255) title!: string;
  @ObpString(255) branch_id!: string;
  @ObpString(255) name_suffix!: string;
}

/** createCustomer's rule right after the body (check 5 of [P §5.1]). */
export function assertDependantsMatch(body: PostCustomerJsonV310): void {
  if (body.dependants !== body.dob_of_dependants.length) {
    throw new ObpException(
      ObpError.InvalidJsonValue,
      ` The field dependants(${body.dependants}) not equal the length(${body.dob_of_dependants.length}) of dob_of_dependants array`,
    );
  }
}

/** Body of POST /banks/BANK_ID/customers/customer-number: a lookup, so no width limit (no match → 404). */
export class PostCustomerNumberJsonV310 {
  @ObpString() customer_number!: string;
}

/** Body of PUT /banks/BANK_ID/customers/CUSTOMER_ID/number. */
export class PutUpdateCustomerNumberJsonV310 {
  @ObpString(50) customer_number!: string;
}

/** The v2.1.0 shape: no `title`, `branch_id`, `name_suffix`. */
export class CustomerJsonV210 {
  bank_id!: string;
  customer_id!: string;
  customer_number!: string;
  legal_name!: string;
  mobile_phone_number!: string;
  email!: string;
  face_image!: CustomerFaceImageJson;
  date_of_birth!: string;
  relationship_status!: string;
  dependants!: number;
  dob_of_dependants!: string[];
  credit_rating!: CustomerCreditRatingJSON;
  credit_limit!: AmountOfMoneyJsonV121;
  highest_education_attained!: string;
  employment_status!: string;
  kyc_status!: boolean;
  last_ok_date!: string;
}

export class CustomerJsonV310 extends CustomerJsonV210 {
  title!: string;
  branch_id!: string;
  name_suffix!: string;
}

/** Customer attributes are not served here, so the list is always empty. */
export class CustomerAttributeResponseJsonV300 {
  customer_attribute_id!: string;
  name!: string;
  type!: string;
  value!: string;
}

export class CustomerWithAttributesJsonV310 extends CustomerJsonV310 {
  customer_attributes!: CustomerAttributeResponseJsonV300[];
}

/** The v3.0.0 shape: `date_of_birth` and `dob_of_dependants` are `yyyy-MM-dd` ([P §5.4]). */
export class CustomerWithAttributesJsonV300 extends CustomerWithAttributesJsonV310 {}

export class CustomersWithAttributesJsonV300 {
  customers!: CustomerWithAttributesJsonV300[];
}

export class CustomerJSONs {
  customers!: CustomerJsonV210[];
}

export const toCustomerJsonV310 = (c: CustomerEntity): CustomerJsonV310 => ({
  bank_id: c.bankId,
  customer_id: c.id,
  customer_number: c.customerNumber,
  legal_name: c.legalName,
  mobile_phone_number: c.mobilePhoneNumber,
  email: c.email,
  face_image: { url: c.faceImageUrl, date: toObpDate(c.faceImageDate) },
  date_of_birth: toObpDate(c.dateOfBirth),
  relationship_status: c.relationshipStatus,
  dependants: c.dependants,
  dob_of_dependants: c.dobOfDependants.map(toObpDate),
  credit_rating: { rating: c.creditRatingRating, source: c.creditRatingSource },
  credit_limit: { currency: c.creditLimitCurrency, amount: c.creditLimitAmount },
  highest_education_attained: c.highestEducationAttained,
  employment_status: c.employmentStatus,
  kyc_status: c.kycStatus,
  last_ok_date: toObpDate(c.lastOkDate),
  title: c.title,
  branch_id: c.branchId,
  name_suffix: c.nameSuffix,
});

export const toCustomerWithAttributesJsonV310 = (
  c: CustomerEntity,
): CustomerWithAttributesJsonV310 => ({
  ...toCustomerJsonV310(c),
  customer_attributes: [],
});

export const toCustomerWithAttributesJsonV300 = (
  c: CustomerEntity,
): CustomerWithAttributesJsonV300 => ({
  ...toCustomerWithAttributesJsonV310(c),
  date_of_birth: toObpDay(c.dateOfBirth),
  dob_of_dependants: c.dobOfDependants.map(toObpDay),
});

export const toCustomerJsonV210 = (c: CustomerEntity): CustomerJsonV210 => {
  const {
    title: _title,
    branch_id: _branch,
    name_suffix: _suffix,
    ...v210
  } = toCustomerJsonV310(c);
  return v210;
};

/** The entity columns of a posted customer (the number and ids are the service's). */
export const customerColumns = (
  body: PostCustomerJsonV310,
): Omit<CustomerEntity, 'id' | 'bankId' | 'customerNumber' | 'createdAt' | 'updatedAt'> => ({
  legalName: body.legal_name,
  mobilePhoneNumber: body.mobile_phone_number,
  email: body.email,
  faceImageUrl: body.face_image.url,
  faceImageDate: parseObpDate(body.face_image.date)!,
  dateOfBirth: parseObpDate(body.date_of_birth)!,
  relationshipStatus: body.relationship_status,
  dependants: body.dependants,
  dobOfDependants: body.dob_of_dependants.map((d) => parseObpDate(d)!),
  creditRatingRating: body.credit_rating.rating,
  creditRatingSource: body.credit_rating.source,
  creditLimitCurrency: body.credit_limit.currency,
  creditLimitAmount: body.credit_limit.amount,
  highestEducationAttained: body.highest_education_attained,
  employmentStatus: body.employment_status,
  kycStatus: body.kyc_status,
  lastOkDate: parseObpDate(body.last_ok_date)!,
  title: body.title,
  branchId: body.branch_id,
  nameSuffix: body.name_suffix,
});

const post = {
  legal_name: 'Eveline Tripman',
  mobile_phone_number: '+44 07972 444 876',
  email: 'felixsmith@example.com',
  face_image: { url: 'www.openbankproject', date: '1100-01-01T00:00:00Z' },
  date_of_birth: '1100-01-01T00:00:00Z',
  relationship_status: 'single',
  dependants: 1,
  dob_of_dependants: ['1100-01-01T00:00:00Z'],
  credit_rating: { rating: 'OBP', source: 'OBP' },
  credit_limit: { currency: 'EUR', amount: '0' },
  highest_education_attained: 'Master',
  employment_status: 'worker',
  kyc_status: false,
  last_ok_date: '2023-10-01T00:00:00Z',
  title: 'Dr.',
  branch_id: 'DERBY6',
  name_suffix: 'Sr',
};

const ids = {
  bank_id: 'gh.29.uk',
  customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
  customer_number: '5987953',
};

const customer = {
  ...ids,
  legal_name: post.legal_name,
  mobile_phone_number: post.mobile_phone_number,
  email: post.email,
  face_image: post.face_image,
  date_of_birth: post.date_of_birth,
  relationship_status: post.relationship_status,
  dependants: post.dependants,
  dob_of_dependants: post.dob_of_dependants,
  credit_rating: post.credit_rating,
  credit_limit: post.credit_limit,
  highest_education_attained: post.highest_education_attained,
  employment_status: post.employment_status,
  kyc_status: post.kyc_status,
  last_ok_date: post.last_ok_date,
  title: post.title,
  branch_id: post.branch_id,
  name_suffix: post.name_suffix,
};

const { title: _title, branch_id: _branch, name_suffix: _suffix, ...customerV210 } = customer;

export const customerExamples = {
  post,
  customer,
  withAttributes: { ...customer, customer_attributes: [] },
  withAttributesV300: {
    ...customer,
    date_of_birth: '1100-01-01',
    dob_of_dependants: ['1100-01-01'],
    customer_attributes: [],
  },
  customerV210,
  number: { customer_number: '5987953' },
} satisfies {
  post: PostCustomerJsonV310;
  customer: CustomerJsonV310;
  withAttributes: CustomerWithAttributesJsonV310;
  withAttributesV300: CustomerWithAttributesJsonV300;
  customerV210: CustomerJsonV210;
  number: PostCustomerNumberJsonV310;
};
