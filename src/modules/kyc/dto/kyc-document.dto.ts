import { IsObpDate, toObpDate } from '../../../common/wire/obp-date';
import { ObpString } from '../../../common/wire/obp-string';
import type { KycDocumentEntity } from '../kyc-document.entity';

/** Body of PUT .../kyc_documents/KYC_DOCUMENT_ID ([K §6.3]); widths are OBP's columns. */
export class PostKycDocumentJSON {
  @ObpString(50) customer_number!: string;
  @ObpString(50) type!: string;
  @ObpString(50) number!: string;
  @IsObpDate() issue_date!: string;
  @ObpString(512) issue_place!: string;
  @IsObpDate() expiry_date!: string;
}

export class KycDocumentJSON {
  bank_id!: string;
  customer_id!: string;
  id!: string;
  customer_number!: string;
  type!: string;
  number!: string;
  issue_date!: string;
  issue_place!: string;
  expiry_date!: string;
}

export class KycDocumentsJSON {
  documents!: KycDocumentJSON[];
}

export const toKycDocumentJSON = (row: KycDocumentEntity): KycDocumentJSON => ({
  bank_id: row.bankId,
  customer_id: row.customerId,
  id: row.id,
  customer_number: row.customerNumber,
  type: row.type,
  number: row.number,
  issue_date: toObpDate(row.issueDate),
  issue_place: row.issuePlace,
  expiry_date: toObpDate(row.expiryDate),
});

const post = {
  customer_number: '5987953',
  type: 'passport',
  number: '12345',
  issue_date: '2015-01-01T00:00:00Z',
  issue_place: 'Berlin',
  expiry_date: '2025-01-01T00:00:00Z',
};

export const kycDocumentExamples = {
  post,
  document: {
    bank_id: 'gh.29.uk',
    customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
    id: 'KYC_DOCUMENT_ID',
    ...post,
  },
} satisfies { post: PostKycDocumentJSON; document: KycDocumentJSON };
