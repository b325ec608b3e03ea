import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  type EndpointDefinition,
  placeholdersOf,
  toTemplatePath,
} from '../../common/endpoint/endpoint-registry';
import { obpDocRules, placeholderDescription } from '../../common/endpoint/openapi-metadata';
import { ObpError } from '../../common/errors/obp-errors';
import type { ResourceDocJson, SwaggerResourceDocsJson } from './dto/resource-doc.dto';

/** An endpoint with its resource doc under the requested version. */
export interface DocumentedEndpoint {
  def: EndpointDefinition;
  doc: ResourceDocJson;
}

type Json = Record<string, unknown>;

const OAS3_REF = '#/components/schemas/';
const DEFINITIONS = '#/definitions/';

/** The schema keywords Swagger 2.0 knows; OpenAPI 3's extras (nullable, oneOf, …) are dropped. */
const SWAGGER2_KEYWORDS = new Set([
  '$ref',
  'type',
  'format',
  'title',
  'description',
  'default',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'items',
  'allOf',
  'properties',
  'additionalProperties',
  'readOnly',
  'example',
]);

/** An OpenAPI 3 component schema as a Swagger 2.0 definition. */
function toSwagger2Schema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toSwagger2Schema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (!SWAGGER2_KEYWORDS.has(key)) continue;
    if (key === '$ref' && typeof value === 'string')
      out.$ref = value.replace(OAS3_REF, DEFINITIONS);
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, toSwagger2Schema(v)]),
      );
    } else if (
      key === 'items' ||
      key === 'allOf' ||
      (key === 'additionalProperties' && typeof value === 'object')
    ) {
      out[key] = toSwagger2Schema(value);
    } else out[key] = value;
  }
  return out;
}

function refsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith(DEFINITIONS))
        found.add(v.slice(DEFINITIONS.length));
      else refsIn(v, found);
    }
  }
  return found;
}

const ref = (name: string): Json => ({ $ref: `${DEFINITIONS}${name}` });

/** OBP's success key: 201 for POST, 204 for DELETE, 200 otherwise, whatever the real status ([P §13 #20]). */
const successKey = (verb: string): string =>
  verb === 'POST' ? '201' : verb === 'DELETE' ? '204' : '200';

function successSchema(def: EndpointDefinition): Json | undefined {
  const { type, example } = def.success;
  if (Array.isArray(type)) return { type: 'array', items: ref(type[0].name) };
  if (type) return ref(type.name);
  if (typeof example === 'boolean' || typeof example === 'number') return { type: typeof example };
  if (typeof example === 'string' && example !== '') return { type: 'string' };
  return undefined;
}

const SECURITY = [{ directLogin: [], gatewayLogin: [] }];

function operation({ def, doc }: DocumentedEndpoint): Json {
  const parameters: Json[] = [];
  if (def.body) {
    parameters.push({
      in: 'body',
      name: 'body',
      description: `${def.body.jsonName ?? def.body.type.name} object that needs to be added.`,
      required: true,
      schema: ref(def.body.type.name),
    });
  }
  for (const name of placeholdersOf(doc.specified_url)) {
    parameters.push({
      in: 'path',
      name,
      description: placeholderDescription(name),
      required: true,
      type: 'string',
    });
  }
  for (const q of def.query ?? []) {
    parameters.push({
      in: 'query',
      name: q.name,
      description: q.description,
      required: q.required ?? false,
      type: q.schema?.type ?? 'string',
      ...(q.schema?.enum ? { enum: q.schema.enum } : {}),
    });
  }
  const schema = successSchema(def);
  const responses: Json = {
    [successKey(def.verb)]: { description: 'Success', ...(schema ? { schema } : {}) },
  };
  const [firstError] = obpDocRules(def).errors;
  if (firstError) responses['400'] = { description: 'Error', schema: ref(`Error${firstError}`) };
  return {
    tags: doc.tags,
    summary: doc.summary,
    security: def.checks.includes('login') ? SECURITY : [],
    description: doc.description.replace(/\n/g, ''),
    operationId: doc.operation_id,
    parameters,
    responses,
  };
}

/**
 * OBP's Swagger 2.0 view of the resource docs ([P §10.4]): paths keyed by specified_url with a path
 * parameter per placeholder, OBP's success key and one 400 naming the first error, definitions
 * converted from the OpenAPI 3 component schemas and pruned to those referenced.
 */
export function toSwagger2(
  endpoints: DocumentedEndpoint[],
  components: Record<string, SchemaObject>,
  options: { version: string; host: string; year: number },
): SwaggerResourceDocsJson {
  const paths: Record<string, Json> = {};
  for (const endpoint of endpoints) {
    const path = toTemplatePath(endpoint.doc.specified_url);
    paths[path] = { ...paths[path], [endpoint.def.verb.toLowerCase()]: operation(endpoint) };
  }
  const definitions: Record<string, unknown> = {};
  const pending = [...refsIn(paths, new Set())];
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (name in definitions) continue;
    if (name.startsWith('Error') && name.slice(5) in ObpError) {
      const message = ObpError[name.slice(5) as keyof typeof ObpError].message;
      definitions[name] = { properties: { message: { type: 'string', example: message } } };
      continue;
    }
    const definition = toSwagger2Schema(components[name] ?? { type: 'object' });
    definitions[name] = definition;
    pending.push(...refsIn(definition, new Set()));
  }
  return {
    swagger: '2.0',
    info: {
      title: 'Open Bank Project API',
      description: `An Open Source API for Banks. (c) TESOBE GmbH. 2011 - ${options.year}. Licensed under the AGPL and commercial licences.`,
      contact: {
        name: 'TESOBE GmbH. / Open Bank Project',
        url: 'https://openbankproject.com',
        email: 'contact@tesobe.com',
      },
      version: options.version,
    },
    host: options.host,
    basePath: '/',
    schemes: ['http', 'https'],
    securityDefinitions: {
      directLogin: {
        type: 'apiKey',
        description: 'https://github.com/OpenBankProject/OBP-API/wiki/Direct-Login',
        in: 'header',
        name: 'Authorization',
      },
      gatewayLogin: {
        type: 'apiKey',
        description: 'https://github.com/OpenBankProject/OBP-API/wiki/Gateway-Login',
        in: 'header',
        name: 'Authorization',
      },
    },
    security: SECURITY,
    paths,
    definitions: Object.fromEntries(
      Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  };
}
