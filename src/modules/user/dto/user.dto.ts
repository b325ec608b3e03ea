import { ObpString } from '../../../common/wire/obp-string';
import type { EntitlementJsonV200 } from '../../entitlement/dto/entitlement.dto';

/**
 * Body of POST /users (OBP's CreateUserJson). The lengths of email, username and password are the
 * service's rules (OBP answers OBP-50005 / OBP-30207 for them, not OBP-10001).
 */
export class CreateUserJson {
  @ObpString() email!: string;
  @ObpString() username!: string;
  @ObpString() password!: string;
  @ObpString(100) first_name!: string;
  @ObpString(100) last_name!: string;
}

export class EntitlementListJson {
  list!: EntitlementJsonV200[];
}

export class UserJsonV200 {
  user_id!: string;
  email!: string;
  provider_id!: string;
  provider!: string;
  username!: string;
  entitlements!: EntitlementListJson;
}

export class ViewListJson {
  list!: { bank_id: string; account_id: string; view_id: string }[];
}

export class UserJsonV300 extends UserJsonV200 {
  views!: ViewListJson;
}

export class UsersJsonV200 {
  users!: UserJsonV200[];
}

/** OBP's BadLoginStatusJson (lock-status endpoints). */
export class BadLoginStatusJson {
  username!: string;
  bad_attempts_since_last_success_or_reset!: number;
  last_failure_date!: string;
}

/** OBP's UserLockStatusJson (v4.0.0 lockUser). */
export class UserLockStatusJson {
  user_id!: string;
  type_of_lock!: string;
  last_lock_date!: string;
}

export const userExamples = {
  create: {
    email: 'felixsmith@example.com',
    username: 'felixsmith',
    password: 'Str0ng!Passw0rd',
    first_name: 'Felix',
    last_name: 'Smith',
  },
  user: {
    user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
    email: 'felixsmith@example.com',
    provider_id: 'felixsmith',
    provider: 'http://127.0.0.1:8080',
    username: 'felixsmith',
    entitlements: { list: [] },
  },
} satisfies { create: CreateUserJson; user: UserJsonV200 };
