import { Controller, Headers } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { AuthService } from './auth.service';
import { TokenJson } from './dto/token.dto';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ObpEndpoint({
    route: 'POST /my/logins/direct',
    absolutePath: true,
    implementedIn: 'v1.2.1',
    summary: 'Direct Login',
    description:
      'DirectLogin: log in with a username, a password and a consumer key, and get a token for later calls.\n\n' +
      'Send the header `DirectLogin: username=U, password=P, consumer_key=K` (or the deprecated `Authorization: DirectLogin username=U, password=P, consumer_key=K`) and an empty body.\n\n' +
      'Then send the token on every call as `DirectLogin: token=T`, `Authorization: DirectLogin token=T` or `Authorization: Bearer T`.\n\n' +
      'After more than 5 failed attempts the account is locked (OBP-20013) until an administrator unlocks it.\n\n' +
      'Authentication is Optional',
    tags: ['User'],
    checks: [],
    success: {
      status: 201,
      type: TokenJson,
      example: { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl' },
    },
    errors: [
      'MissingDirectLoginHeader',
      'InvalidDirectLoginHeader',
      'DirectLoginMissingParameters',
      'InvalidValueCharacters',
      'InvalidValueLength',
      'ConsumerKeyNotAlphanumeric',
      'ConsumerKeyTooLong',
      'InvalidConsumerKey',
      'InvalidLoginCredentials',
      'UsernameHasBeenLocked',
      'TooManyRequests',
      'UnknownError',
    ],
  })
  directLogin(@Headers() headers: Record<string, string | undefined>): Promise<TokenJson> {
    return this.auth.directLogin(headers);
  }

  @ObpEndpoint({
    route: 'DELETE /my/logins/direct',
    absolutePath: true,
    implementedIn: 'v1.2.1',
    summary: 'Log out (revoke this token)',
    description:
      'Revokes the DirectLogin token sent with this call: it stops working at once. Our extension; OBP tokens only expire.',
    tags: ['User'],
    checks: ['login'],
    success: { status: 204, example: '' },
    errors: ['UnknownError'],
  })
  logout(@CurrentUser() me: Principal): Promise<void> {
    return this.auth.revoke(me.tokenId);
  }
}
