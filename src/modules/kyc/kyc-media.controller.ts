import { Body, Controller, Param } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  KycMediaJSON,
  KycMediasJSON,
  PostKycMediaJSON,
  kycMediaExamples,
} from './dto/kyc-media.dto';
import { KycMediaService } from './kyc-media.service';
import { KYC_WRITE_NOTES, kycIdNotes } from './kyc-write';

@Controller()
export class KycMediaController {
  constructor(private readonly media: KycMediaService) {}

  @ObpEndpoint({
    route: 'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_media/KYC_MEDIA_ID',
    implementedIn: 'v2.0.0',
    summary: 'Add KYC Media',
    description:
      'Add some KYC media for the customer specified by CUSTOMER_ID. KYC Media resources relate to KYC ' +
      'Documents and KYC Checks and contain media urls for scans of passports, utility bills etc. ' +
      '`url` is not validated, and `relates_to_kyc_document_id` / `relates_to_kyc_check_id` are stored as ' +
      'given without looking them up (use `""` for none).\n\n' +
      `${kycIdNotes('KYC_MEDIA_ID')}\n\n${KYC_WRITE_NOTES}`,
    tags: ['KYC', 'Customer'],
    roles: ['CanAddKycMedia'],
    checks: ['login', 'role', 'bank', 'customer', 'body'],
    body: { type: PostKycMediaJSON, example: kycMediaExamples.post },
    success: { status: 201, type: KycMediaJSON, example: kycMediaExamples.media },
    errors: ['InvalidJsonFormat', 'KycIdUsedByAnotherCustomer', 'UnknownError'],
  })
  addKycMedia(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('KYC_MEDIA_ID') mediaId: string,
    @Body() body: PostKycMediaJSON,
  ): Promise<KycMediaJSON> {
    return this.media.put(actor, bankId, customerId, mediaId, body);
  }

  @ObpEndpoint({
    route: 'GET /customers/CUSTOMER_ID/kyc_media',
    implementedIn: 'v2.0.0',
    summary: 'Get KYC Media for a customer',
    description:
      'Get KYC media (scans, pictures, videos) that affirms the identity of the customer specified by ' +
      'CUSTOMER_ID, at every bank. The wrapper is `medias`.\n\n' +
      'Order: most recently created or updated first, then by id. A customer with none gets `{"medias":[]}`. ' +
      'Requires the system role CanGetAnyKycMedia; CUSTOMER_ID is checked after the role.',
    tags: ['KYC', 'Customer'],
    roles: ['CanGetAnyKycMedia'],
    checks: ['login', 'role', 'customer'],
    paged: true,
    access: { entityType: 'kyc_medias' },
    success: { status: 200, type: KycMediasJSON, example: { medias: [kycMediaExamples.media] } },
    errors: ['UnknownError'],
  })
  getKycMedia(
    @Param('CUSTOMER_ID') customerId: string,
    @Paged() paging: Paging,
  ): Promise<KycMediasJSON> {
    return this.media.list(customerId, paging);
  }
}
