import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ObpRequest } from '../../common/auth/principal';
import { rolesByScope } from '../../common/auth/roles';
import type { Check, EndpointDefinition } from '../../common/endpoint/endpoint-registry';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isStorableText, isUuid } from '../../common/wire/ids';
import {
  type PreparedStatement,
  preparedStatement,
  runPrepared,
} from '../../database/prepared-statement';
import { AuthService, type VerifiedToken } from '../auth/auth.service';
import { isLocked } from '../user/user.service';
import { type AccessFacts, pathParam } from './access-checks';

/** Which facts one request needs; each distinct shape is one named prepared statement. */
interface Shape {
  token: boolean;
  oldStyle: boolean;
  role: boolean;
  bank: boolean;
  customer: boolean;
  /** The route has BANK_ID: the customer must belong to that bank ([K §9] item 4). */
  customerAtBank: boolean;
  user: boolean;
}

const SHAPE_KEYS: (keyof Shape)[] = [
  'token',
  'oldStyle',
  'role',
  'bank',
  'customer',
  'customerAtBank',
  'user',
];

/** The values a statement may take, by name; each statement lists the ones it uses, in order. */
interface Inputs {
  tokenId: string | null;
  tokenUserId: string | null;
  systemRoles: string[];
  bankRoles: string[];
  bankId: string | null;
  customerId: string | null;
  userId: string | null;
}

interface Statement extends PreparedStatement {
  inputs: (keyof Inputs)[];
}

interface FactsRow {
  user_id: string | null;
  consumer_id: string | null;
  expires_at: Date | null;
  username: string | null;
  locked: boolean | null;
  bad_login_attempts: number | null;
  latest_token_id?: string | null;
  has_role?: boolean;
  bank_exists?: boolean;
  customer_exists?: boolean;
  user_exists?: boolean;
}

/**
 * The one SQL statement behind every check: token row → user (and its lock) → roles → bank →
 * customer at that bank → USER_ID, each an indexed look-up, all in one round trip. Nothing is
 * cached, so a revoked token, a lock or a changed entitlement counts at once on every instance.
 */
function buildStatement(shape: Shape): Statement {
  const inputs: (keyof Inputs)[] = [];
  const param = (name: keyof Inputs, type: string): string => {
    let i = inputs.indexOf(name);
    if (i < 0) i = inputs.push(name) - 1;
    return `$${i + 1}::${type}`;
  };
  const columns: string[] = [];
  let from = 'FROM (SELECT 1) AS one';
  if (shape.token) {
    columns.push(
      't.user_id, t.consumer_id, t.expires_at, u.username, u.locked, u.bad_login_attempts',
    );
    from +=
      ` LEFT JOIN auth_token t ON t.id = ${param('tokenId', 'uuid')}` +
      ` AND t.user_id = ${param('tokenUserId', 'uuid')} AND t.revoked_at IS NULL` +
      ' LEFT JOIN app_user u ON u.id = t.user_id';
    if (shape.oldStyle) {
      // old-style endpoints accept only the latest token of the user+consumer pair ([P §1.6])
      columns.push(
        '(SELECT l.id FROM auth_token l WHERE l.user_id = t.user_id AND (l.consumer_id = t.consumer_id' +
          ' OR (l.consumer_id IS NULL AND t.consumer_id IS NULL))' +
          ' ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS latest_token_id',
      );
    }
    if (shape.role) {
      // any-of: a bank role counts only at BANK_ID, a system role only system-wide (bank_id '')
      columns.push(
        'EXISTS (SELECT 1 FROM entitlement e WHERE e.user_id = t.user_id AND (' +
          `(e.role_name = ANY(${param('systemRoles', 'text[]')}) AND e.bank_id = '') OR ` +
          `(e.role_name = ANY(${param('bankRoles', 'text[]')}) AND e.bank_id = ${param('bankId', 'text')}))) AS has_role`,
      );
    }
  }
  if (shape.bank) {
    columns.push(
      `EXISTS (SELECT 1 FROM bank b WHERE b.id = ${param('bankId', 'text')}) AS bank_exists`,
    );
  }
  if (shape.customer) {
    const atBank = shape.customerAtBank ? ` AND c.bank_id = ${param('bankId', 'text')}` : '';
    columns.push(
      `EXISTS (SELECT 1 FROM customer c WHERE c.id = ${param('customerId', 'uuid')}${atBank}) AS customer_exists`,
    );
  }
  if (shape.user) {
    columns.push(
      `EXISTS (SELECT 1 FROM app_user x WHERE x.id = ${param('userId', 'uuid')}) AS user_exists`,
    );
  }
  const key = SHAPE_KEYS.map((k) => (shape[k] ? '1' : '0')).join('');
  return {
    ...preparedStatement(`obp_access_${key}`, `SELECT ${columns.join(', ')} ${from}`),
    inputs,
  };
}

const notLoggedIn = (): ObpException => new ObpException(ObpError.UserNotLoggedIn);

const NO_FACTS: Omit<AccessFacts, 'login'> = {
  hasRole: false,
  bankExists: false,
  customerExists: false,
  userExists: false,
};

@Injectable()
export class AccessService {
  private readonly statements = new Map<number, Statement>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  /** Every fact `def`'s checks can reach for this request, in at most one round trip. */
  async facts(req: ObpRequest, def: EndpointDefinition): Promise<AccessFacts> {
    const loginAt = def.checks.indexOf('login');
    let verified: VerifiedToken | undefined;
    let loginError: (() => ObpException) | undefined;
    if (loginAt >= 0) {
      try {
        verified = await this.auth.verifyToken(req);
      } catch (err) {
        if (!(err instanceof ObpException)) throw err;
        loginError = () => err;
      }
    }
    // after a failed login nothing later in the order is reached, so it is not read
    const reachable = (check: Check): boolean => {
      const at = def.checks.indexOf(check);
      return at >= 0 && (loginError === undefined || at < loginAt);
    };
    const bankIdParam = pathParam(req, 'BANK_ID');
    const roles = def.roles ?? [];
    const shape: Shape = {
      token: verified !== undefined,
      oldStyle: verified !== undefined && def.oldStyle === true,
      role: verified !== undefined && reachable('role') && roles.length > 0,
      bank: reachable('bank'),
      customer: reachable('customer'),
      customerAtBank: reachable('customer') && bankIdParam !== undefined,
      user: reachable('user'),
    };
    const unauthenticated = { login: { error: loginError ?? notLoggedIn } };
    if (!Object.values(shape).some(Boolean)) return { ...unauthenticated, ...NO_FACTS };

    const customerId = pathParam(req, 'CUSTOMER_ID') ?? '';
    const userId = pathParam(req, 'USER_ID') ?? '';
    const inputs: Inputs = {
      tokenId: verified?.tokenId ?? null,
      tokenUserId: verified?.userId ?? null,
      ...rolesByScope(roles, bankIdParam),
      // values PostgreSQL cannot hold cannot match a row: sent as NULL, so they are "not found"
      bankId: isStorableText(bankIdParam ?? '') ? (bankIdParam ?? '') : null,
      customerId: isUuid(customerId) ? customerId : null,
      userId: isUuid(userId) ? userId : null,
    };
    const statement = this.statementFor(shape);
    const [row] = await runPrepared<FactsRow>(
      this.dataSource,
      statement,
      statement.inputs.map((name) => inputs[name]),
    );
    return {
      login: verified ? this.loginFacts(verified, row, def) : unauthenticated.login,
      hasRole: row.has_role === true,
      bankExists: row.bank_exists === true,
      customerExists: row.customer_exists === true,
      userExists: row.user_exists === true,
    };
  }

  private loginFacts(
    verified: VerifiedToken,
    row: FactsRow,
    def: EndpointDefinition,
  ): AccessFacts['login'] {
    const invalid = {
      error: () => new ObpException(ObpError.DirectLoginInvalidToken, verified.token),
    };
    if (!row.user_id || row.username === null || !row.expires_at) return invalid;
    if (row.expires_at.getTime() <= Date.now()) return invalid;
    const oldStyle = def.oldStyle === true;
    if (isLocked({ locked: row.locked === true, badLoginAttempts: row.bad_login_attempts ?? 0 })) {
      return {
        error: () => new ObpException(ObpError.UsernameHasBeenLocked, '', oldStyle ? 400 : 401),
      };
    }
    if (oldStyle && row.latest_token_id !== verified.tokenId) return invalid;
    return {
      principal: {
        userId: row.user_id,
        username: row.username,
        consumerId: row.consumer_id,
        tokenId: verified.tokenId,
      },
    };
  }

  private statementFor(shape: Shape): Statement {
    let key = 0;
    for (const k of SHAPE_KEYS) key = key * 2 + (shape[k] ? 1 : 0);
    let statement = this.statements.get(key);
    if (!statement) {
      statement = buildStatement(shape);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
