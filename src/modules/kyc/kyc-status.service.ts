import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import { parseObpDate } from '../../common/wire/obp-date';
import { type ListOrder, type Paging, pagedStatements } from '../../common/wire/paging';
import {
  type KycStatusJSON,
  type KycStatusesJSON,
  type PostKycStatusJSON,
  toKycStatusJSON,
} from './dto/kyc-status.dto';
import { KycStatusEntity } from './kyc-status.entity';

type StatusRow = Pick<KycStatusEntity, 'customerId' | 'customerNumber' | 'ok' | 'date'>;

const RETURNED = 'customer_id AS "customerId", customer_number AS "customerNumber", ok, date';

/** Both are hot paths (issue #11): named prepared statements, no entity hydration. */
const ADD = preparedStatement(
  'kyc_status_add',
  'INSERT INTO kyc_status (bank_id, customer_id, customer_number, ok, date)' +
    ` VALUES ($1::text, $2::uuid, $3::text, $4::boolean, $5::timestamptz) RETURNING ${RETURNED}`,
);
/** Newest PUT first, ties in reverse insertion order; ix_kyc_status_list serves it. */
export const KYC_STATUS_ORDER: ListOrder<KycStatusEntity> = {
  date: 'createdAt',
  direction: 'DESC',
  tie: 'seq',
  tieDirection: 'DESC',
};
const LIST = pagedStatements(
  'kyc_status_list',
  `SELECT ${RETURNED} FROM kyc_status`,
  'customer_id = $1::uuid',
  1,
  KYC_STATUS_ORDER,
);

@Injectable()
export class KycStatusService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends to the customer's timeline: every PUT is a new row ([K §9] item 7; OBP overwrites). */
  async add(bankId: string, customerId: string, body: PostKycStatusJSON): Promise<KycStatusJSON> {
    const [row] = await runPrepared<StatusRow>(this.dataSource, ADD, [
      bankId,
      customerId,
      body.customer_number,
      body.ok,
      parseObpDate(body.date)!,
    ]);
    return toKycStatusJSON(row);
  }

  /** The whole timeline, at any bank; newest PUT first, ties in reverse insertion order. */
  async list(customerId: string, paging: Paging): Promise<KycStatusesJSON> {
    const { statement, values } = LIST(paging, [customerId]);
    const rows = await runPrepared<StatusRow>(this.dataSource, statement, values);
    return { statuses: rows.map(toKycStatusJSON) };
  }
}
