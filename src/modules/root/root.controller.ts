import { Controller, Get } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { API_VERSIONS } from '../../common/endpoint/api-versions';
import { Public } from '../../common/endpoint/public.decorator';
import type { ApiVersion } from '../../common/endpoint/api-versions';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { RequestedVersion } from '../../common/endpoint/requested-version.decorator';
import { RootService } from './root.service';
import { APIInfoJson400, APIInfoJSON, rootExamples } from './dto/root.dto';

@Controller()
export class RootController {
  constructor(private readonly rootInfo: RootService) {}

  @ObpEndpoint({
    route: 'GET /root',
    implementedIn: 'v3.0.0',
    servedUntil: 'v3.1.0',
    summary: 'Get API Info (root)',
    description:
      'Returns information about this API instance: version, git commit, connector, hosted by.\n\nAuthentication is Optional',
    tags: ['API'],
    checks: [],
    success: { status: 200, type: APIInfoJSON, example: rootExamples.v310 },
    errors: ['UnknownError'],
  })
  root(@RequestedVersion() version: ApiVersion): APIInfoJSON {
    return this.rootInfo.info(version);
  }

  @ObpEndpoint({
    route: 'GET /root',
    implementedIn: 'v4.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get API Info (root)',
    description:
      'Returns information about this API instance, with the fields the OBP API Explorer reads (hostname, resource_docs_requires_role, ...).\n\nAuthentication is Optional',
    tags: ['API'],
    checks: [],
    success: { status: 200, type: APIInfoJson400, example: rootExamples.v400 },
    errors: ['UnknownError'],
  })
  getRoot(@RequestedVersion() version: ApiVersion): APIInfoJson400 {
    return this.rootInfo.info400(version);
  }

  /** OBP also answers the root at the bare version prefix (`GET /obp/v3.1.0/`, [P §11]). */
  @Public()
  @ApiExcludeEndpoint()
  @Get(API_VERSIONS.map((v) => `/obp/${v}`))
  bareRoot(@RequestedVersion() version: ApiVersion | undefined): APIInfoJSON | APIInfoJson400 {
    return this.rootInfo.forVersion(version ?? 'v3.1.0');
  }
}
