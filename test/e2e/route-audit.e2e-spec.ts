import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ROLES } from '../../src/common/auth/roles';
import { missingRolesSuffix } from '../../src/modules/access/access-checks';
import {
  ENDPOINTS,
  type EndpointDefinition,
  placeholdersOf,
  urlFor,
} from '../../src/common/endpoint/endpoint-registry';
import { OBP_ENDPOINT } from '../../src/common/endpoint/obp-endpoint.decorator';
import { IS_PUBLIC } from '../../src/common/endpoint/public.decorator';
import { servedRoutes } from '../../src/configure-app';
import { createTestApp, type TestApp } from '../support/test-app';
import { NOT_LOGGED_IN } from '../support/obp-error-bodies';

/** One route as Nest registered it: a controller method, its paths and its declared policy. */
interface NestRoute {
  name: string;
  verb: string;
  paths: string[];
  endpoint?: EndpointDefinition;
  isPublic: boolean;
}

function nestRoutes(t: TestApp): NestRoute[] {
  const scanner = new MetadataScanner();
  const routes: NestRoute[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as Type<object> | null;
      if (!type) continue;
      const prefix = (Reflect.getMetadata(PATH_METADATA, type) as string | undefined) ?? '/';
      const proto = type.prototype as Record<string, object>;
      for (const method of scanner.getAllMethodNames(proto)) {
        const handler = proto[method];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const join = (p: string) =>
          `/${[prefix, p].join('/').split('/').filter(Boolean).join('/')}`;
        routes.push({
          name: `${type.name}.${method}`,
          verb: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
          paths: (Array.isArray(path) ? path : [path]).map(join),
          endpoint: Reflect.getMetadata(OBP_ENDPOINT, handler) as EndpointDefinition | undefined,
          isPublic: Boolean(
            Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, type),
          ),
        });
      }
    }
  }
  return routes;
}

/** Every route the HTTP layer serves, less HEAD (Fastify adds one per GET) and CORS preflights. */
function serverRoutes(t: TestApp): string[] {
  return servedRoutes(t.app).filter((r) => !r.startsWith('HEAD ') && !r.startsWith('OPTIONS '));
}

const describeEndpoint = (e: EndpointDefinition) => `${e.verb} ${e.path} (${e.functionName})`;

describe('route audit', () => {
  let t: TestApp;
  let routes: NestRoute[];
  /** Real ids for the placeholders, so the checks before `login`/`role` pass. */
  let values: Record<string, string>;
  let roleless: string;

  beforeAll(async () => {
    t = await createTestApp();
    routes = nestRoutes(t);
    const { bank, customer } = await t.seed.customer();
    const { user, token } = await t.seed.userWithToken();
    roleless = token;
    values = {
      BANK_ID: bank.id,
      CUSTOMER_ID: customer.id,
      USER_ID: user.id,
      USERNAME: user.username,
      EMAIL: user.email,
      API_VERSION: 'v3.1.0',
    };
  });
  afterAll(() => t.close());

  const fill = (url: string) =>
    url
      .split('/')
      .map((s) => (placeholdersOf(`/${s}`).length > 0 ? encodeURIComponent(values[s] ?? 'x') : s))
      .join('/');
  const call = (e: EndpointDefinition, url: string) => {
    const req = t.http[e.verb.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch'](
      fill(url),
    );
    return e.body ? req.send(e.body.example as object) : req;
  };
  const endpoints = () => [
    ...new Set(routes.map((r) => r.endpoint).filter((e): e is EndpointDefinition => !!e)),
  ];

  it('gives every route a declared policy (@ObpEndpoint or @Public)', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !r.endpoint && !r.isPublic).map((r) => r.name)).toEqual([]);
  });

  it('serves only routes Nest knows, so none skips the guard', () => {
    const known = new Set(routes.flatMap((r) => r.paths.map((p) => `${r.verb} ${p}`)));
    const served = new Set(serverRoutes(t));
    expect([...served].filter((r) => !known.has(r))).toEqual([]);
    expect([...known].filter((r) => !served.has(r))).toEqual([]);
  });

  it('registers every endpoint of the registry, each path once', () => {
    const registered = new Set(endpoints());
    expect(ENDPOINTS.filter((e) => !registered.has(e)).map(describeEndpoint)).toEqual([]);
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const e of ENDPOINTS) {
      for (const p of e.expressPaths) {
        const key = `${e.verb} ${p.replace(/:[A-Z_0-9]+/g, ':')}`;
        if (seen.has(key)) duplicates.push(`${key}: ${seen.get(key)} and ${e.functionName}`);
        seen.set(key, e.functionName);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('declares consistent checks: roles ⇒ login then role, BANK_ID ⇒ bank, body ⇔ a body check', () => {
    const problems: string[] = [];
    for (const e of ENDPOINTS) {
      const at = (c: string) => e.checks.indexOf(c as never);
      const roles = e.roles ?? [];
      if (new Set(e.checks).size !== e.checks.length)
        problems.push(`${describeEndpoint(e)}: a check is listed twice`);
      if (roles.length > 0 && (at('role') < 0 || at('login') < 0 || at('login') > at('role'))) {
        problems.push(`${describeEndpoint(e)}: roles without 'login' before 'role'`);
      }
      if (roles.length === 0 && at('role') >= 0)
        problems.push(`${describeEndpoint(e)}: a 'role' check without roles`);
      if (roles.some((r) => !(r in ROLES)))
        problems.push(`${describeEndpoint(e)}: an unknown role`);
      if (at('consumer') >= 0 && at('consumer') < at('login'))
        problems.push(`${describeEndpoint(e)}: 'consumer' before 'login'`);
      if (placeholdersOf(e.path).includes('BANK_ID') && at('bank') < 0)
        problems.push(`${describeEndpoint(e)}: BANK_ID without a 'bank' check`);
      if (!!e.body !== at('body') >= 0)
        problems.push(`${describeEndpoint(e)}: body and 'body' check disagree`);
      if (e.missingRolesText === 'plain' && roles.length < 2)
        problems.push(`${describeEndpoint(e)}: 'plain' text for one role`);
    }
    expect(problems).toEqual([]);
  });

  it('answers 401 OBP-20001 without a token on every endpoint that needs a login, at every version', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const e of endpoints().filter((x) => x.checks.includes('login'))) {
      for (const version of e.absolutePath ? [e.versions[0]] : e.versions) {
        const url = urlFor(e, version);
        const res = await call(e, url);
        const wwwAuth = String(res.headers['www-authenticate'] ?? '');
        if (
          res.status !== 401 ||
          JSON.stringify(res.body) !== JSON.stringify(NOT_LOGGED_IN) ||
          !wwwAuth.includes('DirectLogin realm=')
        ) {
          problems.push(`${e.verb} ${fill(url)}: ${res.status} ${JSON.stringify(res.body)}`);
        }
        checked += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('answers 403 OBP-20006 naming the roles to a logged-in user without roles, at every version', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const e of endpoints().filter((x) => (x.roles ?? []).length > 0)) {
      for (const version of e.absolutePath ? [e.versions[0]] : e.versions) {
        const url = urlFor(e, version);
        const res = await call(e, url).set(t.auth(roleless));
        const bankId = placeholdersOf(e.path).includes('BANK_ID') ? values.BANK_ID : undefined;
        const expected = {
          code: 403,
          message: `OBP-20006: User is missing one or more roles: ${missingRolesSuffix(e.roles!, bankId, e.missingRolesText)}`,
        };
        if (
          JSON.stringify(res.body) !== JSON.stringify(expected) ||
          !(e.roles ?? []).every((r) => expected.message.includes(r))
        ) {
          problems.push(`${e.verb} ${fill(url)}: ${res.status} ${JSON.stringify(res.body)}`);
        }
        checked += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps the anonymous OBP endpoints (no login check) to this list', () => {
    const anonymous = ENDPOINTS.filter((e) => !e.checks.includes('login'))
      .map((e) => `${e.verb} ${e.path}`)
      .sort();
    expect(anonymous).toEqual([
      'GET /api/glossary',
      'GET /api/versions',
      'GET /banks',
      'GET /banks',
      'GET /banks/BANK_ID',
      'GET /banks/BANK_ID',
      'GET /banks/BANK_ID/resource-docs/API_VERSION/obp',
      'GET /resource-docs/API_VERSION/obp',
      'GET /resource-docs/API_VERSION/swagger',
      'GET /root',
      'GET /root',
      'POST /my/logins/direct',
      'POST /users',
    ]);
  });
});
