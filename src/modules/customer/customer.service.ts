import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/wire/ids';
import type { AuditActor } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { CustomerEntity } from './customer.entity';
import {
  type CustomerJsonV310,
  type CustomerWithAttributesJsonV310,
  type PostCustomerJsonV310,
  customerColumns,
  toCustomerJsonV310,
  toCustomerWithAttributesJsonV310,
} from './dto/customer.dto';
import { type Paging, oldestFirst, pageFind } from '../../common/wire/paging';

const NUMBER_CONSTRAINT = 'uq_customer_bank_number';
/** A clash of two random numbers in [0, 2^31) at one bank is rare; this many in a row is not. */
const NUMBER_ATTEMPTS = 5;

/** The fields of a posted customer (wire names), as a create's audit event lists them. */
const CUSTOMER_BODY_FIELDS = [
  'legal_name',
  'mobile_phone_number',
  'email',
  'face_image',
  'date_of_birth',
  'relationship_status',
  'dependants',
  'dob_of_dependants',
  'credit_rating',
  'credit_limit',
  'highest_education_attained',
  'employment_status',
  'kyc_status',
  'last_ok_date',
  'title',
  'branch_id',
  'name_suffix',
] as const satisfies (keyof PostCustomerJsonV310)[];

/** OBP's `Random.nextInt(Integer.MAX_VALUE).toString` ([P §5.1]). */
const randomCustomerNumber = (): string => String(randomInt(0, 2 ** 31 - 1));

@Injectable()
export class CustomerService {
  constructor(
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The bank of a customer, or undefined for an unknown CUSTOMER_ID. */
  async bankOf(customerId: string): Promise<string | undefined> {
    if (!isUuid(customerId)) return undefined;
    const row = await this.customers.findOne({
      select: { id: true, bankId: true },
      where: { id: customerId },
    });
    return row?.bankId;
  }

  /** Customers by id (optionally only those at one bank), oldest first, then by id. */
  findByIds(ids: string[], paging: Paging, bankId?: string): Promise<CustomerEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.customers.find(
      pageFind(
        oldestFirst<CustomerEntity>(),
        paging,
        bankId === undefined ? { id: In(ids) } : { id: In(ids), bankId },
      ),
    );
  }

  /**
   * createCustomer: the number is generated, never posted ([P §5.1]); the unique constraint, not a
   * SELECT, decides whether it is free, and a clash draws a new one (in a new transaction). The
   * audit event and the outbox event are written in the customer's transaction (issue #13, #15).
   */
  async create(
    actor: AuditActor,
    bankId: string,
    body: PostCustomerJsonV310,
  ): Promise<CustomerJsonV310> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (tx) => {
          const { identifiers } = await tx.insert(CustomerEntity, {
            bankId,
            customerNumber: randomCustomerNumber(),
            ...customerColumns(body),
          });
          const customer = toCustomerJsonV310(
            await tx.findOneByOrFail(CustomerEntity, { id: String(identifiers[0].id) }),
          );
          await this.audit.recordChange(tx, actor, {
            action: 'create',
            entityType: 'customer',
            entityId: customer.customer_id,
            bankId,
            customerId: customer.customer_id,
            changedFields: CUSTOMER_BODY_FIELDS,
            event: { type: 'customer.created', data: customer },
          });
          return customer;
        });
      } catch (err) {
        if (!isUniqueViolation(err, NUMBER_CONSTRAINT)) throw err;
        if (attempt >= NUMBER_ATTEMPTS) throw new ObpException(ObpError.CreateCustomerError);
      }
    }
  }

  /** The guard has checked that the customer exists at the bank. */
  async getWithAttributes(customerId: string): Promise<CustomerWithAttributesJsonV310> {
    return toCustomerWithAttributesJsonV310(await this.get(customerId));
  }

  /** The lookup is scoped to the bank and exact ([K §4]). */
  async getByNumber(
    bankId: string,
    customerNumber: string,
  ): Promise<CustomerWithAttributesJsonV310> {
    const customer = await this.customers.findOneBy({ bankId, customerNumber });
    if (!customer) throw new ObpException(ObpError.CustomerNumberNotFound);
    return toCustomerWithAttributesJsonV310(customer);
  }

  /**
   * updateCustomerNumber: a number used by another customer at the bank violates the unique
   * constraint; the customer's own current number is refused too, as OBP does ([T] C-13), which the
   * `<>` condition detects without a second query.
   */
  async updateNumber(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    customerNumber: string,
  ): Promise<CustomerJsonV310> {
    const taken = (): ObpException =>
      new ObpException(
        ObpError.CustomerNumberAlreadyExists,
        ` Current customer_number(${customerNumber}) and Current bank_id(${bankId})`,
      );
    try {
      return await this.dataSource.transaction(async (tx) => {
        const result = await tx
          .createQueryBuilder()
          .update(CustomerEntity)
          .set({ customerNumber })
          .where('id = :customerId AND customer_number <> :customerNumber', {
            customerId,
            customerNumber,
          })
          .execute();
        if (result.affected === 0) throw taken();
        const customer = toCustomerJsonV310(
          await tx.findOneByOrFail(CustomerEntity, { id: customerId }),
        );
        await this.audit.recordChange(tx, actor, {
          action: 'update',
          entityType: 'customer',
          entityId: customerId,
          bankId,
          customerId,
          changedFields: ['customer_number'],
          event: { type: 'customer.number_updated', data: customer },
        });
        return customer;
      });
    } catch (err) {
      if (isUniqueViolation(err, NUMBER_CONSTRAINT)) throw taken();
      throw err;
    }
  }

  private async get(customerId: string): Promise<CustomerEntity> {
    const customer = isUuid(customerId) ? await this.customers.findOneBy({ id: customerId }) : null;
    if (!customer) {
      throw new ObpException(
        ObpError.CustomerNotFoundByCustomerId,
        `. Current CustomerId(${customerId})`,
      );
    }
    return customer;
  }
}
