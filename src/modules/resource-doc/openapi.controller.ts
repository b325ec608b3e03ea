import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { Public } from '../../common/endpoint/public.decorator';
import { OpenApiDocumentStore } from './openapi-document.store';

/** `/openapi.json`: the OpenAPI 3 document of the whole API, the same as the committed openapi/openapi.json. */
@ApiExcludeController()
@Public()
@Controller()
export class OpenApiController {
  constructor(private readonly openApi: OpenApiDocumentStore) {}

  @Get('openapi.json')
  document(): OpenAPIObject {
    return this.openApi.document;
  }
}
