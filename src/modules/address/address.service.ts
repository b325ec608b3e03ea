import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { runPrepared } from '../../database/prepared-statement';
import { type Paging, oldestFirst, pagedStatements } from '../../common/wire/paging';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/wire/ids';
import type { AuditActor } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { CustomerAddressEntity } from './customer-address.entity';
import {
  type CustomerAddressJsonV310,
  type CustomerAddressesJsonV310,
  type PostCustomerAddressJsonV310,
  addressColumns,
  toCustomerAddressJsonV310,
} from './dto/customer-address.dto';

/** OBP's answer for an unknown address id ([P §6]); also for an address of another customer ([K §9] item 5). */
const addressNotFound = (): ObpException =>
  ObpException.chain(ObpError.ConnectorEmptyResponse, ObpError.CustomerAddressNotFound);

/** The body fields an address create sets (wire names), in the order of the answer. */
const ADDRESS_FIELDS = [
  'line_1',
  'line_2',
  'line_3',
  'city',
  'county',
  'state',
  'postcode',
  'country_code',
  'tags',
  'status',
] as const satisfies (keyof PostCustomerAddressJsonV310 & keyof CustomerAddressJsonV310)[];

/** A hot path (issue #11): named prepared statements, no entity hydration; oldest first. */
const LIST = pagedStatements(
  'customer_address_list',
  'SELECT id, customer_id AS "customerId", line1, line2, line3, city, county, state, postcode,' +
    ' country_code AS "countryCode", tags, status, created_at AS "createdAt", updated_at AS "updatedAt"' +
    ' FROM customer_address',
  'customer_id = $1::uuid',
  1,
  oldestFirst<CustomerAddressEntity>(),
);

@Injectable()
export class AddressService {
  constructor(
    @InjectRepository(CustomerAddressEntity)
    private readonly addresses: Repository<CustomerAddressEntity>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The address, its audit event and its outbox event in one transaction (issue #13, #15). */
  async create(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    body: PostCustomerAddressJsonV310,
  ): Promise<CustomerAddressJsonV310> {
    return this.dataSource.transaction(async (tx) => {
      const { identifiers } = await tx.insert(CustomerAddressEntity, {
        customerId,
        ...addressColumns(body),
      });
      const address = await this.getOne(customerId, String(identifiers[0].id), tx);
      await this.audit.recordChange(tx, actor, {
        action: 'create',
        entityType: 'address',
        entityId: address.customer_address_id,
        bankId,
        customerId,
        changedFields: ADDRESS_FIELDS,
        event: { type: 'address.created', data: address },
      });
      return address;
    });
  }

  /**
   * One UPDATE scoped to the customer: another customer's address is never touched. The audit
   * event names the fields whose value changed (the row is locked while they are compared).
   */
  async update(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    addressId: string,
    body: PostCustomerAddressJsonV310,
  ): Promise<CustomerAddressJsonV310> {
    if (!isUuid(addressId)) throw addressNotFound();
    return this.dataSource.transaction(async (tx) => {
      const before = await tx.findOne(CustomerAddressEntity, {
        where: { id: addressId, customerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw addressNotFound();
      await tx.update(CustomerAddressEntity, { id: addressId, customerId }, addressColumns(body));
      const address = await this.getOne(customerId, addressId, tx);
      const old = toCustomerAddressJsonV310(before);
      await this.audit.recordChange(tx, actor, {
        action: 'update',
        entityType: 'address',
        entityId: addressId,
        bankId,
        customerId,
        changedFields: ADDRESS_FIELDS.filter(
          (f) => JSON.stringify(old[f]) !== JSON.stringify(address[f]),
        ),
        event: { type: 'address.updated', data: address },
      });
      return address;
    });
  }

  async list(customerId: string, paging: Paging): Promise<CustomerAddressesJsonV310> {
    const { statement, values } = LIST(paging, [customerId]);
    const rows = await runPrepared<CustomerAddressEntity>(this.dataSource, statement, values);
    return { addresses: rows.map(toCustomerAddressJsonV310) };
  }

  private async getOne(
    customerId: string,
    addressId: string,
    tx: EntityManager,
  ): Promise<CustomerAddressJsonV310> {
    const row = await tx.findOneBy(CustomerAddressEntity, { id: addressId, customerId });
    if (!row) throw addressNotFound();
    return toCustomerAddressJsonV310(row);
  }

  /** The outbox event holds the address's last JSON. */
  async delete(
    actor: AuditActor,
    bankId: string,
    customerId: string,
    addressId: string,
  ): Promise<boolean> {
    if (!isUuid(addressId)) throw addressNotFound();
    return this.dataSource.transaction(async (tx) => {
      const row = await tx.findOne(CustomerAddressEntity, {
        where: { id: addressId, customerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw addressNotFound();
      await tx.delete(CustomerAddressEntity, { id: addressId, customerId });
      await this.audit.recordChange(tx, actor, {
        action: 'delete',
        entityType: 'address',
        entityId: addressId,
        bankId,
        customerId,
        changedFields: [],
        event: { type: 'address.deleted', data: toCustomerAddressJsonV310(row) },
      });
      return true;
    });
  }
}
