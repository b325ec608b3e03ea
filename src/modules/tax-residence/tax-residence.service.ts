import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/wire/ids';
import { type Paging, oldestFirst, pageFind } from '../../common/wire/paging';
import type { AuditActor } from '../audit/audit-actor';
import { actorParams, auditedWriteSql, sqlTextArray } from '../audit/audit-change';
import {
  type PostTaxResidenceJsonV310,
  type TaxResidenceJsonV310,
  type TaxResidenceV310,
  toTaxResidenceV310,
} from './dto/tax-residence.dto';
import { TaxResidenceEntity } from './tax-residence.entity';

/**
 * A hot path (issue #11): a named prepared statement, no entity hydration. Its audit row and outbox
 * row (issue #13, #15) are written by the same statement. The id is made here, so the answer (the
 * outbox row's data) is known before the statement.
 */
const CREATE = preparedStatement(
  'tax_residence_create',
  auditedWriteSql({
    write:
      'INSERT INTO tax_residence (id, customer_id, domain, tax_number)' +
      ' VALUES ($1::uuid, $2::uuid, $3::text, $4::text) RETURNING id, customer_id, domain, tax_number, created_at',
    writeParams: 4,
    action: "'create'",
    entityType: 'tax_residence',
    entityId: 's.id::text',
    bankId: '$9::text',
    customerId: 's.customer_id',
    changedFields: sqlTextArray(['domain', 'tax_number']),
    event: { type: 'tax_residence.created', data: '$8::jsonb' },
    returning:
      'id, customer_id AS "customerId", domain, tax_number AS "taxNumber", created_at AS "createdAt"',
  }),
);

/** The outbox row of a delete holds the residence's last JSON (TaxResidenceV310). */
const DELETE = preparedStatement(
  'tax_residence_delete',
  auditedWriteSql({
    write:
      'DELETE FROM tax_residence WHERE id = $1::uuid AND customer_id = $2::uuid' +
      ' RETURNING id, customer_id, domain, tax_number',
    writeParams: 2,
    action: "'delete'",
    entityType: 'tax_residence',
    entityId: 's.id::text',
    bankId: '$6::text',
    customerId: 's.customer_id',
    changedFields: "'{}'::text[]",
    event: {
      type: 'tax_residence.deleted',
      data: "jsonb_build_object('domain', s.domain, 'tax_number', s.tax_number, 'tax_residence_id', s.id)",
    },
    returning: 'id',
  }),
);

@Injectable()
export class TaxResidenceService {
  constructor(
    @InjectRepository(TaxResidenceEntity)
    private readonly taxResidences: Repository<TaxResidenceEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** A duplicate (customer, domain, tax_number) is OBP's plain storage failure, 400 OBP-50200 ([K §2.1]). */
  async create(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    body: PostTaxResidenceJsonV310,
  ): Promise<TaxResidenceV310> {
    const id = randomUUID();
    const answer = toTaxResidenceV310({ id, domain: body.domain, taxNumber: body.tax_number });
    try {
      const [row] = await runPrepared<TaxResidenceEntity>(this.dataSource, CREATE, [
        id,
        customerId,
        body.domain,
        body.tax_number,
        ...actorParams(actor),
        JSON.stringify(answer),
        bankId,
      ]);
      return toTaxResidenceV310(row);
    } catch (err) {
      if (isUniqueViolation(err, 'uq_tax_residence_customer_domain_number')) {
        throw new ObpException(ObpError.ConnectorEmptyResponse);
      }
      throw err;
    }
  }

  async list(customerId: string, paging: Paging): Promise<TaxResidenceJsonV310> {
    const rows = await this.taxResidences.find(
      pageFind(oldestFirst<TaxResidenceEntity>(), paging, { customerId }),
    );
    return { tax_residence: rows.map(toTaxResidenceV310) };
  }

  /** Only a residence of this customer is deleted; any other id is "not found" ([K §9] item 5). */
  async delete(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    taxResidenceId: string,
  ): Promise<boolean> {
    const deleted = isUuid(taxResidenceId)
      ? await runPrepared(this.dataSource, DELETE, [
          taxResidenceId,
          customerId,
          ...actorParams(actor),
          bankId,
        ])
      : [];
    if (deleted.length === 0) {
      throw ObpException.chain(ObpError.ConnectorEmptyResponse, ObpError.TaxResidenceNotFound);
    }
    return true;
  }
}
