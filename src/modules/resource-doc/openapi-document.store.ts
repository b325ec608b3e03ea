import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';

/**
 * The app's OpenAPI document, built once by `configureOpenApi` (before the app listens) and read by
 * `/openapi.json`, the resource docs' typed bodies and the Swagger 2.0 definitions.
 */
@Injectable()
export class OpenApiDocumentStore {
  private current?: OpenAPIObject;

  set(document: OpenAPIObject): void {
    this.current = document;
  }

  get document(): OpenAPIObject {
    if (!this.current)
      throw new ObpException(ObpError.UnexpectedCondition, ' The API description was not built.');
    return this.current;
  }
}
