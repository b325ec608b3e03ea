import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { runPrepared } from '../../database/prepared-statement';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/wire/obp-date';
import { type ListOrder, type Paging, pagedStatements } from '../../common/wire/paging';
import type { AuditActor } from '../audit/audit-actor';
import {
  type KycDocumentJSON,
  type KycDocumentsJSON,
  type PostKycDocumentJSON,
  toKycDocumentJSON,
} from './dto/kyc-document.dto';
import { KycDocumentEntity } from './kyc-document.entity';
import { assertKycId, upsertForCustomer } from './kyc-write';

/** Most recently created or updated first, then by id ([K §7]); ix_kyc_document_list serves it. */
export const KYC_DOCUMENT_ORDER: ListOrder<KycDocumentEntity> = {
  date: 'updatedAt',
  direction: 'DESC',
  tie: 'id',
  tieDirection: 'ASC',
};

/** A hot path (issue #11): named prepared statements, no entity hydration. */
const LIST = pagedStatements(
  'kyc_document_list',
  'SELECT id, bank_id AS "bankId", customer_id AS "customerId", customer_number AS "customerNumber",' +
    ' type, number, issue_date AS "issueDate", issue_place AS "issuePlace", expiry_date AS "expiryDate"' +
    ' FROM kyc_document',
  'customer_id = $1::uuid',
  1,
  KYC_DOCUMENT_ORDER,
);

@Injectable()
export class KycDocumentService {
  constructor(
    @InjectRepository(KycDocumentEntity) private readonly documents: Repository<KycDocumentEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** Create or replace; 409 when the id belongs to another customer ([K §6.6], [K §9] item 6). */
  async put(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    documentId: string,
    body: PostKycDocumentJSON,
  ): Promise<KycDocumentJSON> {
    assertKycId('KYC_DOCUMENT_ID', documentId);
    const row = await upsertForCustomer(
      this.documents,
      {
        id: documentId,
        bankId,
        customerId,
        customerNumber: body.customer_number,
        type: body.type,
        number: body.number,
        issueDate: parseObpDate(body.issue_date)!,
        issuePlace: body.issue_place,
        expiryDate: parseObpDate(body.expiry_date)!,
      },
      {
        actor,
        entityType: 'kyc_document',
        eventType: 'kyc_document.upserted',
        answer: toKycDocumentJSON,
      },
    );
    if (!row) {
      throw new ObpException(
        ObpError.KycIdUsedByAnotherCustomer,
        `Current KYC_DOCUMENT_ID(${documentId})`,
      );
    }
    return toKycDocumentJSON(row);
  }

  /** Every document of the customer, at any bank; most recently created or updated first ([K §7]). */
  async list(customerId: string, paging: Paging): Promise<KycDocumentsJSON> {
    const { statement, values } = LIST(paging, [customerId]);
    const rows = await runPrepared<KycDocumentEntity>(this.dataSource, statement, values);
    return { documents: rows.map(toKycDocumentJSON) };
  }
}
