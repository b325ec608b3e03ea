import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ROLES } from '../../common/auth/roles';
import {
  API_VERSIONS,
  type ApiVersion,
  EXTENSION_VERSIONS,
  fullyQualified,
  isAtLeast,
  parseServedVersion,
  type ServedVersion,
} from '../../common/endpoint/api-versions';
import {
  ENDPOINTS,
  type EndpointDefinition,
  placeholdersOf,
  urlFor,
} from '../../common/endpoint/endpoint-registry';
import { PLACEHOLDER_EXAMPLES, obpDocRules } from '../../common/endpoint/openapi-metadata';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { toObpDate, parseObpDate } from '../../common/wire/obp-date';
import { AppConfig } from '../../config/app-config';
import {
  type GlossaryItemsJsonV300,
  type ResourceDocJson,
  type ResourceDocsJson,
  type ScannedApiVersionsJson,
  type SwaggerResourceDocsJson,
  scannedApiVersion,
} from './dto/resource-doc.dto';
import { GLOSSARY, glossaryTitleFor } from './glossary';
import { markdownToHtml } from './markdown';
import { OpenApiDocumentStore } from './openapi-document.store';
import { type DocumentedEndpoint, toSwagger2 } from './swagger2';

type Locale = 'en_GB' | 'es_ES';

/** The labels of the generated sections, per locale ([P §10.2] `locale`). */
const LABELS: Record<Locale, { url: string; request: string; response: string }> = {
  en_GB: {
    url: 'URL Parameters',
    request: 'JSON request body fields',
    response: 'JSON response body fields',
  },
  es_ES: {
    url: 'Parámetros de la URL',
    request: 'Campos del cuerpo JSON de la petición',
    response: 'Campos del cuerpo JSON de la respuesta',
  },
};

/** The query parameters of the resource docs and Swagger views ([P §10.2]). */
export interface DocsFilter {
  tags?: string[];
  functions?: string[];
  content: 'static' | 'dynamic' | 'all';
  locale: Locale;
}

type Query = Record<string, unknown>;

const text = (query: Query, name: string): string | undefined => {
  const value = query[name];
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'string' ? value : undefined;
};

/** `KYC,Customer` → ['KYC', 'Customer']; absent or empty → no filter. */
const list = (value: string | undefined): string[] | undefined => {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
};

export function parseDocsFilter(query: Query): DocsFilter {
  const localeText = text(query, 'locale') ?? text(query, 'language') ?? '';
  const locale = (['en_GB', 'es_ES'] as const).find(
    (l) => l.toLowerCase() === localeText.toLowerCase(),
  );
  if (localeText !== '' && !locale) throw new ObpException(ObpError.InvalidLocale, localeText);
  // as OBP: static and dynamic (any case) select, anything else means all
  const content = (text(query, 'content') ?? '').toLowerCase();
  return {
    tags: list(text(query, 'tags')),
    functions: list(text(query, 'functions')),
    content: content === 'static' || content === 'dynamic' ? content : 'all',
    locale: locale ?? 'en_GB',
  };
}

/** `v3.1.0`, `OBPv3.1.0` or an extension's `KYCv1.0.0`, else 400 OBP-00027 with the value ([P §10.1]). */
export function parseRequestedVersion(value: string): ServedVersion {
  const version = parseServedVersion(value);
  if (!version) throw new ObpException(ObpError.InvalidApiVersionString, value);
  return version;
}

/** v4.0.0 and later prefixes add `meta` ([P §10.1]). */
const hasMeta = (prefix: ApiVersion | undefined): boolean =>
  prefix !== undefined && isAtLeast(prefix, 'v4.0.0');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const REF = '#/components/schemas/';
const MAX_CACHED_BODIES = 256;
const CLOSE_BRACE = Buffer.from('}');

@Injectable()
export class ResourceDocService implements OnApplicationBootstrap {
  private readonly cache = new Map<string, DocumentedEndpoint[]>();
  private readonly bodies = new Map<string, { json: Buffer; count: number; whole: Buffer }>();

  constructor(
    private readonly openApi: OpenApiDocumentStore,
    private readonly config: AppConfig,
  ) {}

  /**
   * `GET /resource-docs/API_VERSION/obp` ([P §10]), serialized once per version and filter: the
   * docs never change while the process runs, and JSON.stringify of a few hundred KiB per request
   * would cost more than everything else the server does for it.
   */
  resourceDocs(prefix: ApiVersion | undefined, apiVersion: string, query: Query): Buffer {
    const version = parseRequestedVersion(apiVersion);
    const filter = parseDocsFilter(query);
    const key = [version, filter.locale, filter.content, filter.tags, filter.functions].join('|');
    let body = this.bodies.get(key);
    if (!body) {
      const docs = this.filtered(version, filter).map((d) => d.doc);
      const json = JSON.stringify(docs);
      body = {
        json: Buffer.from(json),
        count: docs.length,
        whole: Buffer.from(`{"resource_docs":${json}}`),
      };
      // filters come from the client: keep the cache bounded, serialize the rare ones each time
      if (this.bodies.size < MAX_CACHED_BODIES) this.bodies.set(key, body);
    }
    if (!hasMeta(prefix)) return body.whole;
    const meta = JSON.stringify({ response_date: toObpDate(new Date()), count: body.count });
    return Buffer.concat([Buffer.from(`{"meta":${meta},"resource_docs":`), body.json, CLOSE_BRACE]);
  }

  /** Built at start-up: v3.1.0's docs and the KYC page's body (the explorer's default); other versions on first use. */
  onApplicationBootstrap(): void {
    this.resourceDocs(undefined, 'v3.1.0', { tags: 'KYC' });
    this.resourceDocs(undefined, 'v3.1.0', {});
  }

  /** `GET /banks/BANK_ID/resource-docs/API_VERSION/obp`: bank-level dynamic docs; we have none. */
  bankResourceDocs(
    prefix: ApiVersion | undefined,
    apiVersion: string,
    query: Query,
  ): ResourceDocsJson {
    parseRequestedVersion(apiVersion);
    parseDocsFilter(query);
    return this.wrap(prefix, []);
  }

  /** `GET /resource-docs/API_VERSION/swagger` ([P §10.4]). */
  swagger(apiVersion: string, query: Query): SwaggerResourceDocsJson {
    const version = parseRequestedVersion(apiVersion);
    const host = this.config.hostname.replace(/^[a-z]+:\/\//i, '');
    return toSwagger2(this.filtered(version, parseDocsFilter(query)), this.schemas(), {
      version,
      host,
      year: new Date().getUTCFullYear(),
    });
  }

  /** `GET /api/versions`: every OBP version this server answers under, then our extension standards. */
  versions(): ScannedApiVersionsJson {
    return {
      scanned_api_versions: [...API_VERSIONS, ...EXTENSION_VERSIONS].map(scannedApiVersion),
    };
  }

  /** `GET /api/glossary`: the terms the field lists link to. */
  glossary(): GlossaryItemsJsonV300 {
    return {
      glossary_items: GLOSSARY.map((item) => ({
        title: item.title,
        description: { markdown: item.markdown, html: markdownToHtml(item.markdown) },
      })),
    };
  }

  private wrap(prefix: ApiVersion | undefined, docs: ResourceDocJson[]): ResourceDocsJson {
    if (!hasMeta(prefix)) return { resource_docs: docs };
    return {
      meta: { response_date: toObpDate(new Date()), count: docs.length },
      resource_docs: docs,
    };
  }

  private filtered(version: ServedVersion, filter: DocsFilter): DocumentedEndpoint[] {
    if (filter.content === 'dynamic') return [];
    const { tags, functions } = filter;
    return this.all(version, filter.locale).filter(
      ({ def }) =>
        (!tags || def.tags.some((t) => tags.includes(t))) &&
        (!functions || functions.includes(def.functionName)),
    );
  }

  /** Every doc served under `version`, sorted by specified_url then verb; built once per locale. */
  private all(version: ServedVersion, locale: Locale): DocumentedEndpoint[] {
    const key = `${version} ${locale}`;
    let docs = this.cache.get(key);
    if (!docs) {
      docs = ENDPOINTS.filter((def) => def.versions.includes(version))
        .map((def) => ({ def, doc: this.toDoc(def, version, locale) }))
        .sort((a, b) => {
          const ka = `${a.doc.specified_url} ${a.def.verb}`;
          const kb = `${b.doc.specified_url} ${b.def.verb}`;
          return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
      this.cache.set(key, docs);
    }
    return docs;
  }

  private toDoc(def: EndpointDefinition, version: ServedVersion, locale: Locale): ResourceDocJson {
    const { errors, description } = obpDocRules(def);
    const labels = LABELS[locale];
    const requestSchema = def.body ? this.typed(def.body.type.name, def.body.example) : undefined;
    const successSchema = this.typedSuccess(def);
    const markdown =
      description +
      urlParametersSection(def.path, labels.url) +
      (def.verb === 'POST' && def.body
        ? fieldsSection(labels.request, def.body.example, requestSchema)
        : '') +
      fieldsSection(labels.response, def.success.example, successSchema);
    const roles = (def.roles ?? []).map((role) => ({
      role,
      requires_bank_id: ROLES[role].requiresBankId,
    }));
    const hasSuccessBody = def.success.example !== '' && def.success.example !== undefined;
    return {
      operation_id: def.operationId,
      implemented_by: { version: fullyQualified(def.implementedIn), function: def.functionName },
      request_verb: def.verb,
      request_url: urlFor(def, def.implementedIn),
      summary: def.summary.replace(/\.(\s*)$/, '$1'),
      description: markdownToHtml(markdown),
      description_markdown: markdown,
      ...(def.body ? { example_request_body: def.body.example as object } : {}),
      ...(hasSuccessBody ? { success_response_body: def.success.example } : {}),
      error_response_bodies: errors.map((name) => ObpError[name].message),
      tags: [...def.tags],
      typed_request_body: requestSchema ?? {},
      typed_success_response_body: successSchema ?? {},
      ...(roles.length > 0 ? { roles } : {}),
      is_featured: def.isFeatured ?? false,
      special_instructions: '',
      specified_url: urlFor(def, version),
      connector_methods: def.connectorMethods ?? [],
    };
  }

  private schemas(): Record<string, SchemaObject> {
    return (this.openApi.document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  }

  private typedSuccess(def: EndpointDefinition): SchemaObject | undefined {
    const { type, example } = def.success;
    if (Array.isArray(type)) {
      return {
        type: 'array',
        items: this.typed(type[0].name, Array.isArray(example) ? example[0] : undefined),
      };
    }
    if (type) return this.typed(type.name, example);
    if (typeof example === 'boolean' || typeof example === 'number')
      return { type: typeof example };
    if (typeof example === 'string' && example !== '') return { type: 'string' };
    return undefined;
  }

  /**
   * OBP's `typed_*_body`: the component schema the Swagger plugin produced, with every `$ref`
   * inlined; a string whose example is an OBP date becomes `format: date-time` ([P §10.3]).
   */
  private typed(name: string, example: unknown): SchemaObject {
    return inline({ $ref: `${REF}${name}` }, this.schemas(), example, []);
  }
}

function inline(
  schema: SchemaObject & { $ref?: string },
  schemas: Record<string, SchemaObject>,
  example: unknown,
  seen: string[],
): SchemaObject {
  if (schema.$ref) {
    const name = schema.$ref.slice(REF.length);
    const target = schemas[name];
    if (!target || seen.includes(name)) return { type: 'object' };
    return inline(target, schemas, example, [...seen, name]);
  }
  if (schema.allOf?.length === 1) {
    const { allOf, ...rest } = schema;
    return { ...inline(allOf[0], schemas, example, seen), ...rest };
  }
  const out: SchemaObject = { ...schema };
  if (schema.properties) {
    out.properties = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      const value = isObject(example) ? example[key] : undefined;
      out.properties[key] = inline(property, schemas, value, seen);
    }
  }
  if (schema.items) {
    out.items = inline(
      schema.items,
      schemas,
      Array.isArray(example) ? example[0] : undefined,
      seen,
    );
  }
  if (out.type === 'string' && !out.format && parseObpDate(example)) out.format = 'date-time';
  return out;
}

const glossaryLink = (term: string): string => {
  const title = glossaryTitleFor(term);
  return title ? `[${term}](/glossary#${title.replace(/ /g, '-')})` : term;
};

/** `**URL Parameters:**` with a line per placeholder and its example ([P §10.3]). */
function urlParametersSection(path: string, label: string): string {
  const names = placeholdersOf(path);
  if (names.length === 0) return '';
  const lines = names.map(
    (n) => `* ${glossaryLink(n)}: ${PLACEHOLDER_EXAMPLES[n] ?? n.toLowerCase()}`,
  );
  return `\n\n**${label}:**\n\n${lines.join('\n')}`;
}

const scalar = (value: unknown): string | undefined => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return JSON.stringify(value);
  return undefined;
};

/** Every field of an example body, once, with its example value; mandatory fields in bold. */
function fieldsSection(label: string, example: unknown, schema: SchemaObject | undefined): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown, s: SchemaObject | undefined): void => {
    if (Array.isArray(value)) {
      walk(value[0], s?.items as SchemaObject | undefined);
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (!seen.has(key)) {
        seen.add(key);
        const name = s?.required?.includes(key) ? `**${glossaryLink(key)}**` : glossaryLink(key);
        const shown = scalar(child);
        lines.push(shown === undefined ? `* ${name}` : `* ${name}: ${shown}`);
      }
      walk(child, s?.properties?.[key] as SchemaObject | undefined);
    }
  };
  walk(example, schema);
  return lines.length === 0 ? '' : `\n\n**${label}:**\n\n${lines.join('\n')}`;
}
