import { Module } from '@nestjs/common';
import { ApiCollectionController } from './api-collection.controller';
import { ApiCollectionService } from './api-collection.service';

@Module({ controllers: [ApiCollectionController], providers: [ApiCollectionService] })
export class ApiCollectionModule {}
