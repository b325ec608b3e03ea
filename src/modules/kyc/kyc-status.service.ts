import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import { parseObpDate } from '../../common/wire/obp-date';
import { type ListOrder, type Paging, pagedStatements } from '../../common/wire/paging';
import type { AuditActor } from '../audit/audit-actor';
import { actorParams, auditedWriteSql, sqlTextArray } from '../audit/audit-change';
import {
  type KycStatusJSON,
  type KycStatusesJSON,
  type PostKycStatusJSON,
  toKycStatusJSON,
} from './dto/kyc-status.dto';
import { KycStatusEntity } from './kyc-status.entity';

type StatusRow = Pick<KycStatusEntity, 'customerId' | 'customerNumber' | 'ok' | 'date'>;

const RETURNED = 'customer_id AS "customerId", customer_number AS "customerNumber", ok, date';

/**
 * Both are hot paths (issue #11): named prepared statements, no entity hydration. The add writes
 * its audit row and its outbox row (issue #13, #15) in the same statement: one round trip, atomic.
 */
const ADD = preparedStatement(
  'kyc_status_add',
  auditedWriteSql({
    write:
      'INSERT INTO kyc_status (bank_id, customer_id, customer_number, ok, date)' +
      ' VALUES ($1::text, $2::uuid, $3::text, $4::boolean, $5::timestamptz)' +
      ' RETURNING bank_id, customer_id, customer_number, ok, date',
    writeParams: 5,
    action: "'create'",
    entityType: 'kyc_status',
    // a status has no id of its own in OBP: the customer's timeline is what changes
    entityId: 's.customer_id::text',
    bankId: 's.bank_id',
    customerId: 's.customer_id',
    changedFields: sqlTextArray(['customer_number', 'ok', 'date']),
    // the answer is known before the statement (a status has no generated field)
    event: { type: 'kyc_status.added', data: '$9::jsonb' },
    returning: RETURNED,
  }),
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
  async add(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    body: PostKycStatusJSON,
  ): Promise<KycStatusJSON> {
    const date = parseObpDate(body.date)!;
    const answer = toKycStatusJSON({
      customerId,
      customerNumber: body.customer_number,
      ok: body.ok,
      date,
    });
    const [row] = await runPrepared<StatusRow>(this.dataSource, ADD, [
      bankId,
      customerId,
      body.customer_number,
      body.ok,
      date,
      ...actorParams(actor),
      JSON.stringify(answer),
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
