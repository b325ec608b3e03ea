import {
  applyDecorators,
  Header,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ObpErrorName } from '../errors/obp-errors';
import {
  DEFAULT_LAST_VERSION,
  fullyQualified,
  isExtensionVersion,
  prefixOf,
  type ServedVersion,
  versionsBetween,
} from './api-versions';
import {
  type Check,
  ENDPOINTS,
  type EndpointDefinition,
  type HttpVerb,
  type ObpEndpointOptions,
  toExpressPath,
} from './endpoint-registry';
import { openApiDecoratorsFor } from './openapi-metadata';
import { IDEMPOTENCY_NOTES, isIdempotent } from '../wire/idempotency-key';
import { PAGING_ERRORS, PAGING_NOTES, PAGING_QUERY } from '../wire/paging';

export const OBP_ENDPOINT = 'obp:endpoint';

/** The errors each check can answer (and documents), in OBP's resource-doc wording. */
export const CHECK_ERRORS: Record<Check, ObpErrorName[]> = {
  login: ['UserNotLoggedIn'],
  consumer: ['InvalidConsumerCredentials'],
  bank: ['BankNotFound'],
  role: ['UserHasMissingRoles'],
  customer: ['CustomerNotFoundByCustomerId'],
  user: ['UserNotFoundById'],
  body: ['InvalidJsonBody'],
};

/** What an endpoint that honours `Idempotency-Key` may answer besides its own errors. */
const IDEMPOTENCY_ERRORS: ObpErrorName[] = [
  'InvalidIdempotencyKey',
  'IdempotencyKeyReused',
  'IdempotencyKeyInProgress',
];

export function buildDefinition(
  options: ObpEndpointOptions,
  methodName: string,
): EndpointDefinition {
  const functionName = options.functionName ?? methodName;
  const [verb, path] = options.route.split(' ') as [HttpVerb, string];
  const { implementedIn } = options;
  // an extension standard has one version; OBP's endpoints are served from theirs to servedUntil
  const versions: ServedVersion[] = isExtensionVersion(implementedIn)
    ? [implementedIn]
    : versionsBetween(
        options.servedFrom ?? implementedIn,
        options.servedUntil ?? DEFAULT_LAST_VERSION,
      );
  const expressPath = toExpressPath(path);
  const allErrors: ObpErrorName[] = [];
  const idempotent = isIdempotent({ verb, checks: options.checks });
  for (const name of [
    ...options.checks.flatMap((c) => CHECK_ERRORS[c]),
    ...(options.errors ?? []),
    ...(options.paged ? PAGING_ERRORS : []),
    ...(idempotent ? IDEMPOTENCY_ERRORS : []),
  ]) {
    if (!allErrors.includes(name)) allErrors.push(name);
  }
  const notes = [
    ...(options.paged ? [PAGING_NOTES] : []),
    ...(idempotent ? [IDEMPOTENCY_NOTES] : []),
  ];
  return {
    ...options,
    description: [options.description, ...notes].join('\n\n'),
    query: options.paged ? [...(options.query ?? []), ...PAGING_QUERY] : options.query,
    idempotent,
    verb,
    path,
    functionName,
    operationId: `${fullyQualified(implementedIn)}-${functionName}`,
    versions,
    expressPaths: options.absolutePath
      ? [expressPath]
      : versions.map((v) => `${prefixOf(v)}${expressPath}`),
    allErrors,
  };
}

/**
 * All an OBP endpoint carries (STYLE.md §2): registers the route under each version prefix, sets
 * the success status, feeds the registry behind the guard, the resource docs, OBP's Swagger view and
 * the explorer, and writes the OpenAPI operation. The method name is OBP's function name (unless
 * `functionName` says it).
 */
export function ObpEndpoint(options: ObpEndpointOptions): MethodDecorator {
  return (target, propertyKey, descriptor) => {
    const def = buildDefinition(options, String(propertyKey));
    def.controller = target.constructor as EndpointDefinition['controller'];
    ENDPOINTS.push(def);
    applyDecorators(
      RequestMapping({ path: def.expressPaths, method: RequestMethod[def.verb] }),
      HttpCode(options.success.status),
      // OBP answers a bare JSON `true` (the DELETEs); Nest would send a boolean as text/html
      ...(typeof options.success.example === 'boolean' || options.serializedJson
        ? [Header('Content-Type', 'application/json; charset=utf-8')]
        : []),
      SetMetadata(OBP_ENDPOINT, def),
      ApiOperation({
        operationId: def.operationId,
        summary: def.summary,
        description: def.description,
      }),
      ApiTags(...def.tags),
      ApiExtension('x-obp-roles', (def.roles ?? []).map(String)),
      ...openApiDecoratorsFor(def),
    )(target, propertyKey, descriptor);
  };
}
