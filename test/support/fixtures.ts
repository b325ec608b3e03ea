import type { PostCustomerJsonV310 } from '../../src/modules/customer/dto/customer.dto';

/** The resource-doc example body of POST /banks/BANK_ID/customers ([T] §5), with `overrides`. */
export const customerPostBody = (
  overrides: Partial<PostCustomerJsonV310> = {},
): PostCustomerJsonV310 => ({
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
  ...overrides,
});
