import type { Principal, ObpRequest } from '../auth/principal';
import { type Role, requiresBankId } from '../auth/roles';
import { ObpError } from '../errors/obp-errors';
import { ObpException } from '../errors/obp.exception';
import { validateBody } from '../wire/validation';
import type { Check, EndpointDefinition } from './endpoint-registry';

/** What the checks need from the modules; the guard resolves these from the app. */
export interface CheckServices {
  authenticate(req: ObpRequest, oldStyle: boolean): Promise<Principal>;
  bankExists(bankId: string): Promise<boolean>;
  hasAnyRole(userId: string, roles: Role[], bankId: string | undefined): Promise<boolean>;
  /** The customer exists, and (when bankId is given) belongs to that bank ([K §9] item 4). */
  customerExists(customerId: string, bankId: string | undefined): Promise<boolean>;
  userExists(userId: string): Promise<boolean>;
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

/** A check throws an ObpException to refuse; the synchronous ones need not return a promise. */
type CheckFn = (
  req: ObpRequest,
  def: EndpointDefinition,
  services: CheckServices,
) => Promise<void> | void;

const param = (req: ObpRequest, name: string): string | undefined => {
  const value = (req.params as Record<string, string | undefined>)[name];
  return value === undefined ? undefined : value;
};

export const CHECKS: Record<Check, CheckFn> = {
  async login(req, def, services) {
    req.user = await services.authenticate(req, def.oldStyle === true);
  },
  consumer(req) {
    if (!req.user?.consumerId) throw new ObpException(ObpError.InvalidConsumerCredentials);
  },
  async bank(req, _def, services) {
    const bankId = param(req, 'BANK_ID') ?? '';
    if (!(await services.bankExists(bankId))) {
      throw new ObpException(ObpError.BankNotFound, ` Current BankId is ${bankId}`);
    }
  },
  async role(req, def, services) {
    const roles = def.roles ?? [];
    if (roles.length === 0) return;
    const bankId = param(req, 'BANK_ID');
    if (!req.user || !(await services.hasAnyRole(req.user.userId, roles, bankId))) {
      throw new ObpException(
        ObpError.UserHasMissingRoles,
        missingRolesSuffix(roles, bankId, def.missingRolesText),
      );
    }
  },
  async customer(req, _def, services) {
    const customerId = param(req, 'CUSTOMER_ID') ?? '';
    if (!(await services.customerExists(customerId, param(req, 'BANK_ID')))) {
      throw new ObpException(
        ObpError.CustomerNotFoundByCustomerId,
        `. Current CustomerId(${customerId})`,
      );
    }
  },
  async user(req, _def, services) {
    const userId = param(req, 'USER_ID') ?? '';
    if (!(await services.userExists(userId))) {
      throw new ObpException(ObpError.UserNotFoundById, ` Current USER_ID(${userId})`);
    }
  },
  body(req, def) {
    if (!def.body) return;
    const body = validateBody(def.body.type, req.body as unknown, def.body.jsonName);
    def.body.afterValidate?.(body as never);
    req.body = body;
  },
};

export async function runChecks(
  req: ObpRequest,
  def: EndpointDefinition,
  services: CheckServices,
): Promise<void> {
  for (const check of def.checks) await CHECKS[check](req, def, services);
}
