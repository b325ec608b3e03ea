import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/wire/obp-date';
import {
  type KycDocumentJSON,
  type KycDocumentsJSON,
  type PostKycDocumentJSON,
  toKycDocumentJSON,
} from './dto/kyc-document.dto';
import { KycDocumentEntity } from './kyc-document.entity';
import { assertKycId, upsertForCustomer } from './kyc-write';

@Injectable()
export class KycDocumentService {
  constructor(
    @InjectRepository(KycDocumentEntity) private readonly documents: Repository<KycDocumentEntity>,
  ) {}

  /** Create or replace; 409 when the id belongs to another customer ([K §6.6], [K §9] item 6). */
  async put(
    bankId: string,
    customerId: string,
    documentId: string,
    body: PostKycDocumentJSON,
  ): Promise<KycDocumentJSON> {
    assertKycId('KYC_DOCUMENT_ID', documentId);
    const row = await upsertForCustomer(this.documents, {
      id: documentId,
      bankId,
      customerId,
      customerNumber: body.customer_number,
      type: body.type,
      number: body.number,
      issueDate: parseObpDate(body.issue_date)!,
      issuePlace: body.issue_place,
      expiryDate: parseObpDate(body.expiry_date)!,
    });
    if (!row) {
      throw new ObpException(
        ObpError.KycIdUsedByAnotherCustomer,
        `Current KYC_DOCUMENT_ID(${documentId})`,
      );
    }
    return toKycDocumentJSON(row);
  }

  /** Every document of the customer, at any bank; most recently created or updated first ([K §7]). */
  async list(customerId: string): Promise<KycDocumentsJSON> {
    const rows = await this.documents.find({
      where: { customerId },
      order: { updatedAt: 'DESC', id: 'ASC' },
    });
    return { documents: rows.map(toKycDocumentJSON) };
  }
}
