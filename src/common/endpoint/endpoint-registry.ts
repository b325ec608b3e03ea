import type { Type } from '@nestjs/common';
import type { Role } from '../auth/roles';
import type { ObpErrorName } from '../errors/obp-errors';
import {
  type ApiVersion,
  type ExtensionVersion,
  isExtensionVersion,
  prefixOf,
  type ServedVersion,
} from './api-versions';

/** A documented query parameter; `schema` is its OpenAPI schema (default: a string). */
export interface QueryParameter {
  name: string;
  description: string;
  required?: boolean;
  schema?: {
    type: 'string' | 'integer';
    format?: string;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    example?: string | number;
  };
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/**
 * The checks the global AccessGuard (modules/access) runs, in the order an endpoint lists them (OBP's order differs per
 * endpoint, so it is data). See STYLE.md §2 for what each does.
 */
export type Check = 'login' | 'consumer' | 'bank' | 'role' | 'customer' | 'user' | 'body';

export interface ObpEndpointOptions {
  /** `VERB /path` as OBP spells it, without the `/obp/vX.Y.Z` prefix; placeholders in CAPITALS. */
  route: string;
  /**
   * The OBP version whose implementation this is (`APIMethodsXYZ.scala`), or the extension standard's
   * version (`KYCv1.0.0`: served only at `/kyc/v1.0.0/...`); part of the operationId.
   */
  implementedIn: ApiVersion | ExtensionVersion;
  /**
   * OBP's function name, when the method's name cannot be it: the same path served by two OBP
   * implementations (v2.0.0 and v3.0.0 `getCurrentUser`) needs two methods, with disjoint versions.
   */
  functionName?: string;
  /**
   * Last version prefix this endpoint is served under (default v5.1.0): the one before OBP serves
   * another implementation at this path (or drops it, `OBPAPIx_y_z.scala`).
   */
  servedUntil?: ApiVersion;
  /** First version prefix, where explorers call it under prefixes older than implementedIn. */
  servedFrom?: ApiVersion;
  /** Served at this absolute path instead of under the version prefixes (DirectLogin). */
  absolutePath?: boolean;
  summary: string;
  /** Markdown. OBP's "Authentication is Mandatory/Optional" line is added by the resource docs. */
  description: string;
  tags: string[];
  /** Any-of, as OBP's hasAtLeastOneEntitlement. */
  roles?: Role[];
  /**
   * How OBP-20006 names `roles` ([P §9.4]): `anyOf` (default) adds ` for BankId(<id>).` when one is a
   * bank role; `plain` only joins them with ` or ` (endpoints whose OBP code writes its own text).
   */
  missingRolesText?: 'anyOf' | 'plain';
  checks: Check[];
  body?: {
    type: Type<object>;
    example: unknown;
    /** The class name OBP's OBP-10001 text names, when it differs from the DTO's. */
    jsonName?: string;
    /** Endpoint-specific rules OBP checks right after reading the body; throw an ObpException. */
    afterValidate?: (body: never) => void;
  };
  success: {
    status: number;
    type?: Type<object> | [Type<object>];
    example: unknown;
    description?: string;
  };
  /**
   * A read of a customer's personal data (issue #13): each successful answer writes one access
   * event to the audit trail (`read`, `entityType`, entity_id = the customer, or `entityIdParam`).
   * The customer is CUSTOMER_ID, or, without one in the path, those `customersIn` finds in the answer.
   */
  access?: {
    entityType: string;
    entityIdParam?: string;
    customersIn?: (answer: never) => string[];
  };
  /** Errors the service may raise; the checks add their own. */
  errors?: ObpErrorName[];
  /** OBP's old-style endpoints ([P §0.3]): only the latest token counts; locked users get 400. */
  oldStyle?: boolean;
  /** Extra query parameters, documented in OpenAPI. */
  query?: QueryParameter[];
  /**
   * A list that takes OBP's paging parameters (`common/wire/paging.ts`): documents them and their
   * errors; the method reads them with `@Paged() paging: Paging`.
   */
  paged?: boolean;
  connectorMethods?: string[];
  /** The method returns its JSON body already serialized (a Buffer): sent as is, as JSON. */
  serializedJson?: boolean;
  isFeatured?: boolean;
}

export interface EndpointDefinition extends ObpEndpointOptions {
  verb: HttpVerb;
  /** `/banks/BANK_ID/customers` */
  path: string;
  /** OBP's function name, i.e. the controller method's name. */
  functionName: string;
  operationId: string;
  /** Every version prefix this endpoint is served under. */
  versions: ServedVersion[];
  /** Express paths: `/obp/v3.1.0/banks/:BANK_ID/customers`, … */
  expressPaths: string[];
  /** Honours the `Idempotency-Key` header (POST and PUT of a logged-in caller: wire/idempotency-key.ts). */
  idempotent: boolean;
  /** Every error the endpoint can answer, in order: the checks' errors first, then `errors`. */
  allErrors: ObpErrorName[];
  controller?: Type<object>;
}

/** Every `@ObpEndpoint` in the app, filled at class-definition time; read by the guard and the docs. */
export const ENDPOINTS: EndpointDefinition[] = [];

export const isPlaceholder = (segment: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(segment);

/** `/banks/BANK_ID/customers` → `/banks/:BANK_ID/customers`. */
export const toExpressPath = (path: string): string =>
  path
    .split('/')
    .map((s) => (isPlaceholder(s) ? `:${s}` : s))
    .join('/');

/** `/banks/BANK_ID/customers` → `/banks/{BANK_ID}/customers` (OpenAPI / Swagger). */
export const toTemplatePath = (path: string): string =>
  path
    .split('/')
    .map((s) => (isPlaceholder(s) ? `{${s}}` : s))
    .join('/');

export const placeholdersOf = (path: string): string[] => path.split('/').filter(isPlaceholder);

/** The version an endpoint is documented at: v3.1.0 where served, else the first one. */
export const canonicalVersion = (e: EndpointDefinition): ServedVersion =>
  e.versions.includes('v3.1.0') ? 'v3.1.0' : e.versions[0];

export const urlFor = (e: EndpointDefinition, version: ServedVersion): string =>
  e.absolutePath ? e.path : `${prefixOf(version)}${e.path}`;

/** An endpoint of one of our extension standards (not OBP's). */
export const isExtension = (e: Pick<EndpointDefinition, 'implementedIn'>): boolean =>
  isExtensionVersion(e.implementedIn);
