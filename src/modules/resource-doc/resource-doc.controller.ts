import { Controller, Param, Query } from '@nestjs/common';
import type { ApiVersion } from '../../common/endpoint/api-versions';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { RequestedVersion } from '../../common/endpoint/requested-version.decorator';
import {
  GlossaryItemsJsonV300,
  ResourceDocsJson,
  ScannedApiVersionsJson,
  SwaggerResourceDocsJson,
  resourceDocExamples,
} from './dto/resource-doc.dto';
import { ResourceDocService } from './resource-doc.service';

const DOCS_QUERY = [
  {
    name: 'tags',
    description:
      'Keep the docs having any of these tags (comma separated, exact match), e.g. KYC,Customer',
  },
  {
    name: 'functions',
    description:
      'Keep the docs of these functions (comma separated), e.g. addKycCheck,getKycChecks',
  },
  { name: 'content', description: 'static, dynamic (always empty here) or all (default)' },
  { name: 'locale', description: 'en_GB (default) or es_ES; `language` is accepted as an alias' },
];

const VERSION_NOTE =
  'API_VERSION is an OBP version, written `v3.1.0` or `OBPv3.1.0`; only the endpoints served under that version are listed, ' +
  'with `specified_url` under it and `request_url` under the version that implemented them.';

@Controller()
export class ResourceDocController {
  constructor(private readonly docs: ResourceDocService) {}

  @ObpEndpoint({
    route: 'GET /resource-docs/API_VERSION/obp',
    implementedIn: 'v1.4.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Resource Docs.',
    description:
      'Get documentation about the RESTful resources of this API: the data the API Explorer displays.\n\n' +
      `${VERSION_NOTE}\n\n` +
      'Under the version prefixes v4.0.0 and later the answer also has `meta` (`response_date`, `count`). ' +
      'The list is sorted by `specified_url`, then verb.\n\nAuthentication is Optional',
    tags: ['Documentation', 'API'],
    serializedJson: true,
    checks: [],
    query: DOCS_QUERY,
    success: {
      status: 200,
      type: ResourceDocsJson,
      example: { resource_docs: [resourceDocExamples.doc] },
    },
    errors: ['InvalidApiVersionString', 'InvalidLocale', 'UnknownError'],
  })
  getResourceDocsObp(
    @RequestedVersion() prefix: ApiVersion | undefined,
    @Param('API_VERSION') apiVersion: string,
    @Query() query: Record<string, unknown>,
  ): Buffer {
    return this.docs.resourceDocs(prefix, apiVersion, query);
  }

  @ObpEndpoint({
    route: 'GET /resource-docs/API_VERSION/swagger',
    implementedIn: 'v1.4.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Swagger documentation',
    description:
      'Returns the resource docs of API_VERSION as Swagger 2.0, with the same `tags` and `functions` filters. ' +
      'As OBP, every operation lists its success under 201 (POST), 204 (DELETE) or 200 and one 400 error; ' +
      'the real statuses are in /openapi.json.\n\n' +
      `${VERSION_NOTE}\n\nAuthentication is Optional`,
    tags: ['Documentation', 'API'],
    checks: [],
    query: DOCS_QUERY,
    success: { status: 200, type: SwaggerResourceDocsJson, example: resourceDocExamples.swagger },
    errors: ['InvalidApiVersionString', 'InvalidLocale', 'UnknownError'],
  })
  getResourceDocsSwagger(
    @Param('API_VERSION') apiVersion: string,
    @Query() query: Record<string, unknown>,
  ): SwaggerResourceDocsJson {
    return this.docs.swagger(apiVersion, query);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/resource-docs/API_VERSION/obp',
    implementedIn: 'v1.4.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Bank Level Dynamic Resource Docs.',
    description:
      'Get the resource docs of the dynamic endpoints of the bank specified by BANK_ID. This server has no dynamic ' +
      'endpoints, so the list is always empty.\n\nAuthentication is Optional',
    tags: ['Documentation', 'API'],
    checks: ['bank'],
    query: DOCS_QUERY,
    success: { status: 200, type: ResourceDocsJson, example: { resource_docs: [] } },
    errors: ['InvalidApiVersionString', 'InvalidLocale', 'UnknownError'],
  })
  getBankLevelDynamicResourceDocsObp(
    @RequestedVersion() prefix: ApiVersion | undefined,
    @Param('API_VERSION') apiVersion: string,
    @Query() query: Record<string, unknown>,
  ): ResourceDocsJson {
    return this.docs.bankResourceDocs(prefix, apiVersion, query);
  }

  @ObpEndpoint({
    route: 'GET /api/versions',
    implementedIn: 'v4.0.0',
    servedFrom: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get scanned API Versions',
    description:
      'Get all the API versions this server answers under, as OBP scans them. Each version is written both in ' +
      "OBP's `ScannedApiVersion` spelling (`apiStandard`, `API_VERSION`, …) and the newer snake_case one " +
      '(`api_standard`, `api_short_version`, `is_active`), as the API Explorers read either.\n\n' +
      'Served under every prefix from v3.0.0, where explorers call it.\n\nAuthentication is Optional',
    tags: ['Documentation', 'API'],
    checks: [],
    success: { status: 200, type: ScannedApiVersionsJson, example: resourceDocExamples.versions },
    errors: ['UnknownError'],
  })
  getScannedApiVersions(): ScannedApiVersionsJson {
    return this.docs.versions();
  }

  @ObpEndpoint({
    route: 'GET /api/glossary',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Glossary of the API',
    description:
      'Get the glossary of the API: the terms the field lists of the resource docs link to (`/glossary#Bank.bank_id`), ' +
      'in markdown and HTML.\n\nAuthentication is Optional',
    tags: ['Documentation'],
    checks: [],
    success: { status: 200, type: GlossaryItemsJsonV300, example: resourceDocExamples.glossary },
    errors: ['UnknownError'],
  })
  getApiGlossary(): GlossaryItemsJsonV300 {
    return this.docs.glossary();
  }
}
