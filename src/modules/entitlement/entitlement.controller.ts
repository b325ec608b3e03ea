import { Body, Controller, Param, Query } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  AvailableRolesJson,
  CreateEntitlementJSON,
  CreateEntitlementRequestJSON,
  EntitlementJsonV200,
  EntitlementRequestJson,
  EntitlementRequestsJson,
  EntitlementsJsonV200,
  EntitlementsJsonV310,
  entitlementExamples,
} from './dto/entitlement.dto';
import { EntitlementService } from './entitlement.service';

const list = { list: [entitlementExamples.entitlement] };
const requests = { entitlement_requests: [entitlementExamples.request] };

@Controller()
export class EntitlementController {
  constructor(private readonly entitlements: EntitlementService) {}

  @ObpEndpoint({
    route: 'POST /users/USER_ID/entitlements',
    implementedIn: 'v2.0.0',
    summary: 'Add Entitlement for a User',
    description:
      'Create Entitlement. Grant Role to User.\n\n' +
      'Entitlements are used to grant System or Bank level roles to Users. For a System level Role (.e.g CanGetAnyUser) set bank_id to an empty string i.e. "bank_id":""\n\n' +
      'For a Bank level Role (e.g. CanCreateAccount), set bank_id to a valid value e.g. "bank_id":"my-bank-id"\n\n' +
      'Authentication is required and the user needs to be a Super Admin. Super Admins are listed in the Props file. ' +
      'Alternatively the user can hold CanCreateEntitlementAtAnyBank, or CanCreateEntitlementAtOneBank at the bank of the new entitlement.',
    tags: ['Role', 'Entitlement', 'User'],
    checks: ['login', 'user', 'body'],
    body: { type: CreateEntitlementJSON, example: entitlementExamples.create },
    success: { status: 201, type: EntitlementJsonV200, example: entitlementExamples.entitlement },
    errors: [
      'IncorrectRoleName',
      'EntitlementIsBankRole',
      'EntitlementIsSystemRole',
      'UserNotSuperAdmin',
      'BankNotFound',
      'EntitlementAlreadyExists',
      'UnknownError',
    ],
  })
  addEntitlement(
    @Actor() actor: AuditActor,
    @CurrentUser() me: Principal,
    @Param('USER_ID') userId: string,
    @Body() body: CreateEntitlementJSON,
  ): Promise<EntitlementJsonV200> {
    return this.entitlements.grantJson(actor, me.userId, userId, body);
  }

  @ObpEndpoint({
    route: 'GET /users/USER_ID/entitlements',
    implementedIn: 'v2.0.0',
    summary: 'Get Entitlements for User',
    description: 'Get the entitlements of the user specified by USER_ID.',
    tags: ['Role', 'Entitlement', 'User'],
    roles: ['CanGetEntitlementsForAnyUserAtAnyBank'],
    checks: ['login', 'role'],
    paged: true,
    oldStyle: true,
    success: { status: 200, type: EntitlementsJsonV200, example: list },
    errors: ['UnknownError'],
  })
  getEntitlements(
    @Param('USER_ID') userId: string,
    @Paged() paging: Paging,
  ): Promise<EntitlementsJsonV200> {
    return this.entitlements.listJson(userId, paging);
  }

  @ObpEndpoint({
    route: 'DELETE /users/USER_ID/entitlement/ENTITLEMENT_ID',
    implementedIn: 'v2.0.0',
    summary: 'Delete Entitlement',
    description:
      'Delete the entitlement specified by ENTITLEMENT_ID of the user specified by USER_ID. Answers 204 with no body.',
    tags: ['Role', 'Entitlement', 'User'],
    roles: ['CanDeleteEntitlementAtAnyBank'],
    checks: ['login', 'role'],
    success: { status: 204, example: '' },
    errors: [
      'EntitlementNotFound',
      'UserDoesNotHaveEntitlement',
      'EntitlementCannotBeDeleted',
      'UnknownError',
    ],
  })
  deleteEntitlement(
    @Actor() actor: AuditActor,
    @Param('USER_ID') userId: string,
    @Param('ENTITLEMENT_ID') entitlementId: string,
  ): Promise<void> {
    return this.entitlements.delete(actor, userId, entitlementId);
  }

  @ObpEndpoint({
    route: 'GET /roles',
    implementedIn: 'v2.1.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Roles',
    description: 'Returns all available roles, sorted by name, and whether each needs a bank_id.',
    tags: ['Role'],
    checks: ['login'],
    success: {
      status: 200,
      type: AvailableRolesJson,
      example: { roles: [{ role: 'CanAddKycCheck', requires_bank_id: true }] },
    },
    errors: ['UnknownError'],
  })
  getRoles(): AvailableRolesJson {
    return this.entitlements.rolesJson();
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/users/USER_ID/entitlements',
    implementedIn: 'v2.1.0',
    summary: 'Get Entitlements for User at Bank',
    description:
      'Get the entitlements of the user specified by USER_ID at the bank specified by BANK_ID.',
    tags: ['Role', 'Entitlement', 'User'],
    roles: ['CanGetEntitlementsForAnyUserAtOneBank', 'CanGetEntitlementsForAnyUserAtAnyBank'],
    missingRolesText: 'plain',
    checks: ['login', 'bank', 'user', 'role'],
    paged: true,
    success: { status: 200, type: EntitlementsJsonV200, example: list },
    errors: ['UnknownError'],
  })
  getEntitlementsByBankAndUser(
    @Param('BANK_ID') bankId: string,
    @Param('USER_ID') userId: string,
    @Paged() paging: Paging,
  ): Promise<EntitlementsJsonV200> {
    return this.entitlements.listJson(userId, paging, bankId);
  }

  @ObpEndpoint({
    route: 'GET /my/entitlements',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Entitlements for the current User',
    description: 'Get the entitlements of the logged in user.',
    tags: ['Role', 'Entitlement', 'User'],
    checks: ['login'],
    paged: true,
    success: { status: 200, type: EntitlementsJsonV200, example: list },
    errors: ['UnknownError'],
  })
  getEntitlementsForCurrentUser(
    @CurrentUser() me: Principal,
    @Paged() paging: Paging,
  ): Promise<EntitlementsJsonV200> {
    return this.entitlements.myJson(me.userId, paging);
  }

  @ObpEndpoint({
    route: 'GET /entitlements',
    implementedIn: 'v2.0.0',
    functionName: 'getAllEntitlements',
    // OBPAPI3_1_0.scala serves Implementations3_1_0.getAllEntitlements (with user_id, username) instead
    servedUntil: 'v3.0.0',
    summary: 'Get all Entitlements',
    description: 'Get all entitlements of all users.',
    tags: ['Role', 'Entitlement'],
    roles: ['CanGetEntitlementsForAnyUserAtAnyBank'],
    checks: ['login', 'role'],
    paged: true,
    success: { status: 200, type: EntitlementsJsonV200, example: list },
    errors: ['UnknownError'],
  })
  getAllEntitlementsV200(@Paged() paging: Paging): Promise<EntitlementsJsonV200> {
    return this.entitlements.allJsonV200(paging);
  }

  @ObpEndpoint({
    route: 'GET /entitlements',
    implementedIn: 'v3.1.0',
    summary: 'Get all Entitlements',
    description:
      'Get all entitlements, optionally only those of one role (`?role=CanGetCustomer`).',
    tags: ['Role', 'Entitlement'],
    roles: ['CanGetEntitlementsForAnyUserAtAnyBank'],
    checks: ['login', 'role'],
    paged: true,
    query: [{ name: 'role', description: 'Only entitlements of this role' }],
    success: {
      status: 200,
      type: EntitlementsJsonV310,
      example: {
        list: [
          {
            ...entitlementExamples.entitlement,
            user_id: entitlementExamples.request.user.user_id,
            username: 'felixsmith',
          },
        ],
      },
    },
    errors: ['UnknownError'],
  })
  getAllEntitlements(
    @Paged() paging: Paging,
    @Query('role') role?: string,
  ): Promise<EntitlementsJsonV310> {
    return this.entitlements.allJson(
      paging,
      typeof role === 'string' && role !== '' ? role : undefined,
    );
  }

  @ObpEndpoint({
    route: 'POST /entitlement-requests',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Create Entitlement Request for current User',
    description:
      'Create an Entitlement Request: ask for a role. Any logged in user may ask; an administrator grants the role and deletes the request.',
    tags: ['Role', 'Entitlement', 'User'],
    checks: ['login', 'body'],
    body: { type: CreateEntitlementRequestJSON, example: entitlementExamples.create },
    success: { status: 201, type: EntitlementRequestJson, example: entitlementExamples.request },
    errors: [
      'BankNotFound',
      'IncorrectRoleName',
      'EntitlementIsBankRole',
      'EntitlementIsSystemRole',
      'EntitlementRequestAlreadyExists',
      'EntitlementRequestCannotBeAdded',
      'UnknownError',
    ],
  })
  addEntitlementRequest(
    @CurrentUser() me: Principal,
    @Body() body: CreateEntitlementRequestJSON,
  ): Promise<EntitlementRequestJson> {
    return this.entitlements.createRequestJson(me.userId, body);
  }

  @ObpEndpoint({
    route: 'GET /entitlement-requests',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get all Entitlement Requests',
    description: 'Get all entitlement requests, oldest first.',
    tags: ['Role', 'Entitlement', 'User'],
    roles: ['CanGetEntitlementRequestsAtAnyBank'],
    checks: ['login', 'role'],
    paged: true,
    success: { status: 200, type: EntitlementRequestsJson, example: requests },
    errors: ['UnknownError'],
  })
  getAllEntitlementRequests(@Paged() paging: Paging): Promise<EntitlementRequestsJson> {
    return this.entitlements.requestsJson(paging);
  }

  @ObpEndpoint({
    route: 'GET /users/USER_ID/entitlement-requests',
    implementedIn: 'v3.0.0',
    summary: 'Get Entitlement Requests for a User',
    description: 'Get the entitlement requests of the user specified by USER_ID.',
    tags: ['Role', 'Entitlement', 'User'],
    roles: ['CanGetEntitlementRequestsAtAnyBank'],
    checks: ['login', 'role'],
    paged: true,
    success: { status: 200, type: EntitlementRequestsJson, example: requests },
    errors: ['UnknownError'],
  })
  getEntitlementRequests(
    @Param('USER_ID') userId: string,
    @Paged() paging: Paging,
  ): Promise<EntitlementRequestsJson> {
    return this.entitlements.requestsJson(paging, userId);
  }

  @ObpEndpoint({
    route: 'GET /my/entitlement-requests',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Entitlement Requests for the current User',
    description: 'Get the entitlement requests of the logged in user.',
    tags: ['Role', 'Entitlement', 'User'],
    checks: ['login'],
    paged: true,
    success: { status: 200, type: EntitlementRequestsJson, example: requests },
    errors: ['UnknownError'],
  })
  getEntitlementRequestsForCurrentUser(
    @CurrentUser() me: Principal,
    @Paged() paging: Paging,
  ): Promise<EntitlementRequestsJson> {
    return this.entitlements.requestsJson(paging, me.userId);
  }

  @ObpEndpoint({
    route: 'DELETE /entitlement-requests/ENTITLEMENT_REQUEST_ID',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Delete Entitlement Request',
    description:
      'Delete the entitlement request specified by ENTITLEMENT_REQUEST_ID. Answers 200 with the body `true`.',
    tags: ['Role', 'Entitlement', 'User'],
    roles: ['CanDeleteEntitlementRequestsAtAnyBank'],
    checks: ['login', 'role'],
    success: { status: 200, example: true },
    errors: ['EntitlementRequestNotFound', 'UnknownError'],
  })
  deleteEntitlementRequest(@Param('ENTITLEMENT_REQUEST_ID') requestId: string): Promise<true> {
    return this.entitlements.deleteRequest(requestId);
  }
}
