import { IsObpDate, toObpDate } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { KycMediaEntity } from '../kyc-media.entity';

/** Body of PUT .../kyc_media/KYC_MEDIA_ID ([K §6.4]); widths are OBP's columns. */
export class PostKycMediaJSON {
  @ObpString(44) customer_number!: string;
  @ObpString(50) type!: string;
  @ObpString(255) url!: string;
  @IsObpDate() date!: string;
  @ObpString(255) relates_to_kyc_document_id!: string;
  @ObpString(255) relates_to_kyc_check_id!: string;
}

export class KycMediaJSON {
  bank_id!: string;
  customer_id!: string;
  id!: string;
  customer_number!: string;
  type!: string;
  url!: string;
  date!: string;
  relates_to_kyc_document_id!: string;
  relates_to_kyc_check_id!: string;
}

/** The wrapper is `medias` (sic, [K §7]). */
export class KycMediasJSON {
  medias!: KycMediaJSON[];
}

export const toKycMediaJSON = (row: KycMediaEntity): KycMediaJSON => ({
  bank_id: row.bankId,
  customer_id: row.customerId,
  id: row.id,
  customer_number: row.customerNumber,
  type: row.type,
  url: row.url,
  date: toObpDate(row.date),
  relates_to_kyc_document_id: row.relatesToKycDocumentId,
  relates_to_kyc_check_id: row.relatesToKycCheckId,
});

const post = {
  customer_number: '5987953',
  type: 'image',
  url: 'http://www.example.com/id-docs/123/image.png',
  date: '2017-09-19T00:00:00Z',
  relates_to_kyc_document_id: '123',
  relates_to_kyc_check_id: '123',
};

export const kycMediaExamples = {
  post,
  media: {
    bank_id: 'gh.29.uk',
    customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
    id: 'KYC_MEDIA_ID',
    ...post,
  },
} satisfies { post: PostKycMediaJSON; media: KycMediaJSON };
