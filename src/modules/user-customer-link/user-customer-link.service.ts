import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import type { AuditActor } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { CustomerService } from '../customer/customer.service';
import {
  type CustomerJSONs,
  type CustomersWithAttributesJsonV300,
  toCustomerJsonV210,
  toCustomerWithAttributesJsonV300,
} from '../customer/dto/customer.dto';
import { UserService } from '../user/user.service';
import {
  type CreateUserCustomerLinkJson,
  type UserCustomerLinkJson,
  toUserCustomerLinkJson,
} from './dto/user-customer-link.dto';
import { UserCustomerLinkEntity } from './user-customer-link.entity';
import type { Paging } from '../../common/wire/paging';

@Injectable()
export class UserCustomerLinkService {
  constructor(
    @InjectRepository(UserCustomerLinkEntity)
    private readonly links: Repository<UserCustomerLinkEntity>,
    private readonly users: UserService,
    private readonly customers: CustomerService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * createUserCustomerLinks, after the guard's login, bank and role checks ([P §7.1], checks 3–8).
   * Only the exact (user, customer) pair is refused; a user may hold links to several customers.
   */
  async create(
    actor: AuditActor,
    bankId: string,
    body: CreateUserCustomerLinkJson,
  ): Promise<UserCustomerLinkJson> {
    if (!(await this.users.exists(body.user_id)))
      throw new ObpException(ObpError.UserNotFoundByUserId);
    const customerBank = await this.customers.bankOf(body.customer_id);
    if (customerBank === undefined) {
      throw new ObpException(
        ObpError.CustomerNotFoundByCustomerId,
        `. Current CustomerId(${body.customer_id})`,
      );
    }
    if (customerBank !== bankId) throw new ObpException(ObpError.CustomerNotAtBank);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const link = toUserCustomerLinkJson(
          await tx.save(
            tx.create(UserCustomerLinkEntity, {
              userId: body.user_id,
              customerId: body.customer_id,
              bankId,
              isActive: true,
            }),
          ),
        );
        await this.audit.recordChange(tx, actor, {
          action: 'create',
          entityType: 'user_customer_link',
          entityId: link.user_customer_link_id,
          bankId,
          customerId: link.customer_id,
          changedFields: ['user_id', 'customer_id'],
          event: { type: 'user_customer_link.created', data: link },
        });
        return link;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_user_customer_link_user_customer')) {
        throw new ObpException(ObpError.CustomerAlreadyExistsForUser);
      }
      throw err;
    }
  }

  /** GET /users/current/customers: the customers linked to the user, oldest customer first. */
  async customersOfUserJson(
    userId: string,
    paging: Paging,
  ): Promise<CustomersWithAttributesJsonV300> {
    const customers = await this.customers.findByIds(await this.linkedCustomerIds(userId), paging);
    return { customers: customers.map(toCustomerWithAttributesJsonV300) };
  }

  /** GET /banks/BANK_ID/customers: the same, only those at the bank. */
  async customersOfUserAtBankJson(
    userId: string,
    bankId: string,
    paging: Paging,
  ): Promise<CustomerJSONs> {
    const customers = await this.customers.findByIds(
      await this.linkedCustomerIds(userId),
      paging,
      bankId,
    );
    return { customers: customers.map(toCustomerJsonV210) };
  }

  private async linkedCustomerIds(userId: string): Promise<string[]> {
    const rows = await this.links.find({
      select: { customerId: true },
      where: { userId, isActive: true },
    });
    return rows.map((r) => r.customerId);
  }
}
