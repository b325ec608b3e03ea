import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { runPrepared } from '../../database/prepared-statement';
import { type Paging, oldestFirst, pagedStatements } from '../../common/wire/paging';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/wire/ids';
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
  ) {}

  async create(
    customerId: string,
    body: PostCustomerAddressJsonV310,
  ): Promise<CustomerAddressJsonV310> {
    const { identifiers } = await this.addresses.insert({ customerId, ...addressColumns(body) });
    return this.getOne(customerId, String(identifiers[0].id));
  }

  /** One UPDATE scoped to the customer: another customer's address is never touched. */
  async update(
    customerId: string,
    addressId: string,
    body: PostCustomerAddressJsonV310,
  ): Promise<CustomerAddressJsonV310> {
    if (!isUuid(addressId)) throw addressNotFound();
    const result = await this.addresses.update({ id: addressId, customerId }, addressColumns(body));
    if (!result.affected) throw addressNotFound();
    return this.getOne(customerId, addressId);
  }

  async list(customerId: string, paging: Paging): Promise<CustomerAddressesJsonV310> {
    const { statement, values } = LIST(paging, [customerId]);
    const rows = await runPrepared<CustomerAddressEntity>(this.dataSource, statement, values);
    return { addresses: rows.map(toCustomerAddressJsonV310) };
  }

  private async getOne(customerId: string, addressId: string): Promise<CustomerAddressJsonV310> {
    const row = await this.addresses.findOneBy({ id: addressId, customerId });
    if (!row) throw addressNotFound();
    return toCustomerAddressJsonV310(row);
  }

  async delete(customerId: string, addressId: string): Promise<boolean> {
    if (!isUuid(addressId)) throw addressNotFound();
    const result = await this.addresses.delete({ id: addressId, customerId });
    if (!result.affected) throw addressNotFound();
    return true;
  }
}
