import {
  EXTENSION_STANDARDS,
  fullyQualified,
  isExtensionVersion,
  type ServedVersion,
} from '../../../common/endpoint/api-versions';

/** OBP's `ImplementedByJson`: `{"version":"OBPv2.0.0","function":"addKycCheck"}`. */
export class ImplementedByJson {
  version!: string;
  function!: string;
}

export class ResourceDocRoleJson {
  role!: string;
  requires_bank_id!: boolean;
}

/** One resource doc, OBP's `ResourceDocJson` ([P §10.3]), fields in OBP's order. */
export class ResourceDocJson {
  operation_id!: string;
  implemented_by!: ImplementedByJson;
  request_verb!: string;
  request_url!: string;
  summary!: string;
  /** HTML rendered from description_markdown. */
  description!: string;
  description_markdown!: string;
  /** Omitted when the endpoint takes no body. */
  example_request_body?: object;
  /** Omitted when the endpoint answers no body. */
  success_response_body?: unknown;
  error_response_bodies!: string[];
  tags!: string[];
  typed_request_body!: object;
  typed_success_response_body!: object;
  /** Omitted when the endpoint declares no roles. */
  roles?: ResourceDocRoleJson[];
  is_featured!: boolean;
  special_instructions!: string;
  specified_url!: string;
  connector_methods!: string[];
}

export class ResourceDocsMetaJson {
  response_date!: string;
  count!: number;
}

/** `{"resource_docs":[...]}`; under the v4.0.0 prefix and later also `meta` ([P §10.1]). */
export class ResourceDocsJson {
  meta?: ResourceDocsMetaJson;
  resource_docs!: ResourceDocJson[];
}

/** OBP's Swagger 2.0 view ([P §10.4]); its paths and definitions are free-form. */
export class SwaggerResourceDocsJson {
  swagger!: string;
  info!: object;
  host!: string;
  basePath!: string;
  schemes!: string[];
  securityDefinitions!: object;
  security!: object[];
  paths!: object;
  definitions!: object;
}

/**
 * One version of `GET /api/versions`, in both spellings the explorers read: OBP's camelCase
 * `ScannedApiVersion` (+ `API_VERSION`) and the newer snake_case one ([explorer-and-users §6]).
 */
export class ScannedApiVersionJson {
  urlPrefix!: string;
  apiStandard!: string;
  apiShortVersion!: string;
  API_VERSION!: string;
  /** OBP's `ScannedApiVersion.fullyQualifiedVersion`: `OBPv3.1.0`, `KYCv1.0.0`. */
  fullyQualifiedVersion!: string;
  url_prefix!: string;
  api_standard!: string;
  api_short_version!: string;
  fully_qualified_version!: string;
  is_active!: boolean;
}

export class ScannedApiVersionsJson {
  scanned_api_versions!: ScannedApiVersionJson[];
}

export class GlossaryDescriptionJson {
  markdown!: string;
  html!: string;
}

export class GlossaryItemJson {
  title!: string;
  description!: GlossaryDescriptionJson;
}

export class GlossaryItemsJsonV300 {
  glossary_items!: GlossaryItemJson[];
}

/** How `GET /api/versions` lists one version: OBP's (`v3.1.0`) or an extension standard's (`KYCv1.0.0`). */
export const scannedApiVersion = (version: ServedVersion): ScannedApiVersionJson => {
  const ext = isExtensionVersion(version) ? EXTENSION_STANDARDS[version] : undefined;
  const urlPrefix = ext?.urlPrefix ?? 'obp';
  const apiStandard = ext?.apiStandard ?? 'obp';
  const short = ext?.apiVersion ?? version;
  return {
    urlPrefix,
    apiStandard,
    apiShortVersion: short,
    API_VERSION: short,
    fullyQualifiedVersion: fullyQualified(version),
    url_prefix: urlPrefix,
    api_standard: apiStandard,
    api_short_version: short,
    fully_qualified_version: fullyQualified(version),
    is_active: true,
  };
};

export const resourceDocExamples = {
  doc: {
    operation_id: 'OBPv2.0.0-getKycChecks',
    implemented_by: { version: 'OBPv2.0.0', function: 'getKycChecks' },
    request_verb: 'GET',
    request_url: '/obp/v2.0.0/customers/CUSTOMER_ID/kyc_checks',
    summary: 'Get Customer KYC Checks',
    description:
      '<p>Get KYC checks for the Customer specified by CUSTOMER_ID.</p><p>Authentication is Mandatory</p>',
    description_markdown:
      'Get KYC checks for the Customer specified by CUSTOMER_ID.\n\nAuthentication is Mandatory',
    success_response_body: { checks: [] },
    error_response_bodies: [
      'OBP-20001: User not logged in. Authentication is required!',
      'OBP-20006: User is missing one or more roles: ',
      'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.',
      'OBP-50000: Unknown Error.',
    ],
    tags: ['KYC', 'Customer'],
    typed_request_body: {},
    typed_success_response_body: {
      type: 'object',
      properties: { checks: { type: 'array', items: { type: 'object' } } },
    },
    roles: [{ role: 'CanGetAnyKycChecks', requires_bank_id: false }],
    is_featured: false,
    special_instructions: '',
    specified_url: '/obp/v3.1.0/customers/CUSTOMER_ID/kyc_checks',
    connector_methods: [],
  },
  swagger: {
    swagger: '2.0',
    info: { title: 'Open Bank Project API', version: 'v3.1.0' },
    host: '127.0.0.1:8080',
    basePath: '/',
    schemes: ['http', 'https'],
    securityDefinitions: { directLogin: { type: 'apiKey', in: 'header', name: 'Authorization' } },
    security: [{ directLogin: [], gatewayLogin: [] }],
    paths: {},
    definitions: {},
  },
  versions: { scanned_api_versions: [scannedApiVersion('v3.1.0')] },
  glossary: {
    glossary_items: [
      {
        title: 'Bank.bank_id',
        description: {
          markdown: 'An identifier that uniquely identifies the bank.',
          html: '<p>An identifier that uniquely identifies the bank.</p>',
        },
      },
    ],
  },
} satisfies {
  doc: ResourceDocJson;
  swagger: SwaggerResourceDocsJson;
  versions: ScannedApiVersionsJson;
  glossary: GlossaryItemsJsonV300;
};
