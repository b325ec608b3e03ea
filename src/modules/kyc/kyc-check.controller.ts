import { Body, Controller, Param } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  KycCheckJSON,
  KycChecksJSON,
  PostKycCheckJSON,
  kycCheckExamples,
} from './dto/kyc-check.dto';
import { KycCheckService } from './kyc-check.service';
import { KYC_WRITE_NOTES, kycIdNotes } from './kyc-write';

@Controller()
export class KycCheckController {
  constructor(private readonly checks: KycCheckService) {}

  @ObpEndpoint({
    route: 'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_check/KYC_CHECK_ID',
    implementedIn: 'v2.0.0',
    summary: 'Add KYC Check',
    description:
      'Add a KYC check for the customer specified by CUSTOMER_ID. KYC Checks store details of checks on a ' +
      'customer made by the KYC team, their comments and a satisfied status.\n\n' +
      `${kycIdNotes('KYC_CHECK_ID')}\n\n${KYC_WRITE_NOTES}`,
    tags: ['KYC', 'Customer'],
    roles: ['CanAddKycCheck'],
    checks: ['login', 'role', 'bank', 'customer', 'body'],
    body: { type: PostKycCheckJSON, example: kycCheckExamples.post },
    success: { status: 201, type: KycCheckJSON, example: kycCheckExamples.check },
    errors: ['InvalidJsonFormat', 'KycIdUsedByAnotherCustomer', 'UnknownError'],
  })
  addKycCheck(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('KYC_CHECK_ID') checkId: string,
    @Body() body: PostKycCheckJSON,
  ): Promise<KycCheckJSON> {
    return this.checks.put(actor, bankId, customerId, checkId, body);
  }

  @ObpEndpoint({
    route: 'GET /customers/CUSTOMER_ID/kyc_checks',
    implementedIn: 'v2.0.0',
    summary: 'Get Customer KYC Checks',
    description:
      'Get KYC checks for the Customer specified by CUSTOMER_ID, at every bank.\n\n' +
      'Order: most recently created or updated first, then by id. A customer with none gets `{"checks":[]}`. ' +
      'Requires the system role CanGetAnyKycChecks; CUSTOMER_ID is checked after the role.',
    tags: ['KYC', 'Customer'],
    roles: ['CanGetAnyKycChecks'],
    checks: ['login', 'role', 'customer'],
    paged: true,
    access: { entityType: 'kyc_checks' },
    success: { status: 200, type: KycChecksJSON, example: { checks: [kycCheckExamples.check] } },
    errors: ['UnknownError'],
  })
  getKycChecks(
    @Param('CUSTOMER_ID') customerId: string,
    @Paged() paging: Paging,
  ): Promise<KycChecksJSON> {
    return this.checks.list(customerId, paging);
  }
}
