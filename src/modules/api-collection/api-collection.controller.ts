import { Controller } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ApiCollectionService } from './api-collection.service';
import { ApiCollectionsJson400, apiCollectionExamples } from './dto/api-collection.dto';

@Controller()
export class ApiCollectionController {
  constructor(private readonly collections: ApiCollectionService) {}

  @ObpEndpoint({
    route: 'GET /my/api-collections',
    implementedIn: 'v4.0.0',
    summary: 'Get My Api Collections',
    description:
      'Get all the apiCollections for logged in user.\n\n' +
      'OBP API Explorer II reads it at start-up (its favourites). This server does not store API ' +
      'collections yet, so the list is empty.',
    tags: ['Api-Collection'],
    checks: ['login'],
    success: { status: 200, type: ApiCollectionsJson400, example: apiCollectionExamples.list },
    errors: ['UnknownError'],
  })
  getMyApiCollections(): ApiCollectionsJson400 {
    return this.collections.mine();
  }
}
