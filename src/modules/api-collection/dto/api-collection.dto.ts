/** OBP's ApiCollectionJson400: a named list of operation ids a user keeps (Explorer II's favourites). */
export class ApiCollectionJson400 {
  api_collection_id!: string;
  user_id!: string;
  api_collection_name!: string;
  is_sharable!: boolean;
  description!: string;
}

export class ApiCollectionsJson400 {
  api_collections!: ApiCollectionJson400[];
}

export const apiCollectionExamples = {
  list: {
    api_collections: [
      {
        api_collection_id: '7a1bd4b6-4f6e-4a0e-9e0f-7c1d3a5a9b21',
        user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
        api_collection_name: 'Favourites',
        is_sharable: true,
        description: 'My favourite endpoints',
      },
    ],
  },
} satisfies { list: ApiCollectionsJson400 };
