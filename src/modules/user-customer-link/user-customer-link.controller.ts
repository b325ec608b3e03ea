import { Body, Controller, Param } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  CustomerJSONs,
  CustomersWithAttributesJsonV300,
  customerExamples,
} from '../customer/dto/customer.dto';
import {
  CreateUserCustomerLinkJson,
  UserCustomerLinkJson,
  userCustomerLinkExamples,
} from './dto/user-customer-link.dto';
import { UserCustomerLinkService } from './user-customer-link.service';

/** Each customer listed is a read of that customer's personal data (one access event each). */
const customerIdsIn = (answer: { customers: { customer_id: string }[] }): string[] =>
  answer.customers.map((c) => c.customer_id);

/** Links, and the two customer lists that go through them ([P §7.2]). */
@Controller()
export class UserCustomerLinkController {
  constructor(private readonly links: UserCustomerLinkService) {}

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/user_customer_links',
    implementedIn: 'v2.0.0',
    summary: 'Create User Customer Link',
    description:
      'Link a User to a Customer\n\n' +
      'CanCreateUserCustomerLink OR CanCreateUserCustomerLinkAtAnyBank entitlements are required.\n\n' +
      'As OBP documents it and v4.0.0 does (OBP’s v2.0.0 code checks neither login nor roles nor the bank, and answers 200): ' +
      'login, the bank, a role, then the body; then the user (404 OBP-20057), the customer (404 OBP-30046), ' +
      'the customer’s bank, which must be BANK_ID (400 OBP-30252), and the pair, which must be new (400 OBP-30007). ' +
      'A user may be linked to several customers at one bank. Answers 201; clients should accept 200 too.',
    tags: ['Customer', 'User'],
    roles: ['CanCreateUserCustomerLink', 'CanCreateUserCustomerLinkAtAnyBank'],
    checks: ['login', 'bank', 'role', 'body'],
    oldStyle: true,
    body: { type: CreateUserCustomerLinkJson, example: userCustomerLinkExamples.create },
    success: { status: 201, type: UserCustomerLinkJson, example: userCustomerLinkExamples.link },
    errors: [
      'UserNotFoundByUserId',
      'CustomerNotFoundByCustomerId',
      'CustomerNotAtBank',
      'CustomerAlreadyExistsForUser',
      'UnknownError',
    ],
  })
  createUserCustomerLinks(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Body() body: CreateUserCustomerLinkJson,
  ): Promise<UserCustomerLinkJson> {
    return this.links.create(actor, bankId, body);
  }

  @ObpEndpoint({
    route: 'GET /users/current/customers',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Customers for Current User',
    description:
      'Gets all Customers that are linked to a User.\n\n' +
      'Oldest customer first; `{"customers":[]}` when there are none. In this v3.0.0 shape `date_of_birth` and ' +
      '`dob_of_dependants` are `yyyy-MM-dd`.',
    tags: ['Customer', 'User'],
    checks: ['login'],
    paged: true,
    access: { entityType: 'customer', customersIn: customerIdsIn },
    success: {
      status: 200,
      type: CustomersWithAttributesJsonV300,
      example: { customers: [customerExamples.withAttributesV300] },
    },
    errors: ['UnknownError'],
  })
  getCustomersForUser(
    @CurrentUser() me: Principal,
    @Paged() paging: Paging,
  ): Promise<CustomersWithAttributesJsonV300> {
    return this.links.customersOfUserJson(me.userId, paging);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/customers',
    implementedIn: 'v2.1.0',
    summary: 'Get Customers for current User at Bank',
    description:
      'Returns a list of Customers at the Bank that are linked to the currently authenticated User.\n\n' +
      'Oldest customer first; `{"customers":[]}` when there are none.',
    tags: ['Customer'],
    checks: ['login', 'bank'],
    paged: true,
    access: { entityType: 'customer', customersIn: customerIdsIn },
    success: {
      status: 200,
      type: CustomerJSONs,
      example: { customers: [customerExamples.customerV210] },
    },
    errors: ['UnknownError'],
  })
  getCustomersForCurrentUserAtBank(
    @CurrentUser() me: Principal,
    @Param('BANK_ID') bankId: string,
    @Paged() paging: Paging,
  ): Promise<CustomerJSONs> {
    return this.links.customersOfUserAtBankJson(me.userId, bankId, paging);
  }
}
