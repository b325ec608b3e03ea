import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/wire/ids';
import { type Paging, oldestFirst, pageFind } from '../../common/wire/paging';
import {
  type PostTaxResidenceJsonV310,
  type TaxResidenceJsonV310,
  type TaxResidenceV310,
  toTaxResidenceV310,
} from './dto/tax-residence.dto';
import { TaxResidenceEntity } from './tax-residence.entity';

/** A hot path (issue #11): a named prepared statement, no entity hydration. */
const CREATE = preparedStatement(
  'tax_residence_create',
  'INSERT INTO tax_residence (customer_id, domain, tax_number) VALUES ($1::uuid, $2::text, $3::text)' +
    ' RETURNING id, customer_id AS "customerId", domain, tax_number AS "taxNumber", created_at AS "createdAt"',
);

@Injectable()
export class TaxResidenceService {
  constructor(
    @InjectRepository(TaxResidenceEntity)
    private readonly taxResidences: Repository<TaxResidenceEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** A duplicate (customer, domain, tax_number) is OBP's plain storage failure, 400 OBP-50200 ([K §2.1]). */
  async create(customerId: string, body: PostTaxResidenceJsonV310): Promise<TaxResidenceV310> {
    try {
      const [row] = await runPrepared<TaxResidenceEntity>(this.dataSource, CREATE, [
        customerId,
        body.domain,
        body.tax_number,
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
  async delete(customerId: string, taxResidenceId: string): Promise<boolean> {
    const result = isUuid(taxResidenceId)
      ? await this.taxResidences.delete({ id: taxResidenceId, customerId })
      : { affected: 0 };
    if (!result.affected) {
      throw ObpException.chain(ObpError.ConnectorEmptyResponse, ObpError.TaxResidenceNotFound);
    }
    return true;
  }
}
