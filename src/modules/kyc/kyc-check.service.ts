import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/wire/obp-date';
import { type ListOrder, type Paging, pageFind } from '../../common/wire/paging';
import type { AuditActor } from '../audit/audit-actor';
import {
  type KycCheckJSON,
  type KycChecksJSON,
  type PostKycCheckJSON,
  toKycCheckJSON,
} from './dto/kyc-check.dto';
import { KycCheckEntity } from './kyc-check.entity';
import { assertKycId, upsertForCustomer } from './kyc-write';

/** Most recently created or updated first, then by id ([K §7]); ix_kyc_check_list serves it. */
export const KYC_CHECK_ORDER: ListOrder<KycCheckEntity> = {
  date: 'updatedAt',
  direction: 'DESC',
  tie: 'id',
  tieDirection: 'ASC',
};

@Injectable()
export class KycCheckService {
  constructor(
    @InjectRepository(KycCheckEntity) private readonly checks: Repository<KycCheckEntity>,
  ) {}

  /** Create or replace; 409 when the id belongs to another customer ([K §6.6], [K §9] item 6). */
  async put(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    checkId: string,
    body: PostKycCheckJSON,
  ): Promise<KycCheckJSON> {
    assertKycId('KYC_CHECK_ID', checkId);
    const row = await upsertForCustomer(
      this.checks,
      {
        id: checkId,
        bankId,
        customerId,
        customerNumber: body.customer_number,
        date: parseObpDate(body.date)!,
        how: body.how,
        staffUserId: body.staff_user_id,
        staffName: body.staff_name,
        satisfied: body.satisfied,
        comments: body.comments,
      },
      { actor, entityType: 'kyc_check', eventType: 'kyc_check.upserted', answer: toKycCheckJSON },
    );
    if (!row)
      throw new ObpException(
        ObpError.KycIdUsedByAnotherCustomer,
        `Current KYC_CHECK_ID(${checkId})`,
      );
    return toKycCheckJSON(row);
  }

  /** Every check of the customer, at any bank; most recently created or updated first ([K §7]). */
  async list(customerId: string, paging: Paging): Promise<KycChecksJSON> {
    const rows = await this.checks.find(pageFind(KYC_CHECK_ORDER, paging, { customerId }));
    return { checks: rows.map(toKycCheckJSON) };
  }
}
