import type { ObpRequest, Principal } from '../../common/auth/principal';
import { type Role, requiresBankId } from '../../common/auth/roles';
import type { Check, EndpointDefinition } from '../../common/endpoint/endpoint-registry';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { validateBody } from '../../common/wire/validation';

/**
 * Everything the checks of one request need, read at once (one SQL round trip, AccessService);
 * the checks then decide in the endpoint's declared order, so OBP's check order and texts stay.
 */
export interface AccessFacts {
  /**
   * The caller, or what makes the `login` check refuse (no token, bad token, revoked, locked): a
   * function, so that an exception (and its stack trace) is only made when it is thrown.
   */
  login: { principal: Principal } | { error: () => ObpException };
  hasRole: boolean;
  bankExists: boolean;
  customerExists: boolean;
  userExists: boolean;
}

/**
 * The OBP-20006 text ([P §9.4]): one role → `<Role> at Bank(<id>)` or `<Role>`; any-of → joined with
 * ` or `, plus ` for BankId(<id>).` when one of them is a bank role (not for the `plain` form).
 */
export function missingRolesSuffix(
  roles: Role[],
  bankId: string | undefined,
  form: 'anyOf' | 'plain' = 'anyOf',
): string {
  if (roles.length === 1) {
    const [role] = roles;
    return requiresBankId(role) && bankId !== undefined ? `${role} at Bank(${bankId})` : role;
  }
  const anyBankRole = form === 'anyOf' && roles.some(requiresBankId);
  return (
    roles.join(' or ') + (anyBankRole && bankId !== undefined ? ` for BankId(${bankId}).` : '')
  );
}

/** A check throws an ObpException to refuse; every fact it needs is already in `facts`. */
type CheckFn = (req: ObpRequest, def: EndpointDefinition, facts: AccessFacts) => void;

export const pathParam = (req: ObpRequest, name: string): string | undefined =>
  (req.params as Record<string, string | undefined>)[name];

export const CHECKS: Record<Check, CheckFn> = {
  login(req, _def, facts) {
    if ('error' in facts.login) throw facts.login.error();
    req.user = facts.login.principal;
    req.raw.user = facts.login.principal; // for the request log
  },
  consumer(req) {
    if (!req.user?.consumerId) throw new ObpException(ObpError.InvalidConsumerCredentials);
  },
  bank(req, _def, facts) {
    if (!facts.bankExists) {
      throw new ObpException(
        ObpError.BankNotFound,
        ` Current BankId is ${pathParam(req, 'BANK_ID') ?? ''}`,
      );
    }
  },
  role(req, def, facts) {
    const roles = def.roles ?? [];
    if (roles.length === 0) return;
    if (!req.user || !facts.hasRole) {
      throw new ObpException(
        ObpError.UserHasMissingRoles,
        missingRolesSuffix(roles, pathParam(req, 'BANK_ID'), def.missingRolesText),
      );
    }
  },
  customer(req, _def, facts) {
    if (!facts.customerExists) {
      throw new ObpException(
        ObpError.CustomerNotFoundByCustomerId,
        `. Current CustomerId(${pathParam(req, 'CUSTOMER_ID') ?? ''})`,
      );
    }
  },
  user(req, _def, facts) {
    if (!facts.userExists) {
      throw new ObpException(
        ObpError.UserNotFoundById,
        ` Current USER_ID(${pathParam(req, 'USER_ID') ?? ''})`,
      );
    }
  },
  body(req, def) {
    if (!def.body) return;
    const body = validateBody(def.body.type, req.body, def.body.jsonName);
    def.body.afterValidate?.(body as never);
    req.body = body;
  },
};

export function runChecks(req: ObpRequest, def: EndpointDefinition, facts: AccessFacts): void {
  for (const check of def.checks) CHECKS[check](req, def, facts);
}
