import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/wire/obp-date';
import { type ListOrder, type Paging, pageFind } from '../../common/wire/paging';
import type { AuditActor } from '../audit/audit-actor';
import {
  type KycMediaJSON,
  type KycMediasJSON,
  type PostKycMediaJSON,
  toKycMediaJSON,
} from './dto/kyc-media.dto';
import { KycMediaEntity } from './kyc-media.entity';
import { assertKycId, upsertForCustomer } from './kyc-write';

/** Most recently created or updated first, then by id ([K §7]); ix_kyc_media_list serves it. */
export const KYC_MEDIA_ORDER: ListOrder<KycMediaEntity> = {
  date: 'updatedAt',
  direction: 'DESC',
  tie: 'id',
  tieDirection: 'ASC',
};

@Injectable()
export class KycMediaService {
  constructor(
    @InjectRepository(KycMediaEntity) private readonly media: Repository<KycMediaEntity>,
  ) {}

  /**
   * Create or replace; 409 when the id belongs to another customer ([K §6.6], [K §9] item 6). The
   * `relates_to_*` ids are stored as given, not looked up (as OBP).
   */
  async put(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    mediaId: string,
    body: PostKycMediaJSON,
  ): Promise<KycMediaJSON> {
    assertKycId('KYC_MEDIA_ID', mediaId);
    const row = await upsertForCustomer(
      this.media,
      {
        id: mediaId,
        bankId,
        customerId,
        customerNumber: body.customer_number,
        type: body.type,
        url: body.url,
        date: parseObpDate(body.date)!,
        relatesToKycDocumentId: body.relates_to_kyc_document_id,
        relatesToKycCheckId: body.relates_to_kyc_check_id,
      },
      { actor, entityType: 'kyc_media', eventType: 'kyc_media.upserted', answer: toKycMediaJSON },
    );
    if (!row)
      throw new ObpException(
        ObpError.KycIdUsedByAnotherCustomer,
        `Current KYC_MEDIA_ID(${mediaId})`,
      );
    return toKycMediaJSON(row);
  }

  /** Every media item of the customer, at any bank; most recently created or updated first ([K §7]). */
  async list(customerId: string, paging: Paging): Promise<KycMediasJSON> {
    const rows = await this.media.find(pageFind(KYC_MEDIA_ORDER, paging, { customerId }));
    return { medias: rows.map(toKycMediaJSON) };
  }
}
