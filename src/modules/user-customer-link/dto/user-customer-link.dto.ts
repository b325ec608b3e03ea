import { toObpDate } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { UserCustomerLinkEntity } from '../user-customer-link.entity';

/** Body of POST /banks/BANK_ID/user_customer_links. */
export class CreateUserCustomerLinkJson {
  @ObpString(255) user_id!: string;
  @ObpString(255) customer_id!: string;
}

export class UserCustomerLinkJson {
  user_customer_link_id!: string;
  customer_id!: string;
  user_id!: string;
  date_inserted!: string;
  is_active!: boolean;
}

export const toUserCustomerLinkJson = (l: UserCustomerLinkEntity): UserCustomerLinkJson => ({
  user_customer_link_id: l.id,
  customer_id: l.customerId,
  user_id: l.userId,
  date_inserted: toObpDate(l.createdAt),
  is_active: l.isActive,
});

const create = {
  user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
};

export const userCustomerLinkExamples = {
  create,
  link: {
    user_customer_link_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b2',
    ...create,
    date_inserted: '2024-10-01T10:00:00Z',
    is_active: true,
  },
} satisfies { create: CreateUserCustomerLinkJson; link: UserCustomerLinkJson };
