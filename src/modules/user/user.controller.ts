import { Body, Controller, Param } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import type { ObpEndpointOptions } from '../../common/endpoint/endpoint-registry';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  BadLoginStatusJson,
  CreateUserJson,
  UserJsonV200,
  UserJsonV300,
  UserLockStatusJson,
  UsersJsonV200,
  userExamples,
} from './dto/user.dto';
import { UserLockService } from './user-lock.service';
import { UserService } from './user.service';

const usersExample = { users: [userExamples.user] };

/** OBP's v2.1.0 and v3.0.0 getUsers differ only in their version (both UsersJsonV200). */
const getUsersDoc = {
  summary: 'Get all Users',
  description: 'Get all users, oldest first.',
  tags: ['User'],
  roles: ['CanGetAnyUser'],
  checks: ['login', 'role'],
  paged: true,
  success: { status: 200, type: UsersJsonV200, example: usersExample },
  errors: ['UnknownError'],
} satisfies Partial<ObpEndpointOptions>;

@Controller()
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly locks: UserLockService,
  ) {}

  @ObpEndpoint({
    route: 'POST /users',
    implementedIn: 'v2.0.0',
    servedUntil: 'v5.1.0',
    summary: 'Create User',
    description:
      'Creates OBP user. No authorisation (currently) required.\n\n' +
      'Mimics current webform to Register.\n\n' +
      'Requires username(email) and password.\n\n' +
      'Returns 409 error if username not unique.\n\n' +
      'May require validation of email address. On this server users can log in at once unless USER_ACCOUNT_VALIDATED=false.\n\n' +
      'Password: either 10 to 16 characters with a digit, a lower-case and an upper-case letter and a special character, or 17 to 512 characters.',
    tags: ['User'],
    checks: ['body'],
    body: { type: CreateUserJson, example: userExamples.create },
    success: { status: 201, type: UserJsonV200, example: userExamples.user },
    errors: [
      'InvalidPasswordFormat',
      'InvalidUserField',
      'UserAlreadyExists',
      'TooManyRequests',
      'UnknownError',
    ],
  })
  createUser(@Actor() actor: AuditActor, @Body() body: CreateUserJson): Promise<UserJsonV200> {
    return this.users.createJson(actor, body);
  }

  @ObpEndpoint({
    route: 'GET /users/current',
    implementedIn: 'v2.0.0',
    functionName: 'getCurrentUser',
    // OBP's v3.0.0 getCurrentUser (with views) replaces this one from v3.0.0 on (OBPAPI3_0_0.scala)
    servedUntil: 'v2.2.0',
    summary: 'Get User (Current)',
    description: 'Get the logged in user, with their entitlements.\n\nLogin is required.',
    tags: ['User'],
    checks: ['login'],
    oldStyle: true,
    success: { status: 200, type: UserJsonV200, example: userExamples.user },
    errors: ['UnknownError'],
  })
  getCurrentUserV200(@CurrentUser() me: Principal): Promise<UserJsonV200> {
    return this.users.byIdJson(me.userId);
  }

  @ObpEndpoint({
    route: 'GET /users/current',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get User (Current)',
    description: 'Get the logged in user, with their entitlements.',
    tags: ['User'],
    checks: ['login'],
    success: {
      status: 200,
      type: UserJsonV300,
      example: { ...userExamples.user, views: { list: [] } },
    },
    errors: ['UnknownError'],
  })
  getCurrentUser(@CurrentUser() me: Principal): Promise<UserJsonV300> {
    return this.users.currentJson(me.userId);
  }

  @ObpEndpoint({
    route: 'GET /users/user_id/USER_ID',
    implementedIn: 'v3.0.0',
    summary: 'Get User by USER_ID',
    description: 'Get user by USER_ID.',
    tags: ['User'],
    roles: ['CanGetAnyUser'],
    checks: ['login', 'role'],
    success: { status: 200, type: UserJsonV200, example: userExamples.user },
    errors: ['UserNotFoundByUserId', 'UnknownError'],
  })
  getUserByUserId(@Param('USER_ID') userId: string): Promise<UserJsonV200> {
    return this.users.byIdJson(userId);
  }

  @ObpEndpoint({
    route: 'GET /users/username/USERNAME',
    implementedIn: 'v3.0.0',
    // OBPAPI5_1_0.scala excludes it: v5.1.0 has its own with PROVIDER in the path
    servedUntil: 'v5.0.0',
    summary: 'Get User by USERNAME',
    description: 'Get user by USERNAME (local users only).',
    tags: ['User'],
    roles: ['CanGetAnyUser'],
    checks: ['login', 'role'],
    success: { status: 200, type: UserJsonV200, example: userExamples.user },
    errors: ['UserNotFoundByProviderAndUsername', 'UnknownError'],
  })
  getUserByUsername(@Param('USERNAME') username: string): Promise<UserJsonV200> {
    return this.users.byUsernameJson(username);
  }

  @ObpEndpoint({
    route: 'GET /users/email/EMAIL/terminator',
    implementedIn: 'v3.0.0',
    summary: 'Get Users by Email Address',
    description: 'Get users by email address. An unknown address gives an empty list.',
    tags: ['User'],
    roles: ['CanGetAnyUser'],
    checks: ['login', 'role'],
    paged: true,
    success: { status: 200, type: UsersJsonV200, example: usersExample },
    errors: ['UnknownError'],
  })
  getUser(@Param('EMAIL') email: string, @Paged() paging: Paging): Promise<UsersJsonV200> {
    return this.users.byEmailJson(email, paging);
  }

  @ObpEndpoint({
    route: 'GET /users',
    implementedIn: 'v2.1.0',
    functionName: 'getUsers',
    // OBPAPI3_0_0.scala serves Implementations3_0_0.getUsers instead (the same UsersJsonV200)
    servedUntil: 'v2.2.0',
    ...getUsersDoc,
  })
  getUsersV210(@Paged() paging: Paging): Promise<UsersJsonV200> {
    return this.users.allJson(paging);
  }

  @ObpEndpoint({
    route: 'GET /users',
    implementedIn: 'v3.0.0',
    ...getUsersDoc,
  })
  getUsers(@Paged() paging: Paging): Promise<UsersJsonV200> {
    return this.users.allJson(paging);
  }

  @ObpEndpoint({
    route: 'GET /users/USERNAME/lock-status',
    implementedIn: 'v3.1.0',
    // OBPAPI5_1_0.scala excludes it: v5.1.0 has its own with PROVIDER in the path
    servedUntil: 'v5.0.0',
    summary: 'Get User Lock Status',
    description: 'Get the failed-login count of the user specified by USERNAME.',
    tags: ['User'],
    roles: ['CanReadUserLockedStatus'],
    checks: ['login', 'role'],
    success: { status: 200, type: BadLoginStatusJson, example: UserLockService.example },
    errors: ['UserNotFoundByProviderAndUsername', 'UnknownError'],
  })
  getBadLoginStatus(@Param('USERNAME') username: string): Promise<BadLoginStatusJson> {
    return this.locks.status(username);
  }

  @ObpEndpoint({
    route: 'PUT /users/USERNAME/lock-status',
    implementedIn: 'v3.1.0',
    // OBPAPI5_1_0.scala excludes it: v5.1.0 has its own with PROVIDER in the path
    servedUntil: 'v5.0.0',
    summary: 'Unlock the user',
    description: 'Unlock a user: resets the failed-login count and clears any lock.',
    tags: ['User'],
    roles: ['CanUnlockUser'],
    checks: ['login', 'role'],
    success: { status: 200, type: BadLoginStatusJson, example: UserLockService.example },
    errors: ['UserNotFoundByProviderAndUsername', 'UnknownError'],
  })
  unlockUser(
    @Actor() actor: AuditActor,
    @Param('USERNAME') username: string,
  ): Promise<BadLoginStatusJson> {
    return this.locks.unlock(actor, username);
  }

  @ObpEndpoint({
    route: 'POST /users/USERNAME/locks',
    implementedIn: 'v4.0.0',
    // OBPAPI5_1_0.scala excludes it: v5.1.0 has its own with PROVIDER in the path
    servedUntil: 'v5.0.0',
    summary: 'Lock the user',
    description:
      'Lock the user specified by USERNAME: DirectLogin and their tokens stop working until unlocked.',
    tags: ['User'],
    roles: ['CanLockUser'],
    checks: ['login', 'role'],
    success: { status: 200, type: UserLockStatusJson, example: UserLockService.lockExample },
    errors: ['UserNotFoundByProviderAndUsername', 'UnknownError'],
  })
  lockUser(
    @Actor() actor: AuditActor,
    @Param('USERNAME') username: string,
  ): Promise<UserLockStatusJson> {
    return this.locks.lock(actor, username);
  }
}
