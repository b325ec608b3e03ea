import { ObpString } from '../../../common/wire/obp-string';
import type { UserJsonV200 } from '../../user/dto/user.dto';

/** Body of POST /users/USER_ID/entitlements. `bank_id` is "" for a system role. */
export class CreateEntitlementJSON {
  @ObpString(255) bank_id!: string;
  @ObpString(255) role_name!: string;
}

/** Body of POST /entitlement-requests. */
export class CreateEntitlementRequestJSON {
  @ObpString(255) bank_id!: string;
  @ObpString(255) role_name!: string;
}

export class EntitlementJsonV200 {
  entitlement_id!: string;
  role_name!: string;
  bank_id!: string;
}

export class EntitlementsJsonV200 {
  list!: EntitlementJsonV200[];
}

export class EntitlementJsonV310 extends EntitlementJsonV200 {
  user_id!: string;
  username!: string;
}

export class EntitlementsJsonV310 {
  list!: EntitlementJsonV310[];
}

export class RoleJson {
  role!: string;
  requires_bank_id!: boolean;
}

export class AvailableRolesJson {
  roles!: RoleJson[];
}

export class EntitlementRequestJson {
  entitlement_request_id!: string;
  user!: UserJsonV200;
  role_name!: string;
  bank_id!: string;
  created!: string;
}

export class EntitlementRequestsJson {
  entitlement_requests!: EntitlementRequestJson[];
}

const user = {
  user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  email: 'felixsmith@example.com',
  provider_id: 'felixsmith',
  provider: 'http://127.0.0.1:8080',
  username: 'felixsmith',
  entitlements: { list: [] },
};

export const entitlementExamples = {
  create: { bank_id: 'gh.29.uk', role_name: 'CanCreateCustomer' },
  entitlement: {
    entitlement_id: '6fb17583-1e49-4435-bb74-a14fe0996723',
    role_name: 'CanCreateCustomer',
    bank_id: 'gh.29.uk',
  },
  request: {
    entitlement_request_id: '6fb17583-1e49-4435-bb74-a14fe0996723',
    user,
    role_name: 'CanCreateCustomer',
    bank_id: 'gh.29.uk',
    created: '2024-10-01T10:00:00Z',
  },
} satisfies {
  create: CreateEntitlementJSON;
  entitlement: EntitlementJsonV200;
  request: EntitlementRequestJson;
};
