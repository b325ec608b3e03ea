import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUuid } from '../../common/wire/ids';
import { CustomerEntity } from './customer.entity';

@Injectable()
export class CustomerService {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /** The `customer` check: the customer exists and, with a BANK_ID, belongs to that bank ([K §9] item 4). */
  async exists(customerId: string, bankId: string | undefined): Promise<boolean> {
    if (!isUuid(customerId)) return false;
    return this.customers.existsBy(bankId === undefined ? { id: customerId } : { id: customerId, bankId });
  }
}
