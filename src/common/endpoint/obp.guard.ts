import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { ObpRequest } from '../auth/principal';
import { ObpError } from '../errors/obp-errors';
import { ObpException } from '../errors/obp.exception';
import { AuthService } from '../../modules/auth/auth.service';
import { BankService } from '../../modules/bank/bank.service';
import { CustomerService } from '../../modules/customer/customer.service';
import { EntitlementService } from '../../modules/entitlement/entitlement.service';
import { UserService } from '../../modules/user/user.service';
import { type CheckServices, runChecks } from './checks';
import type { EndpointDefinition } from './endpoint-registry';
import { OBP_ENDPOINT } from './obp-endpoint.decorator';
import { IS_PUBLIC } from './public.decorator';

/**
 * The one global guard: runs an endpoint's checks in its declared order. A route with neither
 * `@ObpEndpoint` nor `@Public()` is refused, so nothing ships unguarded by accident.
 */
@Injectable()
export class ObpGuard implements CanActivate {
  private services?: CheckServices;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const def = this.reflector.getAllAndOverride<EndpointDefinition | undefined>(
      OBP_ENDPOINT,
      targets,
    );
    if (!def) {
      if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
      throw new ObpException(
        ObpError.UnexpectedCondition,
        ' This route declares no access policy.',
      );
    }
    await runChecks(context.switchToHttp().getRequest<ObpRequest>(), def, this.checkServices());
    return true;
  }

  private checkServices(): CheckServices {
    if (this.services) return this.services;
    const get = <T>(type: new (...args: never[]) => T): T =>
      this.moduleRef.get(type, { strict: false });
    const auth = get(AuthService);
    const banks = get(BankService);
    const entitlements = get(EntitlementService);
    const customers = get(CustomerService);
    const users = get(UserService);
    this.services = {
      authenticate: (req, oldStyle) => auth.authenticate(req, oldStyle),
      bankExists: (bankId) => banks.exists(bankId),
      hasAnyRole: (userId, roles, bankId) => entitlements.hasAnyRole(userId, roles, bankId),
      customerExists: (customerId, bankId) => customers.exists(customerId, bankId),
      userExists: (userId) => users.exists(userId),
    };
    return this.services;
  }
}
