import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiQuery,
  ApiResponse,
  ApiSchema,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isExtensionRole, ROLES } from '../auth/roles';
import { statusForMessage } from '../errors/obp-exception.filter';
import { ObpError, type ObpErrorName } from '../errors/obp-errors';
import { IDEMPOTENCY_KEY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH } from '../wire/idempotency-key';
import {
  type EndpointDefinition,
  canonicalVersion,
  isExtension,
  placeholdersOf,
  urlFor,
} from './endpoint-registry';

/** OpenAPI security scheme names: `DirectLogin: token=…` and `Authorization: Bearer …` ([server-contract]). */
export const DIRECT_LOGIN_SCHEME = 'DirectLogin';
export const BEARER_SCHEME = 'bearer';

/** The error body every OBP error has ([P §9.1]); OBP's case class is ErrorMessage(code, message). */
@ApiSchema({ name: 'ObpError' })
export class ErrorMessage {
  @ApiProperty({ type: 'integer', example: 400, description: 'The HTTP status, repeated.' })
  code!: number;

  @ApiProperty({ example: 'OBP-50000: Unknown Error.', description: 'OBP error code and text.' })
  message!: string;
}

/** Example values of the URL placeholders: the resource docs' **URL Parameters** and OpenAPI's examples. */
export const PLACEHOLDER_EXAMPLES: Record<string, string> = {
  API_VERSION: 'v3.1.0',
  BANK_ID: 'gh.29.uk',
  CUSTOMER_ADDRESS_ID: '394e2b5e-3e12-4a23-9c6a-d3f7bc6a1c7e',
  CUSTOMER_ID: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
  EMAIL: 'felixsmith@example.com',
  ENTITLEMENT_ID: '6fb17583-1e49-4435-bb74-a14fe0996723',
  ENTITLEMENT_REQUEST_ID: '6fb17583-1e49-4435-bb74-a14fe0996723',
  KYC_CHECK_ID: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  KYC_DOCUMENT_ID: '8a9a7e4-6d02-40e3-a129-0b2bf89de9f0',
  KYC_MEDIA_ID: '1a9a7e4-6d02-40e3-a129-0b2bf89de9b2',
  MEETING_ID: '0d0c6a5e-8d6f-4a8a-9a0b-4c3b1c3b7c1e',
  TAX_RESIDENCE_ID: '3d5f1a6e-6f40-4f0c-8b3e-3c9f3b1d2a11',
  USER_ID: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  USERNAME: 'felixsmith',
};

/** `KYC_CHECK_ID` → `The kyc check id` (OBP's Swagger wording). */
export const placeholderDescription = (name: string): string =>
  `The ${name.toLowerCase().replace(/_/g, ' ')}`;

const MANDATORY = 'Authentication is Mandatory';
const OPTIONAL = 'Authentication is Optional';

const addMissing = (list: ObpErrorName[], name: ObpErrorName): ObpErrorName[] =>
  list.includes(name) ? list : [...list, name];

/**
 * OBP's automatic adjustments of a resource doc ([P §10.3], `ResourceDoc` in APIUtil.scala): roles
 * imply OBP-20001 and OBP-20006, no roles drop OBP-20006, and the description's authentication
 * sentence adds or drops OBP-20001. Returns the documented errors and the description with the
 * authentication line OBP appends when the text has none.
 */
export function obpDocRules(def: EndpointDefinition): {
  errors: ObpErrorName[];
  description: string;
} {
  const hasRoles = (def.roles ?? []).length > 0;
  let errors = [...def.allErrors];
  if (hasRoles) {
    errors = addMissing(addMissing(errors, 'UserNotLoggedIn'), 'UserHasMissingRoles');
  } else {
    errors = errors.filter((e) => e !== 'UserHasMissingRoles');
  }
  const mandatory = def.description.includes(MANDATORY);
  const optional = def.description.includes(OPTIONAL);
  if (mandatory) errors = addMissing(errors, 'UserNotLoggedIn');
  if (optional && !hasRoles) errors = errors.filter((e) => e !== 'UserNotLoggedIn');
  let description = def.description;
  if (!mandatory && !optional) {
    description += `\n\n${errors.includes('UserNotLoggedIn') ? MANDATORY : OPTIONAL}`;
  }
  if (isExtension(def)) {
    const own = (def.roles ?? []).filter(isExtensionRole).map((r) => `\`${r}\``);
    description +=
      `\n\nThis endpoint belongs to the ${def.implementedIn} extension standard of this server (not OBP).` +
      (own.length > 0 ? ` Roles ${own.join(', ')} are extension roles, not OBP's.` : '');
  }
  return { errors, description };
}

/** The status an error is answered with: the catalog's, corrected by OBP's rules ([P §9.2]). */
export const errorStatus = (name: ObpErrorName): number =>
  statusForMessage(ObpError[name].message, ObpError[name].status);

/** The markdown OpenAPI shows: OBP's description, the roles, where OBP implemented it, the aliases. */
export function openApiDescription(def: EndpointDefinition): string {
  const parts = [obpDocRules(def).description];
  const roles = def.roles ?? [];
  if (roles.length > 0) {
    const list = roles.map(
      (r) =>
        `\`${r}\`${ROLES[r].requiresBankId ? ' (at BANK_ID)' : ' (system)'}${isExtensionRole(r) ? ', a KYC extension role (not OBP)' : ''}`,
    );
    parts.push(`**Required roles** (any of): ${list.join(', ')}`);
  }
  parts.push(
    isExtension(def)
      ? `Part of the ${def.implementedIn} extension standard (ours, not OBP's), method \`${def.functionName}\`.`
      : `Implemented in OBP${def.implementedIn} by \`${def.functionName}\`.`,
  );
  if (!def.absolutePath && def.versions.length > 1) {
    const canonical = canonicalVersion(def);
    const aliases = def.versions.filter((v) => v !== canonical).map((v) => `\`/obp/${v}\``);
    parts.push(
      `Documented at \`${urlFor(def, canonical)}\`; the same endpoint is also served under ${aliases.join(', ')}.`,
    );
  }
  return parts.join('\n\n');
}

/** The success body's schema when the endpoint names no DTO (`true`, a bare string, …). */
function schemaOfExample(example: unknown): SchemaObject | undefined {
  if (example === '' || example === undefined || example === null) return undefined;
  if (typeof example === 'boolean') return { type: 'boolean' };
  if (typeof example === 'number') return { type: 'number' };
  if (typeof example === 'string') return { type: 'string' };
  return { type: 'object' };
}

function successResponse(def: EndpointDefinition): MethodDecorator {
  const { status, type, example, description } = def.success;
  const text = description ?? 'Success';
  if (type) return ApiResponse({ status, description: text, type, example });
  const schema = schemaOfExample(example);
  return schema
    ? ApiResponse({ status, description: text, schema, example })
    : ApiResponse({ status, description: text });
}

/** One response per status, with the ObpError schema and an example of each code it may carry. */
function errorResponses(errors: ObpErrorName[]): MethodDecorator[] {
  const byStatus = new Map<number, ObpErrorName[]>();
  for (const name of errors) {
    const status = errorStatus(name);
    byStatus.set(status, [...(byStatus.get(status) ?? []), name]);
  }
  return [...byStatus.entries()].map(([status, names]) => {
    const examples: Record<string, { summary: string; value: unknown }> = {};
    for (const name of names) {
      const message = ObpError[name].message;
      examples[name] = {
        summary: message.slice(0, message.indexOf(':')),
        value: { code: status, message },
      };
    }
    return ApiResponse({
      status,
      description: names.map((n) => ObpError[n].message).join('\n\n'),
      schema: { $ref: getSchemaPath('ObpError') },
      examples,
    });
  });
}

/**
 * Drops the 200 response the Swagger CLI plugin derives from the method's return type: it cannot
 * see the status `@ObpEndpoint` sets (the plugin's decorator runs before ours).
 */
const withoutInferredResponses: MethodDecorator = (_target, _key, descriptor) => {
  Reflect.deleteMetadata(DECORATORS.API_RESPONSE, descriptor.value as object);
};

/**
 * The OpenAPI side of `@ObpEndpoint` (STYLE.md §2): the description OBP's resource docs show, the
 * request body and success response with examples, every error response, a path parameter per
 * placeholder, the query parameters and, for login endpoints, the DirectLogin / bearer security.
 */
export function openApiDecoratorsFor(def: EndpointDefinition): MethodDecorator[] {
  const decorators: MethodDecorator[] = [
    ApiOperation({
      operationId: def.operationId,
      summary: def.summary,
      description: openApiDescription(def),
    }),
    ApiExtraModels(ErrorMessage),
    withoutInferredResponses,
    successResponse(def),
    ...errorResponses(obpDocRules(def).errors),
    ...placeholdersOf(def.path).map((name) =>
      ApiParam({
        name,
        description: placeholderDescription(name),
        required: true,
        schema: { type: 'string', example: PLACEHOLDER_EXAMPLES[name] ?? name.toLowerCase() },
      }),
    ),
    ...(def.query ?? []).map((q) =>
      ApiQuery({
        name: q.name,
        description: q.description,
        required: q.required ?? false,
        schema: q.schema ?? { type: 'string' },
      }),
    ),
  ];
  if (def.idempotent) {
    decorators.push(
      ApiHeader({
        name: IDEMPOTENCY_KEY_HEADER,
        description:
          'Optional, 1 to 255 characters: runs this write once per key and caller; a repeat replays the first answer (see the description).',
        required: false,
        schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
      }),
    );
  }
  if (def.body) {
    const name = def.body.jsonName ?? def.body.type.name;
    decorators.push(
      ApiExtraModels(def.body.type),
      ApiBody({
        description: `${name} object`,
        required: true,
        schema: { $ref: getSchemaPath(def.body.type) },
        examples: { [name]: { summary: name, value: def.body.example } },
      }),
    );
  }
  if (def.checks.includes('login')) {
    decorators.push(ApiSecurity(DIRECT_LOGIN_SCHEME), ApiBearerAuth(BEARER_SCHEME));
  }
  return decorators;
}
