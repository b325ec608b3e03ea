import { Body, Controller, Param } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Actor, type AuditActor } from '../audit/audit-actor';
import { CustomerService } from './customer.service';
import {
  CustomerJsonV310,
  CustomerWithAttributesJsonV310,
  PostCustomerJsonV310,
  PostCustomerNumberJsonV310,
  PutUpdateCustomerNumberJsonV310,
  assertDependantsMatch,
  customerExamples,
} from './dto/customer.dto';

@Controller()
export class CustomerController {
  constructor(private readonly customers: CustomerService) {}

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/customers',
    implementedIn: 'v3.1.0',
    summary: 'Create Customer',
    description:
      'The Customer resource stores the customer number (which is set by the backend), legal name, email, phone number, their date of birth, relationship status, education attained, a url for a profile image, KYC status etc.\n\n' +
      'Dates need to be in the format 2013-01-21T23:08:00Z\n\n' +
      'Note: If you need to set a specific customer number, use the Update Customer Number endpoint after this call.\n\n' +
      'All fields are required. `customer_number` is a random non-negative 32-bit integer, unique at the bank. ' +
      '`dependants` must equal the number of `dob_of_dependants` (OBP-10020). ' +
      'Lengths: `legal_name`, `title`, `branch_id`, `name_suffix` 255; `email` 200; `mobile_phone_number` 50; ' +
      '`relationship_status` 16; `highest_education_attained`, `employment_status` 32; `credit_rating` and `credit_limit` fields 100; `face_image.url` 2000.',
    tags: ['Customer', 'Person'],
    roles: ['CanCreateCustomer', 'CanCreateCustomerAtAnyBank'],
    checks: ['login', 'role', 'bank', 'body'],
    body: {
      type: PostCustomerJsonV310,
      example: customerExamples.post,
      afterValidate: assertDependantsMatch,
    },
    success: { status: 201, type: CustomerJsonV310, example: customerExamples.customer },
    errors: ['InvalidJsonValue', 'CreateCustomerError', 'UnknownError'],
  })
  createCustomer(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Body() body: PostCustomerJsonV310,
  ): Promise<CustomerJsonV310> {
    return this.customers.create(actor, bankId, body);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/customers/CUSTOMER_ID',
    implementedIn: 'v3.1.0',
    summary: 'Get Customer by CUSTOMER_ID',
    description:
      'Gets the Customer specified by CUSTOMER_ID.\n\n' +
      'The customer must belong to the bank specified by BANK_ID, otherwise OBP-30046. No user-customer link is required.',
    tags: ['Customer'],
    roles: ['CanGetCustomer'],
    checks: ['login', 'bank', 'role', 'customer'],
    access: { entityType: 'customer' },
    success: {
      status: 200,
      type: CustomerWithAttributesJsonV310,
      example: customerExamples.withAttributes,
    },
    errors: ['UnknownError'],
  })
  getCustomerByCustomerId(
    @Param('CUSTOMER_ID') customerId: string,
  ): Promise<CustomerWithAttributesJsonV310> {
    return this.customers.getWithAttributes(customerId);
  }

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/customers/customer-number',
    implementedIn: 'v3.1.0',
    summary: 'Get Customer by CUSTOMER_NUMBER',
    description:
      'Gets the Customer specified by CUSTOMER_NUMBER.\n\n' +
      'The number is matched exactly (case-sensitive) among the customers of the bank specified by BANK_ID. ' +
      'A JSON number is accepted and read as its text. No user-customer link is required.',
    tags: ['Customer', 'KYC'],
    roles: ['CanGetCustomer'],
    checks: ['login', 'bank', 'role', 'body'],
    access: {
      entityType: 'customer',
      customersIn: (c: CustomerWithAttributesJsonV310) => [c.customer_id],
    },
    body: { type: PostCustomerNumberJsonV310, example: customerExamples.number },
    success: {
      status: 200,
      type: CustomerWithAttributesJsonV310,
      example: customerExamples.withAttributes,
    },
    errors: ['CustomerNumberNotFound', 'UnknownError'],
  })
  getCustomerByCustomerNumber(
    @Param('BANK_ID') bankId: string,
    @Body() body: PostCustomerNumberJsonV310,
  ): Promise<CustomerWithAttributesJsonV310> {
    return this.customers.getByNumber(bankId, body.customer_number);
  }

  @ObpEndpoint({
    route: 'PUT /banks/BANK_ID/customers/CUSTOMER_ID/number',
    implementedIn: 'v3.1.0',
    summary: 'Update the number of a Customer',
    description:
      'Update the number of the Customer specified by CUSTOMER_ID.\n\n' +
      'Numbers are unique per bank: a number already used at the bank, including the customer’s own current number, gives OBP-30006. At most 50 characters.',
    tags: ['Customer'],
    roles: ['CanUpdateCustomerNumber'],
    checks: ['login', 'bank', 'role', 'body', 'customer'],
    body: { type: PutUpdateCustomerNumberJsonV310, example: customerExamples.number },
    success: { status: 200, type: CustomerJsonV310, example: customerExamples.customer },
    errors: ['CustomerNumberAlreadyExists', 'UnknownError'],
  })
  updateCustomerNumber(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Body() body: PutUpdateCustomerNumberJsonV310,
  ): Promise<CustomerJsonV310> {
    return this.customers.updateNumber(actor, bankId, customerId, body.customer_number);
  }
}
