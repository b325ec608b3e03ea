import { Injectable } from '@nestjs/common';
import type { ApiCollectionsJson400 } from './dto/api-collection.dto';

@Injectable()
export class ApiCollectionService {
  /** This server offers no way to create an API collection yet, so every user's list is empty. */
  mine(): ApiCollectionsJson400 {
    return { api_collections: [] };
  }
}
