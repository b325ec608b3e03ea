import { createHmac } from 'node:crypto';
import { ROLES, type Role, requiresBankId } from '../../src/common/auth/roles';
import { missingRolesSuffix } from '../../src/modules/access/access-checks';
import {
  canonicalVersion,
  ENDPOINTS,
  type EndpointDefinition,
  isPlaceholder,
  urlFor,
} from '../../src/common/endpoint/endpoint-registry';
import { AccessEventBuffer } from '../../src/modules/audit/access-event.buffer';
import { AuthTokenEntity } from '../../src/modules/auth/auth-token.entity';
import { ServerSecretEntity } from '../../src/modules/auth/server-secret.entity';
import { UserEntity } from '../../src/modules/user/user.entity';
import { databaseFingerprint } from '../support/fingerprint';
import { NOT_LOGGED_IN } from '../support/obp-error-bodies';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * Issue 12 point 4, generated from the endpoint registry: every endpoint that needs a login, called
 * with each kind of bad credential and each kind of missing role. Only a valid token of an unlocked
 * user holding the role gets past the guard, and no refused request changes a byte of the database.
 */

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const decode = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
function forge(header: object, payload: object, key?: Buffer | string): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${key === undefined ? '' : createHmac('sha256', key).update(input).digest('base64url')}`;
}

const invalidToken = (token: string) => ({
  code: 401,
  message: `OBP-20003: This DirectLogin token is invalid or expired:${token}`,
});
const LOCKED = 'OBP-20013: The account has been locked, please contact an administrator!';

const ALL_ROLES = Object.keys(ROLES) as Role[];
const LOGIN_ENDPOINTS = ENDPOINTS.filter((e) => e.checks.includes('login'));

type Answer = { status: number; body: unknown };

describe('authorisation matrix (every login endpoint × every bad credential and missing role)', () => {
  let t: TestApp;
  let url: (e: EndpointDefinition) => string;
  let bankId: string;
  let otherBankId: string;
  let roleless: string;
  let atOtherBank: string;
  let revoked: string;
  let locked: string;
  let expired: string;
  let forged: string;
  let algNone: string;
  let privileged: UserEntity;

  /**
   * Every table's rows, hashed: equal before and after means nothing changed. Access events of
   * earlier (allowed) calls are written first, so only the calls in between can change the hash.
   */
  const fingerprint = async (): Promise<string> => {
    await t.app.get(AccessEventBuffer).flush();
    return databaseFingerprint(t.db);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const { bank, customer } = await t.seed.customer();
    bankId = bank.id;
    otherBankId = (await t.seed.bank()).id;
    const target = await t.seed.user();
    url = (e) =>
      urlFor(e, canonicalVersion(e))
        .split('/')
        .map((s) => {
          if (!isPlaceholder(s)) return s;
          if (s === 'BANK_ID') return bankId;
          if (s === 'CUSTOMER_ID') return customer.id;
          if (s === 'USER_ID') return target.id;
          return `matrix-${s.toLowerCase()}`;
        })
        .join('/');

    roleless = await t.seed.token();
    // every bank role, at the other bank only (an …AtAnyBank system role would rightly pass)
    atOtherBank = await t.seed.token(
      Object.fromEntries(ALL_ROLES.filter(requiresBankId).map((r) => [r, otherBankId])),
    );
    privileged = await t.seed.user();
    await t.seed.grant(
      privileged.id,
      Object.fromEntries(ALL_ROLES.map((r) => [r, requiresBankId(r) ? bankId : ''])),
    );

    const revokedUser = await t.seed.user();
    revoked = await t.seed.login(revokedUser.username);
    await t.db.manager.update(
      AuthTokenEntity,
      { userId: revokedUser.id },
      { revokedAt: new Date() },
    );

    const lockedUser = await t.seed.user();
    await t.seed.grant(
      lockedUser.id,
      Object.fromEntries(ALL_ROLES.map((r) => [r, requiresBankId(r) ? bankId : ''])),
    );
    locked = await t.seed.login(lockedUser.username);
    await t.db.manager.update(UserEntity, { id: lockedUser.id }, { locked: true });

    const secretRow = await t.db.manager.findOneByOrFail(ServerSecretEntity, { name: 'jwt_hs256' });
    const secret = Buffer.from(secretRow.value, 'base64');
    const claims = decode(await t.seed.login(privileged.username));
    expired = forge(
      { alg: 'HS256' },
      { ...claims, exp: Math.floor(Date.now() / 1000) - 10 },
      secret,
    );
    forged = forge({ alg: 'HS256' }, claims, 'not-the-server-secret-at-all-0123456789');
    algNone = forge({ alg: 'none' }, claims);
  });
  afterAll(() => t.close());

  const call = async (e: EndpointDefinition, token?: string): Promise<Answer> => {
    let req = t.http[e.verb.toLowerCase() as 'get'](url(e));
    if (token !== undefined) req = req.set('DirectLogin', `token=${token}`);
    const res = await (e.body ? req.send(e.body.example as object) : req);
    return { status: res.status, body: res.body as unknown };
  };

  it('covers every endpoint that needs a login', () => {
    expect(LOGIN_ENDPOINTS.length).toBeGreaterThan(30);
  });

  it.each(LOGIN_ENDPOINTS.map((e) => [`${e.operationId} ${e.route}`, e] as const))(
    '%s',
    async (_name, e) => {
      const roles = e.roles ?? [];
      const bankIdOfRoles = e.path.includes('BANK_ID') ? bankId : undefined;
      const missing = {
        code: 403,
        message: `OBP-20006: User is missing one or more roles: ${missingRolesSuffix(roles, bankIdOfRoles, e.missingRolesText)}`,
      };
      const before = await fingerprint();

      const refused: [string, string | undefined, unknown][] = [
        ['no token', undefined, NOT_LOGGED_IN],
        ['malformed token', 'not-a-jwt', invalidToken('not-a-jwt')],
        ['alg none', algNone, invalidToken(algNone)],
        ['forged signature', forged, invalidToken(forged)],
        ['expired', expired, invalidToken(expired)],
        ['revoked', revoked, invalidToken(revoked)],
        ['locked user', locked, { code: e.oldStyle ? 400 : 401, message: LOCKED }],
      ];
      if (roles.length > 0) refused.push(['without the role', roleless, missing]);
      if (roles.some(requiresBankId) && bankIdOfRoles !== undefined)
        refused.push(['role at another bank', atOtherBank, missing]);

      const answers: Record<string, Answer> = {};
      for (const [name, token] of refused) answers[name] = await call(e, token);
      expect(answers).toEqual(
        Object.fromEntries(
          refused.map(([name, , body]) => [
            name,
            { status: (body as { code: number }).code, body },
          ]),
        ),
      );
      expect(await fingerprint()).toBe(before);

      // a fresh token: the latest of its user, as old-style endpoints want, and never revoked by
      // an earlier endpoint (DELETE /my/logins/direct)
      const allowed = await call(e, await t.seed.login(privileged.username));
      expect(allowed.status).not.toBe(401);
      expect(allowed.body).not.toEqual(missing);
      expect(JSON.stringify(allowed.body)).not.toMatch(/OBP-200(01|03|06|13)/);
    },
  );
});
