import { Body, Controller, Param } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import { AddressService } from './address.service';
import {
  CustomerAddressJsonV310,
  CustomerAddressesJsonV310,
  PostCustomerAddressJsonV310,
  assertTagsFit,
  customerAddressExamples,
} from './dto/customer-address.dto';

const bodyRules =
  'All fields are required except `tags` (missing or null is an empty list). ' +
  'Lengths: `line_1`, `line_2`, `line_3`, `city`, `county`, `state` 255; `postcode` 20; `country_code` 2; `status` 20; ' +
  '`tags` joined with commas 20. The posted `status` is stored and returned (OBP returns `state` there, a bug). ' +
  'The customer must belong to the bank specified by BANK_ID (OBP-30046 otherwise).';

const notFound =
  'Only an address of the customer specified by CUSTOMER_ID is touched: any other CUSTOMER_ADDRESS_ID, like an unknown one, ' +
  'gives 400 OBP-50200 <- OBP-30310.';

@Controller()
export class AddressController {
  constructor(private readonly addresses: AddressService) {}

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/customers/CUSTOMER_ID/address',
    implementedIn: 'v3.1.0',
    summary: 'Create Address',
    description: `Create an Address for a Customer specified by CUSTOMER_ID.\n\n${bodyRules}`,
    tags: ['Customer'],
    roles: ['CanCreateCustomerAddress'],
    checks: ['login', 'bank', 'role', 'body', 'customer'],
    body: {
      type: PostCustomerAddressJsonV310,
      example: customerAddressExamples.post,
      afterValidate: assertTagsFit,
    },
    success: {
      status: 201,
      type: CustomerAddressJsonV310,
      example: customerAddressExamples.address,
    },
    errors: ['UnknownError'],
  })
  createCustomerAddress(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Body() body: PostCustomerAddressJsonV310,
  ): Promise<CustomerAddressJsonV310> {
    return this.addresses.create(actor, bankId, customerId, body);
  }

  @ObpEndpoint({
    route: 'PUT /banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID',
    implementedIn: 'v3.1.0',
    summary: 'Update the Address of a Customer',
    description:
      `Update an Address of the Customer specified by CUSTOMER_ADDRESS_ID.\n\n${bodyRules} ${notFound}\n\n` +
      'The role is the one OBP enforces, CanCreateCustomer (its own doc declares none; there is no CanUpdateCustomerAddress).',
    tags: ['Customer'],
    roles: ['CanCreateCustomer'],
    checks: ['login', 'bank', 'role', 'body', 'customer'],
    body: {
      type: PostCustomerAddressJsonV310,
      example: customerAddressExamples.post,
      afterValidate: assertTagsFit,
    },
    success: {
      status: 200,
      type: CustomerAddressJsonV310,
      example: customerAddressExamples.address,
    },
    errors: ['ConnectorEmptyResponse', 'CustomerAddressNotFound', 'UnknownError'],
  })
  updateCustomerAddress(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('CUSTOMER_ADDRESS_ID') addressId: string,
    @Body() body: PostCustomerAddressJsonV310,
  ): Promise<CustomerAddressJsonV310> {
    return this.addresses.update(actor, bankId, customerId, addressId, body);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/customers/CUSTOMER_ID/addresses',
    implementedIn: 'v3.1.0',
    summary: 'Get Customer Addresses',
    description:
      'Get the Addresses of the Customer specified by CUSTOMER_ID.\n\n' +
      'Oldest first. `status` is the posted status. An address posted without tags has `"tags":[]` (OBP: `[""]`). ' +
      'The customer must belong to the bank specified by BANK_ID (OBP-30046 otherwise).',
    tags: ['Customer', 'KYC'],
    roles: ['CanGetCustomerAddress'],
    checks: ['login', 'bank', 'role', 'customer'],
    paged: true,
    access: { entityType: 'addresses' },
    success: {
      status: 200,
      type: CustomerAddressesJsonV310,
      example: customerAddressExamples.list,
    },
    errors: ['UnknownError'],
  })
  getCustomerAddresses(
    @Param('CUSTOMER_ID') customerId: string,
    @Paged() paging: Paging,
  ): Promise<CustomerAddressesJsonV310> {
    return this.addresses.list(customerId, paging);
  }

  @ObpEndpoint({
    route: 'DELETE /banks/BANK_ID/customers/CUSTOMER_ID/addresses/CUSTOMER_ADDRESS_ID',
    implementedIn: 'v3.1.0',
    summary: 'Delete Customer Address',
    description:
      `Delete an Address of the Customer specified by CUSTOMER_ADDRESS_ID.\n\nAnswers 200 with the body \`true\`. ${notFound} ` +
      'Deleting the same address twice gives that answer the second time.',
    tags: ['Customer', 'KYC'],
    roles: ['CanDeleteCustomerAddress'],
    checks: ['login', 'bank', 'role', 'customer'],
    success: { status: 200, example: true },
    errors: ['ConnectorEmptyResponse', 'CustomerAddressNotFound', 'UnknownError'],
  })
  // OBP answers a bare JSON `true`; Nest would send a non-object as text/html.
  deleteCustomerAddress(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('CUSTOMER_ADDRESS_ID') addressId: string,
  ): Promise<boolean> {
    return this.addresses.delete(actor, bankId, customerId, addressId);
  }
}
