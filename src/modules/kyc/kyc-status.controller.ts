import { Body, Controller, Param } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  KycStatusJSON,
  KycStatusesJSON,
  PostKycStatusJSON,
  kycStatusExamples,
} from './dto/kyc-status.dto';
import { KycStatusService } from './kyc-status.service';
import { KYC_WRITE_NOTES } from './kyc-write';

@Controller()
export class KycStatusController {
  constructor(private readonly statuses: KycStatusService) {}

  @ObpEndpoint({
    route: 'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_statuses',
    implementedIn: 'v2.0.0',
    summary: 'Add KYC Status',
    description:
      'Add a KYC status for the customer specified by CUSTOMER_ID. KYC Status is a timeline of the KYC ' +
      'status of the customer.\n\n' +
      '**Timeline** (our rule): every PUT appends a new status and answers 201; earlier ones ' +
      'are kept and listed by GET kyc_statuses, newest first. (OBP keeps one row per bank and customer and ' +
      'overwrites it.) The response has no `bank_id` and no `id`, as in OBP.\n\n' +
      KYC_WRITE_NOTES,
    tags: ['KYC', 'Customer'],
    roles: ['CanAddKycStatus'],
    checks: ['login', 'role', 'bank', 'customer', 'body'],
    body: { type: PostKycStatusJSON, example: kycStatusExamples.post },
    success: { status: 201, type: KycStatusJSON, example: kycStatusExamples.status },
    errors: ['UnknownError'],
  })
  addKycStatus(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Body() body: PostKycStatusJSON,
  ): Promise<KycStatusJSON> {
    return this.statuses.add(actor, bankId, customerId, body);
  }

  @ObpEndpoint({
    route: 'GET /customers/CUSTOMER_ID/kyc_statuses',
    implementedIn: 'v2.0.0',
    summary: 'Get Customer KYC statuses',
    description:
      'Get the KYC statuses of the customer specified by CUSTOMER_ID over time, at every bank.\n\n' +
      'Every PUT kyc_statuses is listed (a timeline), newest first; ties in reverse order of arrival. ' +
      'A customer with none gets `{"statuses":[]}`. ' +
      'Requires the system role CanGetAnyKycStatuses; CUSTOMER_ID is checked after the role.',
    tags: ['KYC', 'Customer'],
    roles: ['CanGetAnyKycStatuses'],
    checks: ['login', 'role', 'customer'],
    paged: true,
    access: { entityType: 'kyc_statuses' },
    success: {
      status: 200,
      type: KycStatusesJSON,
      example: { statuses: [kycStatusExamples.status] },
    },
    errors: ['UnknownError'],
  })
  getKycStatuses(
    @Param('CUSTOMER_ID') customerId: string,
    @Paged() paging: Paging,
  ): Promise<KycStatusesJSON> {
    return this.statuses.list(customerId, paging);
  }
}
