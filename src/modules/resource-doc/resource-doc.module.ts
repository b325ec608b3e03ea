import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';
import { OpenApiDocumentStore } from './openapi-document.store';
import { ResourceDocController } from './resource-doc.controller';
import { ResourceDocService } from './resource-doc.service';

@Module({
  controllers: [ResourceDocController, OpenApiController],
  providers: [ResourceDocService, OpenApiDocumentStore],
  exports: [OpenApiDocumentStore],
})
export class ResourceDocModule {}
