import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ObpRequest } from '../../common/auth/principal';
import type { EndpointDefinition } from '../../common/endpoint/endpoint-registry';
import { OBP_ENDPOINT } from '../../common/endpoint/obp-endpoint.decorator';
import { IS_PUBLIC } from '../../common/endpoint/public.decorator';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { runChecks } from './access-checks';
import { AccessService } from './access.service';

/**
 * The one global guard: reads every fact an endpoint's checks need in one query, then runs the
 * checks in the declared order. A route with neither `@ObpEndpoint` nor `@Public()` is refused, so
 * nothing ships unguarded by accident.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    const def = this.reflector.get<EndpointDefinition | undefined>(OBP_ENDPOINT, handler);
    if (!def) {
      if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, context.getClass()])) {
        return true;
      }
      throw new ObpException(
        ObpError.UnexpectedCondition,
        ' This route declares no access policy.',
      );
    }
    const req = context.switchToHttp().getRequest<ObpRequest>();
    runChecks(req, def, await this.access.facts(req, def));
    return true;
  }
}
