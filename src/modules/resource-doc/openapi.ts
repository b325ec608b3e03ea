import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { METADATA_FACTORY_NAME } from '@nestjs/swagger/dist/plugin/plugin-constants';
import {
  ENDPOINTS,
  type EndpointDefinition,
  canonicalVersion,
  toTemplatePath,
  urlFor,
} from '../../common/endpoint/endpoint-registry';
import { BEARER_SCHEME, DIRECT_LOGIN_SCHEME } from '../../common/endpoint/openapi-metadata';
import { OpenApiDocumentStore } from './openapi-document.store';

const TAG_DESCRIPTIONS: Record<string, string> = {
  API: 'Information about this API instance.',
  'Api-Collection': 'API collections: named lists of endpoints a user keeps (favourites).',
  Bank: 'Banks hosted on this API.',
  Consumer: 'Consumers: the registered applications whose keys DirectLogin needs.',
  Customer: 'Customers of a bank: the legal entities KYC is about.',
  'Customer-Meeting': 'Meetings (video conferences / calls) between a bank and its customers.',
  Documentation: 'OBP resource docs, Swagger, API versions and the glossary.',
  Entitlement: 'Entitlements: roles granted to users, at a bank or system-wide.',
  Experimental: 'Endpoints OBP marks as experimental.',
  KYC: 'Know Your Customer: checks, documents, media and status of customers.',
  Person: 'Customers who are persons.',
  Role: 'Roles: what an endpoint requires and a user may be granted.',
  User: 'Users (logins): sign-up, DirectLogin, lookups, locks.',
};

/** The path and verb an OBP endpoint is documented at: v3.1.0 where served, else its first version. */
export const canonicalOperation = (def: EndpointDefinition): { path: string; verb: string } => ({
  path: toTemplatePath(urlFor(def, canonicalVersion(def))),
  verb: def.verb.toLowerCase(),
});

/**
 * Keeps each OBP endpoint once, at its canonical path (its other version prefixes are aliases,
 * named in its description), and drops every route that is not an OBP endpoint.
 */
function keepCanonicalOperations(
  document: OpenAPIObject,
  endpoints: EndpointDefinition[],
): OpenAPIObject {
  const canonical = new Map<string, EndpointDefinition>();
  for (const def of endpoints) {
    const { path, verb } = canonicalOperation(def);
    canonical.set(`${verb} ${path}`, def);
  }
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [verb, operation] of Object.entries(item)) {
      const def = canonical.get(`${verb} ${path}`);
      if (!def) continue;
      // an anonymous endpoint says so explicitly, so no global requirement could apply to it
      const security = def.checks.includes('login') ? {} : { security: [] };
      paths[path] = { ...paths[path], [verb]: { ...(operation as object), ...security } };
    }
  }
  return { ...document, paths };
}

type PluginFactory = () => Record<string, { type?: () => unknown }>;

const pluginMetadata = (cls: object): ReturnType<PluginFactory> =>
  Object.prototype.hasOwnProperty.call(cls, METADATA_FACTORY_NAME)
    ? (cls as Record<string, PluginFactory>)[METADATA_FACTORY_NAME]()
    : {};

/**
 * Lists a DTO's properties in declaration order (OBP's wire order), base class first. Without this,
 * the properties with an explicit `@ApiProperty` (e.g. `@IsObpDate()`) come before the ones the
 * Swagger plugin describes. Recurses into the DTOs its properties name.
 */
function putInWireOrder(type: Type<object>, seen: Set<object>): void {
  if (seen.has(type)) return;
  seen.add(type);
  const chain: object[] = [];
  for (
    let cls: unknown = type;
    typeof cls === 'function' && cls !== Function.prototype;
    cls = Object.getPrototypeOf(cls)
  ) {
    chain.unshift(cls);
  }
  const order: string[] = [];
  for (const cls of chain) {
    for (const [key, property] of Object.entries(pluginMetadata(cls))) {
      if (!order.includes(key)) order.push(key);
      const nested = typeof property.type === 'function' ? property.type() : undefined;
      const nestedType = Array.isArray(nested) ? (nested[0] as unknown) : nested;
      if (typeof nestedType === 'function' && nestedType.prototype !== undefined) {
        putInWireOrder(nestedType as Type<object>, seen);
      }
    }
  }
  if (order.length === 0) return;
  const current = (Reflect.getMetadata(
    DECORATORS.API_MODEL_PROPERTIES_ARRAY,
    type.prototype as object,
  ) ?? []) as string[];
  const rest = current.filter((key) => !order.includes(key.slice(1)));
  Reflect.defineMetadata(
    DECORATORS.API_MODEL_PROPERTIES_ARRAY,
    [...order.map((k) => `:${k}`), ...rest],
    type.prototype as object,
  );
}

const UNSORTED_CHILDREN = new Set(['properties']);
const VERBATIM = new Set(['example', 'value']);

/**
 * Object keys sorted, for a stable committed file; schema `properties` and example values keep
 * their order, which is OBP's wire order.
 */
export function sortKeys(value: unknown, key = ''): unknown {
  if (VERBATIM.has(key)) return value;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!UNSORTED_CHILDREN.has(key)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v, k)]));
}

/**
 * The OpenAPI 3 document of the whole API, from @nestjs/swagger's scan of the app (the decorators
 * `@ObpEndpoint` writes and the CLI plugin's DTO schemas). Needs no database or listening server:
 * `scripts/generate-openapi.ts` builds it from a preview-mode app.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const tags = [...new Set(ENDPOINTS.flatMap((e) => e.tags))].sort();
  const builder = new DocumentBuilder()
    .setTitle('OBP KYC API')
    .setDescription(
      'Open Bank Project (OBP) KYC API, wire-compatible with OBP-API: customers, addresses, tax residences, ' +
        'meetings, KYC checks, documents, media and statuses, and the platform around them (DirectLogin, users, ' +
        'roles, banks).\n\nEvery endpoint is documented once, at `/obp/v3.1.0/...` where OBP serves it there; ' +
        'its other version prefixes are aliases named in its description. Errors are `{"code": <status>, ' +
        '"message": "OBP-…"}`.\n\nLog in with `POST /my/logins/direct` and the header ' +
        '`DirectLogin: username=U, password=P, consumer_key=K`, then send `DirectLogin: token=T` or ' +
        '`Authorization: Bearer T`.',
    )
    .setVersion('v3.1.0')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This server')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'DirectLogin',
        description: 'The token from POST /my/logins/direct, sent as `token=<JWT>`.',
      },
      DIRECT_LOGIN_SCHEME,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The DirectLogin token as a bearer token.',
      },
      BEARER_SCHEME,
    );
  for (const tag of tags)
    builder.addTag(tag, TAG_DESCRIPTIONS[tag] ?? `OBP endpoints tagged ${tag}.`);
  const seen = new Set<object>();
  for (const def of ENDPOINTS) {
    for (const type of [def.body?.type, def.success.type].flat())
      if (type) putInWireOrder(type, seen);
  }
  // tags come from @ObpEndpoint only, not from controller class names
  const document = SwaggerModule.createDocument(app, builder.build(), {
    autoTagControllers: false,
  });
  return sortKeys(keepCanonicalOperations(document, ENDPOINTS)) as OpenAPIObject;
}

/** Called by configureApp: builds the document once; `/openapi.json` and the resource docs read it. */
export function configureOpenApi(app: INestApplication): void {
  app.get(OpenApiDocumentStore).set(buildOpenApiDocument(app));
}
